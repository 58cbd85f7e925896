/**
 * The app's publishers end to end (signed webhooks through Probot, GitHub at the HTTP level): review
 * comments and the sticky summary comment across pushes, re-deliveries and forks, rate limits, and
 * the "Propose split" button. The fake GitHub keeps what the app posts, so a second delivery sees it.
 */
import type { Probot } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASE, BOT, CHECK_RUN_ID, deliver, FakeApp, HEAD, patchOf, payload, resetNock, testProbot } from './harness.js';

const SCENARIO = 'fixtures/scenarios/env-wide-shared-key';
const CONFIG = 'failOn: high\nenvironments:\n  prod: ["envs/prod/**"]\n  dev: ["envs/dev/**"]\n';
const R = '/repos/acme/platform-infra';
const HEAD2 = '4'.repeat(40);
const LOOKUP = (sha: string) => `GET ${R}/commits/${sha}/check-runs?check_name=KMS%20key%20strategy&filter=latest&per_page=100`;
const BLOBS = expect.stringMatching(/^POST \/graphql \(\d+ blobs\)$/);

let fake: FakeApp;
let probot: Probot;

beforeEach(async () => {
  resetNock();
  fake = new FakeApp();
  probot = await testProbot();
});
afterEach(() => resetNock());

/** Requests after the installation token. */
const calls = () => fake.requests().filter((r) => !r.includes('/access_tokens'));

const key = (rotation: boolean, description = 'ledger data') =>
  `resource "aws_kms_key" "ledger" {\n  description             = "${description}"\n  enable_key_rotation     = ${rotation}\n  deletion_window_in_days = 30\n}\n`;

describe('synchronize with a fixed finding', () => {
  it('answers "Fixed in <sha>" in the thread, resolves it and edits the sticky comment to ✅', async () => {
    const path = 'live/prod/kms.tf';
    fake.scenario({ [path]: key(true) }, { [path]: key(false) });
    fake.start();
    await deliver(probot, 'pull_request.opened', payload('pull_request.opened'));
    const [review] = fake.bodies('POST', '/pulls/42/reviews');
    expect(review.comments).toHaveLength(1);
    const fingerprint = /^<!-- kms-review:finding ([\w.:-]+) -->/.exec(review.comments[0].body)?.[1];
    expect(fingerprint).toBeDefined();
    expect(review.comments[0]).toMatchObject({ path, line: 3, side: 'RIGHT' });
    expect(review.comments[0].body).toContain('```suggestion\n  enable_key_rotation     = true\n```');
    expect(fake.comments).toHaveLength(1);
    const root = fake.threadComments[0];

    // The next push turns rotation back on (and edits the description: the PR still changes the file).
    fake.commit(HEAD2, { [path]: key(true, 'ledger data store') });
    fake.pullFiles = [{ filename: path, status: 'modified', patch: patchOf(key(true), key(true, 'ledger data store')) }];
    fake.headNow = HEAD2;
    fake.log.length = 0;
    await deliver(
      probot,
      'pull_request.synchronize',
      payload('pull_request.synchronize', (p) => {
        p.after = HEAD2;
        p.pull_request.head.sha = HEAD2;
        p.pull_request.updated_at = '2026-11-20T10:00:00Z';
      }),
    );
    expect(calls()).toEqual([
      LOOKUP(HEAD2),
      `POST ${R}/check-runs`,
      `GET ${R}/pulls/42/files?per_page=100&page=1`,
      `GET ${R}/git/trees/${BASE}?recursive=true`,
      `GET ${R}/git/trees/${HEAD2}?recursive=true`,
      'POST /graphql (1 blobs)', // the base blob is in the cache already
      // No `.github/kms-review.yml` in the base tree: the organisation's default is asked for.
      'GET /repos/acme/.github/contents/.github%2Fkms-review.yml',
      `GET ${R}/pulls/42`,
      // The PR has comments now: its `/kms ignore` marker comment is looked for.
      `GET ${R}/issues/42/comments?per_page=100&page=1`,
      `PATCH ${R}/check-runs/${CHECK_RUN_ID + 1}`,
      `GET ${R}/pulls/42/comments?per_page=100&page=1`,
      `POST ${R}/pulls/42/comments/${root.id}/replies`,
      'POST /graphql (reviewThreads)',
      'POST /graphql (resolveReviewThread)',
      `GET ${R}/issues/42/comments?per_page=100&page=1`,
      `PATCH ${R}/issues/comments/${fake.comments[0].id}`,
    ]);
    expect(fake.bodies('POST', '/replies')).toEqual([{ body: `<!-- kms-review:fixed ${fingerprint} -->\nFixed in ${HEAD2}.` }]);
    expect(fake.resolved).toEqual([`thread-${root.id}`]);
    expect(fake.bodies('POST', '/pulls/42/reviews')).toHaveLength(0);
    const [sticky] = fake.bodies('PATCH', '/issues/comments/');
    expect(sticky.body).toMatch(new RegExp(`^<!-- kms-review:summary -->\\n<!-- kms-review:run sha=${HEAD2} at=2026-11-20T10:00:00.000Z -->\\n`));
    expect(sticky.body).toContain('✅');
    expect(fake.bodies('PATCH', '/check-runs/').at(-1)).toMatchObject({ status: 'completed', conclusion: 'success' });
  });
});

describe('re-delivered webhook', () => {
  it('re-runs the same check run and posts no second review or sticky comment', async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.config = CONFIG;
    fake.start();
    const opened = payload('pull_request.opened');
    await deliver(probot, 'pull_request.opened', opened, 'delivery-1');
    const first = calls().length;
    await deliver(probot, 'pull_request.opened', opened, 'delivery-1');
    const again = calls().slice(first);
    expect(again).toEqual([
      LOOKUP(HEAD),
      `PATCH ${R}/check-runs/${CHECK_RUN_ID}`, // back to in_progress: the same run, re-run
      `GET ${R}/pulls/42/files?per_page=100&page=1`,
      `GET ${R}/git/trees/${BASE}?recursive=true`,
      `GET ${R}/git/trees/${HEAD}?recursive=true`,
      // The config comes from the base tree, with the blobs: all in the cache now, so no GraphQL call.
      `GET ${R}/pulls/42`,
      `GET ${R}/issues/42/comments?per_page=100&page=1`, // `/kms ignore` marker comment
      `PATCH ${R}/check-runs/${CHECK_RUN_ID}`,
      // Every fingerprint is there already: inline ones by their thread, listed ones in the review body.
      `GET ${R}/pulls/42/comments?per_page=100&page=1`,
      `GET ${R}/pulls/42/reviews?per_page=100&page=1`,
      // The sticky comment has the same content: not edited.
      `GET ${R}/issues/42/comments?per_page=100&page=1`,
    ]);
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.bodies('POST', '/check-runs')).toHaveLength(1);
    expect(fake.bodies('PATCH', '/check-runs/')[1]).toMatchObject({ status: 'in_progress', output: { title: 'Reviewing the KMS key strategy…' } });
    expect(fake.bodies('PATCH', '/check-runs/').at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(fake.bodies('POST', '/pulls/42/reviews')).toHaveLength(1);
    expect(fake.bodies('POST', '/issues/42/comments')).toHaveLength(1);
    expect(fake.bodies('PATCH', '/issues/comments/')).toHaveLength(0);
    expect(fake.comments).toHaveLength(1);
  });
});

describe('a pull request from a fork', () => {
  const forkRepo = {
    id: 600200,
    name: 'platform-infra',
    full_name: 'contributor/platform-infra',
    private: false,
    fork: true,
    owner: { login: 'contributor', id: 8001, type: 'User' },
    html_url: 'https://github.com/contributor/platform-infra',
    url: 'https://api.github.com/repos/contributor/platform-infra',
  };

  it('is reviewed with the installation token of the base repository and posts as usual; check_suite.rerequested finds it through its run', async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.config = CONFIG;
    fake.headRepo = { id: forkRepo.id, name: forkRepo.name, full_name: forkRepo.full_name };
    fake.start();
    const p = payload('pull_request.opened', (x) => {
      x.pull_request.head.repo = forkRepo;
      x.pull_request.head.label = 'contributor:billing-ledger';
      x.pull_request.head.user = forkRepo.owner;
      x.sender = { login: 'contributor', id: 8001, type: 'User' };
    });
    expect(p.pull_request.head.repo.full_name).not.toBe(p.pull_request.base.repo.full_name);
    await deliver(probot, 'pull_request.opened', p);
    expect(calls()).toEqual([
      LOOKUP(HEAD),
      `POST ${R}/check-runs`,
      `GET ${R}/pulls/42/files?per_page=100&page=1`,
      `GET ${R}/git/trees/${BASE}?recursive=true`,
      `GET ${R}/git/trees/${HEAD}?recursive=true`,
      BLOBS, // with the base tree's config
      `GET ${R}/pulls/42`,
      `PATCH ${R}/check-runs/${CHECK_RUN_ID}`,
      `POST ${R}/pulls/42/reviews`,
      `POST ${R}/issues/42/comments`,
    ]);
    // Everything is read from the base repository (a fork's commits are readable there): nothing from the fork is fetched or run.
    expect(fake.log.some((e) => e.path.includes('/contributor/'))).toBe(false);
    expect(fake.bodies('PATCH', '/check-runs/').at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(fake.bodies('POST', '/pulls/42/reviews')[0].comments.length).toBeGreaterThan(0);

    // "Re-run all checks": GitHub lists no pull request in a fork's check suite; the app finds it
    // through its own run in that suite (`external_id` pr-42), however many pull requests are open.
    const first = calls().length;
    const suite = payload('check_suite.rerequested');
    expect(suite.check_suite.pull_requests).toEqual([]);
    await deliver(probot, 'check_suite.rerequested', suite);
    expect(calls().slice(first, first + 4)).toEqual([
      `GET ${R}/check-suites/${suite.check_suite.id}/check-runs?check_name=KMS%20key%20strategy&per_page=100`,
      `GET ${R}/pulls/42`,
      LOOKUP(HEAD),
      `PATCH ${R}/check-runs/${CHECK_RUN_ID}`,
    ]);
    expect(fake.checkRuns).toHaveLength(1);
    expect(fake.bodies('PATCH', '/check-runs/').at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(fake.bodies('POST', '/pulls/42/reviews')).toHaveLength(1);
    expect(fake.bodies('POST', '/issues/42/comments')).toHaveLength(1);
  });
});

describe('check_run.rerequested on a fork', () => {
  it("finds the pull request by the run's external_id and re-runs the run named by the event (no lookup)", async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.config = CONFIG;
    fake.headRepo = { id: 600200, name: 'platform-infra', full_name: 'contributor/platform-infra' };
    fake.checkRuns.push({ id: CHECK_RUN_ID, name: 'KMS key strategy', head_sha: HEAD, external_id: 'pr-42', status: 'completed', app: { slug: 'kms-review' } });
    fake.start();
    const p = payload('check_run.requested_action', (x) => {
      x.action = 'rerequested';
      delete x.requested_action;
      x.check_run.pull_requests = [];
      x.check_run.completed_at = '2026-11-20T09:13:00Z';
    });
    await deliver(probot, 'check_run.rerequested', p);
    expect(calls().slice(0, 3)).toEqual([`GET ${R}/pulls/42`, `PATCH ${R}/check-runs/${CHECK_RUN_ID}`, `GET ${R}/pulls/42/files?per_page=100&page=1`]);
    expect(fake.bodies('POST', '/check-runs')).toHaveLength(0);
    expect(fake.bodies('PATCH', '/check-runs/').at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    // The sticky comment records the run's time, not the clock's.
    expect(fake.comments[0].body).toContain(`<!-- kms-review:run sha=${HEAD} at=2026-11-20T09:13:00.000Z -->`);
  });
});

describe('rate limits', () => {
  it('a 429 secondary rate limit with retry-after on the review is retried once, then everything is posted', async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.config = CONFIG;
    fake.failures.set('POST review', [
      [429, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '1' }],
    ]);
    fake.start();
    await deliver(probot, 'pull_request.opened', payload('pull_request.opened'));
    const reviews = fake.bodies('POST', '/pulls/42/reviews');
    expect(reviews).toHaveLength(2);
    expect(reviews[1]).toEqual(reviews[0]);
    expect(fake.reviews).toHaveLength(1);
    expect(fake.bodies('POST', '/issues/42/comments')).toHaveLength(1);
    expect(calls().slice(-3)).toEqual([`POST ${R}/pulls/42/reviews`, `POST ${R}/pulls/42/reviews`, `POST ${R}/issues/42/comments`]);
  });
});

describe('"Propose split" button', () => {
  const pressed = (login: string) =>
    payload('check_run.requested_action', (p) => {
      p.sender = { login, id: 7100, type: 'User' };
    });

  it('checks the sender may write, then posts the split plan as a comment', async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.config = CONFIG;
    fake.start();
    await deliver(probot, 'check_run.requested_action', pressed('dana'));
    expect(calls()).toEqual([
      `GET ${R}/collaborators/dana/permission`,
      `GET ${R}/pulls/42/files?per_page=100&page=1`,
      `GET ${R}/git/trees/${BASE}?recursive=true`,
      `GET ${R}/git/trees/${HEAD}?recursive=true`,
      BLOBS, // with the base tree's config
      `GET ${R}/issues/42/comments?per_page=100&page=1`,
      `POST ${R}/issues/42/comments`,
    ]);
    const [comment] = fake.bodies('POST', '/issues/42/comments');
    expect(comment.body.startsWith(`<!-- kms-review:split ${HEAD} -->`)).toBe(true);
    expect(comment.body).toContain('dana');
    expect(fake.comments[0].user).toEqual(BOT);
  });

  it("honours the pull request's ignores: a key whose split findings are ignored gets no plan", async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.config = CONFIG;
    const ignore = (rule: string) => ({ rule, reason: 'shared on purpose until Q3', author: 'dana', date: '2026-11-20' });
    const ignores = ['KMS101', 'KMS102', 'KMS103', 'KMS104', 'KMS107'].map(ignore);
    fake.comments.push({ id: 555, user: BOT, body: `<!-- kms-review:ignores ${JSON.stringify({ v: 1, ignores })} -->\n**kms-review** · pull-request ignores` });
    fake.start();
    await deliver(probot, 'check_run.requested_action', pressed('dana'));
    expect(calls().at(-1)).toBe(`GET ${R}/issues/42/comments?per_page=100&page=1`);
    expect(fake.bodies('POST', '/issues/42/comments')).toHaveLength(0);
  });

  it('updates the plan already posted for this head instead of posting it twice', async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.config = CONFIG;
    fake.start();
    await deliver(probot, 'check_run.requested_action', pressed('dana'));
    await deliver(probot, 'check_run.requested_action', pressed('erin'), 'second-press');
    expect(fake.bodies('POST', '/issues/42/comments')).toHaveLength(1);
    const [edit] = fake.bodies('PATCH', `/issues/comments/${fake.comments[0].id}`);
    expect(edit.body).toContain('erin');
    expect(fake.comments).toHaveLength(1);
  });

  it('a read-only commenter pressing it is denied: only the permission is read, nothing is posted', async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.config = CONFIG;
    fake.permission = 'read';
    fake.start();
    await deliver(probot, 'check_run.requested_action', pressed('visitor'));
    expect(calls()).toEqual([`GET ${R}/collaborators/visitor/permission`]);
    expect(fake.comments).toHaveLength(0);
  });
});
