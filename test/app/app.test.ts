/** The GitHub App end to end: signed webhook payloads in, the exact GitHub requests out (nock). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign } from '@octokit/webhooks-methods';
import { createNodeMiddleware, type Probot } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kmsReviewApp } from '../../src/app.js';
import { readFolder } from '../github/support/fake-github.js';
import { BASE, CHECK_RUN_ID, deliver, FakeApp, HEAD, INSTALLATION, payload, resetNock, SECRET, testProbot } from './harness.js';

const SCENARIO = 'fixtures/scenarios/env-wide-shared-key';
const CONFIG = 'failOn: high\nenvironments:\n  prod: ["envs/prod/**"]\n  dev: ["envs/dev/**"]\n';

const completion = (fake: FakeApp) => fake.bodies('PATCH', `/check-runs/${CHECK_RUN_ID}`).at(-1);

let fake: FakeApp;
let probot: Probot;

beforeEach(async () => {
  resetNock();
  fake = new FakeApp();
  probot = await testProbot();
});
afterEach(() => resetNock());

describe('pull_request.opened (env-wide-shared-key)', () => {
  it('creates the check run at once, reads config, files, trees and blobs, re-reads the head, completes once, then posts the review and the sticky comment', async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.config = CONFIG;
    fake.start();
    await deliver(probot, 'pull_request.opened', payload('pull_request.opened'));

    const requests = fake.requests();
    expect(requests).toEqual([
      `POST /app/installations/${INSTALLATION}/access_tokens`,
      // Idempotency: this PR's run for the head, if a delivery already created one (none here).
      `GET /repos/acme/platform-infra/commits/${HEAD}/check-runs?check_name=KMS%20key%20strategy&filter=latest&per_page=100`,
      'POST /repos/acme/platform-infra/check-runs',
      // One listing, with each file's `patch`: the review comments' lines come from it too.
      'GET /repos/acme/platform-infra/pulls/42/files?per_page=100&page=1',
      `GET /repos/acme/platform-infra/git/trees/${BASE}?recursive=true`,
      `GET /repos/acme/platform-infra/git/trees/${HEAD}?recursive=true`,
      // The blobs, with the base tree's `.github/kms-review.yml` in the same batch (no config call of its own).
      expect.stringMatching(/^POST \/graphql \(\d+ blobs\)$/),
      // The head re-read; its `comments: 0, review_comments: 0` spare the publishers their listings.
      'GET /repos/acme/platform-infra/pulls/42',
      `PATCH /repos/acme/platform-infra/check-runs/${CHECK_RUN_ID}`,
      'POST /repos/acme/platform-infra/pulls/42/reviews',
      'POST /repos/acme/platform-infra/issues/42/comments',
    ]);
    // The typical PR: 10 API calls after the installation token — the 7 of the review itself, the
    // check-run lookup that makes re-deliveries idempotent, and one call per comment publisher.
    expect(requests.length - 1).toBe(10);

    const created = fake.bodies('POST', '/check-runs')[0];
    expect(created).toMatchObject({ name: 'KMS key strategy', head_sha: HEAD, status: 'in_progress', external_id: 'pr-42' });
    const done = completion(fake);
    expect(done.status).toBe('completed');
    expect(done.conclusion).toBe('failure');
    expect(done.output.title).toMatch(/^\d+ new findings · /);
    expect(done.output.summary.length).toBeLessThanOrEqual(65_535);
    expect(done.output.summary).toContain('```mermaid\ngraph LR');
    expect(done.output.annotations.length).toBeGreaterThan(0);
    for (const a of done.output.annotations) {
      expect(a.path).toMatch(/^envs\//);
      expect(['failure', 'warning', 'notice']).toContain(a.annotation_level);
      expect(a.title).toMatch(/^KMS\d{3} /);
    }
    await expect(done.output.title).toMatchFileSnapshot('./__golden__/opened.title.txt');
    await expect(done.output.summary).toMatchFileSnapshot('./__golden__/opened.summary.md');

    // The review: one per head, event COMMENT, inline comments on added lines, each with its marker.
    const [review] = fake.bodies('POST', '/pulls/42/reviews');
    expect(review).toMatchObject({ commit_id: HEAD, event: 'COMMENT' });
    expect(review.comments.length).toBeGreaterThan(0);
    for (const c of review.comments) {
      expect(c).toMatchObject({ side: 'RIGHT', path: expect.stringMatching(/^envs\//) });
      expect(c.body).toMatch(/^<!-- kms-review:finding [\w.:-]+ -->\n/);
    }
    expect(review.body).toContain(`<!-- kms-review:review ${HEAD} -->`);
    await expect(review.body).toMatchFileSnapshot('./__golden__/opened.review-body.md');
    await expect(
      review.comments
        .map(
          (c: { path: string; line: number; start_line?: number; body: string }) =>
            `### ${c.path}:${c.start_line ? `${c.start_line}-` : ''}${c.line}\n\n${c.body}`,
        )
        .join('\n\n'),
    ).toMatchFileSnapshot('./__golden__/opened.review-comments.md');

    // The sticky summary: markers first, the run recorded at the event's time (`updated_at`).
    const [sticky] = fake.bodies('POST', '/issues/42/comments');
    expect(sticky.body).toMatch(new RegExp(`^<!-- kms-review:summary -->\n<!-- kms-review:run sha=${HEAD} at=2026-11-20T09:12:00.000Z -->\n`));
    await expect(sticky.body).toMatchFileSnapshot('./__golden__/opened.sticky.md');
  });
});

describe('other outcomes', () => {
  it('an invalid config completes the run action_required with the YAML path and line', async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.config = 'failOn: high\nthresholds:\n  grants: -1\npullRequests:\n  drafts: sometimes\n';
    fake.start();
    await deliver(probot, 'pull_request.opened', payload('pull_request.opened'));
    expect(
      fake
        .requests()
        .slice(1)
        .map((r) => r.split(' ')[0]),
      // Lookup, create, files, both trees, the first blob batch holding the base tree's config, completion.
    ).toEqual(['GET', 'POST', 'GET', 'GET', 'GET', 'POST', 'PATCH']);
    const done = completion(fake);
    expect(done).toMatchObject({ status: 'completed', conclusion: 'action_required' });
    expect(done.output.summary).toContain('| `.github/kms-review.yml` | 3 | `thresholds.grants` |');
    expect(done.output.summary).toContain('| `.github/kms-review.yml` | 5 | `pullRequests.drafts` |');
    await expect(done.output.summary).toMatchFileSnapshot('./__golden__/config-error.summary.md');
  });

  it('a newer head sha cancels the run: superseded', async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.headNow = '3'.repeat(40);
    fake.start();
    await deliver(probot, 'pull_request.synchronize', payload('pull_request.synchronize'));
    const done = completion(fake);
    expect(done).toMatchObject({ status: 'completed', conclusion: 'cancelled', output: { title: 'Superseded by 3333333' } });
    expect(done.output.summary).toContain(`superseded by ${'3'.repeat(40)}`);
    expect(fake.bodies('PATCH', '/check-runs/')).toHaveLength(1);
  });

  it('a PR with no IaC change: success with minimal calls', async () => {
    fake.scenario(
      { 'README.md': 'a', 'envs/prod/kms.tf': 'resource "aws_kms_key" "k" {}\n' },
      { 'README.md': 'b', 'envs/prod/kms.tf': 'resource "aws_kms_key" "k" {}\n' },
    );
    fake.config = CONFIG;
    fake.start();
    await deliver(probot, 'pull_request.opened', payload('pull_request.opened'));
    expect(fake.requests().slice(1)).toEqual([
      expect.stringContaining('/check-runs?check_name='),
      'POST /repos/acme/platform-infra/check-runs',
      'GET /repos/acme/platform-infra/pulls/42/files?per_page=100&page=1',
      // No tree read: the base commit's config comes through Probot's plugin, so an invalid one still says so.
      `GET /repos/acme/platform-infra/contents/.github%2Fkms-review.yml?ref=${BASE}`,
      `PATCH /repos/acme/platform-infra/check-runs/${CHECK_RUN_ID}`,
    ]);
    expect(completion(fake)).toMatchObject({ conclusion: 'success', output: { title: 'no IaC change' } });
  });

  it('a draft is skipped without a check run unless the config asks for drafts', async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.start();
    await deliver(
      probot,
      'pull_request.opened',
      payload('pull_request.opened', (p) => (p.pull_request.draft = true)),
    );
    expect(fake.bodies('POST', '/check-runs')).toHaveLength(0);
  });

  it('more than 50 annotations go in batches of 50, the last with the conclusion', async () => {
    const keys = Array.from(
      { length: 30 },
      (_, i) => `resource "aws_kms_key" "k${i}" {\n  description = "k${i}"\n  enable_key_rotation = false\n  deletion_window_in_days = 7\n}\n`,
    ).join('\n');
    fake.scenario({ 'live/prod/main.tf': '# empty\n' }, { 'live/prod/main.tf': keys });
    fake.start();
    await deliver(probot, 'pull_request.opened', payload('pull_request.opened'));
    const updates = fake.bodies('PATCH', '/check-runs/');
    const total = updates.reduce((n, u) => n + (u.output.annotations?.length ?? 0), 0);
    expect(total).toBeGreaterThan(50);
    expect(updates).toHaveLength(Math.ceil(total / 50));
    for (const u of updates.slice(0, -1)) {
      expect(u.output.annotations).toHaveLength(50);
      expect(u.status).toBeUndefined();
      expect(u.conclusion).toBeUndefined();
    }
    expect(updates.at(-1)).toMatchObject({ status: 'completed' });
  });
});

describe('an oversize review through the webhook', () => {
  it('stays within every GitHub limit and says where the rest is: summary, text, all annotations in 50s, 30 inline comments, sticky comment', {
    timeout: 120_000,
  }, async () => {
    const keys = Array.from(
      { length: 400 },
      (_, i) =>
        `resource "aws_kms_key" "key_with_a_rather_long_name_${i}" {\n  description = "k${i}"\n  enable_key_rotation = false\n  deletion_window_in_days = 7\n}\n`,
    ).join('\n');
    fake.scenario({ 'live/prod/main.tf': '# empty\n' }, { 'live/prod/main.tf': keys });
    fake.start();
    await deliver(probot, 'pull_request.opened', payload('pull_request.opened'));

    const updates = fake.bodies('PATCH', `/check-runs/${CHECK_RUN_ID}`);
    expect(updates.filter((u) => u.status === 'completed')).toHaveLength(1);
    expect(updates.at(-1).status).toBe('completed');
    for (const u of updates) {
      expect(u.output.summary.length).toBeLessThanOrEqual(65_535);
      expect(u.output.text?.length ?? 0).toBeLessThanOrEqual(65_535);
      expect(u.output.annotations.length).toBeLessThanOrEqual(50);
    }
    const done = updates.at(-1);
    const newFindings = Number(/(\d+) new findings/.exec(done.output.title)?.[1]);
    expect(newFindings).toBeGreaterThan(1000);
    expect(done.output.summary).toMatch(new RegExp(`\\*\\*Truncated\\*\\* to GitHub's 65,535-character limit: \\d+ of ${newFindings} new findings`));
    expect(done.output.summary).toContain(`kms-review diff --base ${BASE.slice(0, 12)} --head ${HEAD.slice(0, 12)}`);
    // Every located new finding is annotated, 50 per call, whatever the summary could show.
    const annotations = updates.flatMap((u) => u.output.annotations);
    expect(annotations).toHaveLength(newFindings);
    expect(updates).toHaveLength(Math.ceil(newFindings / 50));

    const [review] = fake.bodies('POST', '/pulls/42/reviews');
    expect(review.comments).toHaveLength(30);
    expect(review.body.length).toBeLessThanOrEqual(65_536);
    expect(review.body).toContain('over the limit of 30 inline comments');

    const [sticky] = fake.bodies('POST', '/issues/42/comments');
    expect(sticky.body.length).toBeLessThanOrEqual(65_536);
    expect(sticky.body).toContain('Truncated');
  });
});

describe("the configuration: the base tree's file, Probot's plugin only when needed", () => {
  const R = '/repos/acme/platform-infra';
  const ORG_CONFIG = 'GET /repos/acme/.github/contents/.github%2Fkms-review.yml';
  const REPO_CONFIG_AT_BASE = `GET ${R}/contents/.github%2Fkms-review.yml?ref=${BASE}`;
  const reviewCalls = (config: unknown[]) => [
    expect.stringContaining('/check-runs?check_name='),
    `POST ${R}/check-runs`,
    `GET ${R}/pulls/42/files?per_page=100&page=1`,
    `GET ${R}/git/trees/${BASE}?recursive=true`,
    `GET ${R}/git/trees/${HEAD}?recursive=true`,
    expect.stringMatching(/^POST \/graphql \(\d+ blobs\)$/),
    ...config,
    `GET ${R}/pulls/42`,
    `PATCH ${R}/check-runs/${CHECK_RUN_ID}`,
    `POST ${R}/pulls/42/reviews`,
    `POST ${R}/issues/42/comments`,
  ];

  it('comes from the base, not the head: a pull request cannot switch off its own rules', async () => {
    fake.scenario(readFolder(`${SCENARIO}/before`), { ...readFolder(`${SCENARIO}/after`), '.github/kms-review.yml': 'failOn: never\n' });
    fake.config = CONFIG;
    fake.start();
    await deliver(probot, 'pull_request.opened', payload('pull_request.opened'));
    // The head changes the config, so every unit is reviewed: the base's file alone in the first
    // batch, then the loader's batches of both sides.
    const calls = reviewCalls([]);
    expect(fake.requests().slice(1)).toEqual([
      ...calls.slice(0, 5),
      'POST /graphql (1 blobs)',
      'POST /graphql (11 blobs)',
      'POST /graphql (4 blobs)',
      ...calls.slice(6),
    ]);
    expect(completion(fake)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it("with `_extends`, Probot's plugin reads the chain", async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.config = '_extends: .github\n';
    fake.orgConfig = 'failOn: never\n';
    fake.start();
    await deliver(probot, 'pull_request.opened', payload('pull_request.opened'));
    // The chain starts at the base commit's file (not the default branch's).
    expect(fake.requests().slice(1)).toEqual(reviewCalls([REPO_CONFIG_AT_BASE, ORG_CONFIG]));
    expect(completion(fake)).toMatchObject({ status: 'completed', conclusion: 'neutral' });
  });

  it("absent from the base tree: only the organisation's `.github` repository is asked, whatever the default branch holds", async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.config = 'failOn: high\n';
    fake.configOutsideTrees = true; // the default branch has a file; the pull request's base does not
    fake.orgConfig = 'failOn: never\n';
    fake.start();
    await deliver(probot, 'pull_request.opened', payload('pull_request.opened'));
    expect(fake.requests().slice(1)).toEqual(reviewCalls([ORG_CONFIG]));
    expect(completion(fake)).toMatchObject({ status: 'completed', conclusion: 'neutral' });
  });

  it('an invalid file in the base tree stops the review before any other read, located exactly', async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.config = 'failOn: high\nexclude: nope\n';
    fake.start();
    await deliver(probot, 'pull_request.opened', payload('pull_request.opened'));
    expect(fake.requests().slice(1)).toEqual([...reviewCalls([]).slice(0, 6), `PATCH ${R}/check-runs/${CHECK_RUN_ID}`]);
    const done = completion(fake);
    expect(done).toMatchObject({ status: 'completed', conclusion: 'action_required' });
    expect(done.output.summary).toContain('| `.github/kms-review.yml` | 2 | `exclude` |');
  });
});

describe('GitHub failures', () => {
  it('a secondary rate limit (403 + retry-after) is retried, then the review goes on', async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.config = CONFIG;
    fake.failures.set('POST check-runs', [
      [403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '1' }],
    ]);
    fake.start();
    await deliver(probot, 'pull_request.opened', payload('pull_request.opened'));
    expect(fake.requests().filter((r) => r.endsWith('/check-runs'))).toHaveLength(2);
    expect(completion(fake)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('5xx until give-up: the check run is completed with a clear error, not left in progress', async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.config = CONFIG;
    fake.failures.set(
      'GET files',
      Array.from({ length: 4 }, () => [502, { message: 'Server Error' }] as [number, unknown]),
    );
    fake.start();
    await deliver(probot, 'pull_request.opened', payload('pull_request.opened'));
    // One call and three retries with backoff.
    expect(fake.requests().filter((r) => r.includes('/pulls/42/files'))).toHaveLength(4);
    const done = completion(fake);
    expect(done).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: 'Review could not finish: GitHub API unavailable (HTTP 502)' } });
    await expect(done.output.summary).toMatchFileSnapshot('./__golden__/server-error.summary.md');
  });
});

describe('through the HTTP middleware', () => {
  let server: Server;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('verifies the signature and reviews the pull request', async () => {
    fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
    fake.config = CONFIG;
    fake.start();
    const bare = await testProbot({ load: false });
    const middleware = await createNodeMiddleware(kmsReviewApp({ today: '2026-11-22' }), { probot: bare });
    server = createServer(middleware);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const body = JSON.stringify(payload('pull_request.opened'));
    const post = async (signature: string) =>
      fetch(`http://127.0.0.1:${port}/api/github/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': 'd-1', 'x-hub-signature-256': signature },
        body,
      });
    expect((await post('sha256=0000')).status).toBe(400);
    expect(fake.bodies('POST', '/check-runs')).toHaveLength(0);
    const response = await post(await sign(SECRET, body));
    expect(response.status).toBe(200);
    for (let i = 0; i < 100 && !completion(fake); i++) await new Promise((r) => setTimeout(r, 50));
    expect(completion(fake)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });
});
