/**
 * Slash commands end to end: signed-payload deliveries through `probot.receive`, a fake GitHub at
 * the HTTP level (nock), and the exact requests asserted — reactions, permission checks, the
 * ignores marker comment, replies. Replies of help, explain (rule, finding, key), inventory and
 * split are golden files.
 */
import type { Probot } from 'probot';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { parseIgnores } from '../../src/github/commands/ignores.js';
import { analyseChange } from '../../src/pipeline.js';
import type { Finding } from '../../src/rules/types.js';
import { folderFileSet } from '../../src/sources/folder.js';
import { CHECK_RUN_ID, payload, resetNock, testProbot } from '../app/harness.js';
import { BOT, CommandsFake, comment, PR, reviewReply } from './harness.js';

const SCENARIO = 'fixtures/scenarios/env-wide-shared-key';
const CONFIG = 'failOn: high\nenvironments:\n  prod: ["envs/prod/**"]\n  dev: ["envs/dev/**"]\n';
const TIMEOUT = 120_000;
const COMMENT = 9100001;

const EYES = `POST ${PR}/issues/comments/${COMMENT}/reactions`;
const REPLY = `POST ${PR}/issues/42/comments`;
const ANALYSIS = [
  `GET ${PR}/pulls/42`,
  `GET ${PR}/pulls/42/files?per_page=100&page=1`,
  `GET ${PR}/git/trees/${'1'.repeat(40)}?recursive=true`,
  `GET ${PR}/git/trees/${'2'.repeat(40)}?recursive=true`,
  expect.stringMatching(/^POST \/graphql \(\d+ blobs\)$/),
];

let fake: CommandsFake;
let probot: Probot;
/** The scenario's findings, computed locally: KMS103 and KMS505 are new in the PR, KMS101 was already there. */
let kms505: Finding;
let kms101: Finding;

beforeAll(async () => {
  const change = await analyseChange(folderFileSet(`${SCENARIO}/before`), folderFileSet(`${SCENARIO}/after`), parseConfig(CONFIG), { today: '2026-11-22' });
  kms505 = change.findings.new.find((f) => f.rule === 'KMS505') as Finding;
  kms101 = change.findings.unchanged.find((f) => f.rule === 'KMS101') as Finding;
  expect(change.findings.new.map((f) => f.rule)).toEqual(['KMS103', 'KMS505']);
  expect(kms101).toBeTruthy();
}, TIMEOUT);

beforeEach(async () => {
  resetNock();
  fake = new CommandsFake();
  fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
  fake.config = CONFIG;
  probot = await testProbot();
});

const marker = (ignores: object[]) => ({
  id: 555,
  user: BOT,
  body: `<!-- kms-review:ignores ${JSON.stringify({ v: 1, ignores })} -->\n**kms-review** · pull-request ignores`,
});

const completion = () => fake.bodies('PATCH', `/check-runs/${CHECK_RUN_ID}`).at(-1);

async function push(): Promise<void> {
  await probot.receive({ id: `push-${Math.random()}`, name: 'pull_request', payload: payload('pull_request.synchronize') } as never);
}

describe('help, explain a rule: no analysis needed', () => {
  it('/kms help: 👀, the reply, 🚀', async () => {
    fake.start();
    await comment(probot, '/kms help');
    expect(fake.calls()).toEqual([EYES, REPLY, EYES]);
    expect(fake.reactions()).toEqual(['eyes', 'rocket']);
    await expect(fake.replies()[0]).toMatchFileSnapshot('./__golden__/help.md');
  });

  it('/kms explain KMS103: the bundled rule doc (the verb and id are case-insensitive)', async () => {
    fake.start();
    await comment(probot, '/KMS Explain kms103');
    expect(fake.calls()).toEqual([EYES, REPLY, EYES]);
    const reply = fake.replies()[0];
    expect(reply).toContain('KMS103 shared-across-environments');
    expect(reply).toContain('#### Why it matters');
    await expect(reply).toMatchFileSnapshot('./__golden__/explain-rule.md');
  });
});

describe('commands on the analysis of the head', () => {
  it('/kms explain <fingerprint>: principle, evidence, why, fix in Terraform', { timeout: TIMEOUT }, async () => {
    fake.start();
    await comment(probot, `/kms explain ${kms505.fingerprint}`);
    // No marker comment is looked for: the PR has no comments.
    expect(fake.calls()).toEqual([EYES, ...ANALYSIS, REPLY, EYES]);
    expect(fake.reactions()).toEqual(['eyes', 'rocket']);
    const reply = fake.replies()[0];
    expect(reply).toContain('KMS505');
    expect(reply).toContain('new in this pull request');
    expect(reply).toContain('#### Principle');
    expect(reply).toContain('#### Evidence in this pull request');
    expect(reply).toContain('aws_sqs_queue.billing_replay');
    expect(reply).toContain('provider default_tags Environment=dev');
    expect(reply).toContain('#### How to fix (Terraform)');
    expect(reply).not.toContain('```yaml');
    await expect(reply).toMatchFileSnapshot('./__golden__/explain-finding.md');
  });

  it('/kms explain <key>: the inventory card; /kms blast-radius in the same comment reuses the analysis', { timeout: TIMEOUT }, async () => {
    fake.start();
    await comment(probot, 'Two questions:\n/kms explain alias/platform-prod\n/kms blast-radius platform-prod\nthanks');
    expect(fake.calls()).toEqual([EYES, ...ANALYSIS, REPLY, REPLY, EYES]);
    const [card, radius] = fake.replies();
    for (const part of [
      'Aliases: `alias/platform-prod`',
      '#### Policy and access',
      'Administer:',
      'Use (encrypt/decrypt):',
      'rotation every 365 d',
      'deletion window 30 d',
      '**prod / billing / pii** (3)',
    ])
      expect(card).toContain(part);
    expect(card).toContain(`/kms explain ${kms101.fingerprint}`);
    await expect(card).toMatchFileSnapshot('./__golden__/explain-key.md');
    expect(radius).toContain('consumers 7 → 9');
    expect(radius).toContain('- **dev**\n  - workload billing: `aws_sqs_queue.billing_replay`');
    expect(radius).toContain('now depends on it: `aws_dynamodb_table.billing_ledger`');
    expect(radius).toContain('<summary>Base (1111111)</summary>');
  });

  it('/kms inventory and /kms inventory --all', { timeout: TIMEOUT }, async () => {
    fake.start();
    await comment(probot, '/kms inventory\n/kms inventory --all');
    // --all lists the head's whole tree once more; every blob it needs was read by the analysis (the cache).
    expect(fake.calls()).toEqual([EYES, ...ANALYSIS, REPLY, `GET ${PR}/git/trees/${'2'.repeat(40)}?recursive=true`, REPLY, EYES]);
    const [changed, all] = fake.replies();
    expect(changed).toContain('the 2 analysis units this pull request affects: 2 keys');
    expect(all).toContain('whole repository: 2 keys');
    await expect(changed).toMatchFileSnapshot('./__golden__/inventory.md');
  });

  it('/kms split <key>: plan, migration, code and patch, folded when long', { timeout: TIMEOUT }, async () => {
    fake.start();
    await comment(probot, '/kms split alias/platform-prod');
    expect(fake.calls()).toEqual([EYES, ...ANALYSIS, REPLY, EYES]);
    const reply = fake.replies()[0];
    expect(reply.length).toBeLessThanOrEqual(65_536);
    for (const part of ['into 5 keys', '<details><summary>Migration plan</summary>', '<summary>Patch (`git apply`)</summary>', '```diff', '**replacement**'])
      expect(reply).toContain(part);
    await expect(reply).toMatchFileSnapshot('./__golden__/split.md');
  });

  it('an unknown key: 😕 with the keys there are', { timeout: TIMEOUT }, async () => {
    fake.start();
    await comment(probot, '/kms blast-radius alias/nope');
    expect(fake.reactions()).toEqual(['eyes', 'confused']);
    expect(fake.replies()[0]).toContain('no key, rule or finding `alias/nope` at this head. Keys: `alias/platform-dev`, `alias/platform-prod`.');
  });
});

describe('ignore, unignore, rerun', () => {
  it('/kms ignore by a writer: permission, marker comment, reply with the permanent equivalents; a new push keeps it suppressed', {
    timeout: TIMEOUT,
  }, async () => {
    fake.start();
    await comment(probot, '/kms ignore KMS505 alias/platform-prod reason="the replay queue goes away next sprint" expires=2026-12-31');
    expect(fake.calls()).toEqual([
      EYES,
      `GET ${PR}/collaborators/dana/permission`,
      `GET ${PR}/issues/42/comments?per_page=100&page=1`,
      REPLY, // the marker comment
      ...ANALYSIS, // how many findings of the head it covers (the marker just written is not read back)
      REPLY, // the answer
      EYES,
    ]);
    expect(fake.reactions()).toEqual(['eyes', 'rocket']);
    const [markerBody, answer] = fake.bodies('POST', '/issues/42/comments').map((b) => b.body as string);
    expect(markerBody).toMatch(/^<!-- kms-review:ignores \{.*\} -->\n/);
    expect(markerBody).not.toMatch(/-->[\s\S]*-->/);
    expect(parseIgnores(markerBody)).toEqual([
      {
        rule: 'KMS505',
        target: 'alias/platform-prod',
        reason: 'the replay queue goes away next sprint',
        author: 'dana',
        date: '2026-11-22',
        expires: '2026-12-31',
      },
    ]);
    expect(answer).toContain(
      '```yaml\nignores:\n  - rule: KMS505\n    key: "alias/platform-prod"\n    reason: "the replay queue goes away next sprint"\n    expires: 2026-12-31\n```',
    );
    expect(answer).toContain('`# kms-review:ignore KMS505 reason="the replay queue goes away next sprint"`');
    expect(answer).toContain('(1 finding at this head)');

    // A new push: the review reads the marker comment and the finding stays suppressed, listed as such.
    fake.log.length = 0;
    await push();
    expect(fake.calls()).toContain(`GET ${PR}/issues/42/comments?per_page=100&page=1`);
    const done = completion();
    // KMS103 (critical) stays; KMS505 is suppressed.
    expect(done).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(done.output.title).toMatch(/^1 new finding · /);
    expect(done.output.summary).toContain('<summary>Suppressed findings (1)</summary>');
    expect(done.output.summary).toContain('- KMS505 `aws_kms_key.platform` — pr by dana: the replay queue goes away next sprint (until 2026-12-31)');
  });

  it('a second /kms ignore of the same rule and target edits the marker comment in place', async () => {
    fake.comments.push(marker([{ rule: 'KMS505', target: 'alias/platform-prod', reason: 'old', author: 'dana', date: '2026-11-20' }]));
    fake.start();
    await comment(probot, '/kms ignore KMS505 alias/platform-prod reason="new reason"');
    expect(fake.calls()).toEqual([
      EYES,
      `GET ${PR}/collaborators/dana/permission`,
      `GET ${PR}/issues/42/comments?per_page=100&page=1`,
      `PATCH ${PR}/issues/comments/555`,
      ...ANALYSIS,
      REPLY,
      EYES,
    ]);
    expect(parseIgnores(fake.comments[0].body)).toEqual([
      { rule: 'KMS505', target: 'alias/platform-prod', reason: 'new reason', author: 'dana', date: '2026-11-22' },
    ]);
    expect(fake.replies()[0]).toContain('(updated by @dana on 2026-11-22)');
  });

  it('an ignore whose target matches nothing at the head is recorded, and the reply says so at once', { timeout: TIMEOUT }, async () => {
    fake.start();
    await comment(probot, '/kms ignore KMS505 alias/platfrom-prod reason="typo in the alias"');
    expect(parseIgnores(fake.comments[0].body)).toHaveLength(1);
    expect(fake.replies()[0]).toContain('⚠️ It matches no finding at this head: check the rule id and the key or resource name');
    expect(fake.reactions()).toEqual(['eyes', 'rocket']);
  });

  it('/kms explain, then /kms ignore, then /kms inventory in one comment: one read of everything, the ignore seen by the next command', {
    timeout: TIMEOUT,
  }, async () => {
    fake.start();
    await comment(probot, `/kms explain ${kms505.fingerprint}\n/kms ignore KMS505 reason="accepted"\n/kms inventory`);
    // The PR had no comments: the marker is not looked for before the ignore, and listed once for it.
    expect(fake.calls()).toEqual([
      EYES,
      ...ANALYSIS,
      REPLY,
      `GET ${PR}/collaborators/dana/permission`,
      `GET ${PR}/issues/42/comments?per_page=100&page=1`,
      REPLY, // the marker comment
      REPLY,
      REPLY,
      EYES,
    ]);
    expect(fake.replies()[1]).toContain('(1 finding at this head)');
  });

  it('an oversize target, or one ignore too many, is refused with a reason; the marker comment stays bounded', async () => {
    fake.comments.push(
      marker(Array.from({ length: 50 }, (_, i) => ({ rule: 'KMS301', target: `alias/k${i}`, reason: 'r', author: 'dana', date: '2026-11-20' }))),
    );
    fake.start();
    await comment(probot, `/kms ignore KMS505 ${'x'.repeat(301)} reason="long"\n/kms ignore KMS505 alias/platform-prod reason="one more"`);
    const [long, many] = fake.replies();
    expect(long).toContain('longer than 300 characters');
    expect(many).toContain('already has 50 ignores');
    expect(fake.bodies('PATCH', '/issues/comments/555')).toHaveLength(0);
    expect(fake.reactions()).toEqual(['eyes', 'confused']);
  });

  it('permission denied for a read-only commenter: nothing recorded, 😕', async () => {
    fake.permission = 'read';
    fake.start();
    await comment(probot, '/kms ignore KMS505 reason="mine"\n/kms rerun');
    // Asked once for both commands.
    expect(fake.calls()).toEqual([EYES, `GET ${PR}/collaborators/dana/permission`, REPLY, REPLY, EYES]);
    expect(fake.reactions()).toEqual(['eyes', 'confused']);
    expect(fake.replies()[0]).toBe('😕 @dana, `/kms ignore` needs write, maintain or admin permission on this repository (yours: `read`).');
    expect(fake.replies()[1]).toContain('`/kms rerun` needs write');
    expect(fake.comments.filter((c) => c.body.startsWith('<!-- kms-review:ignores'))).toHaveLength(0);
  });

  it('/kms unignore: the marker comment is edited, the next review reports the finding again', { timeout: TIMEOUT }, async () => {
    fake.comments.push(marker([{ rule: 'KMS505', target: 'alias/platform-prod', reason: 'temporary', author: 'dana', date: '2026-11-20' }]));
    fake.start();
    await comment(probot, '/kms unignore KMS505 alias/platform-prod');
    expect(fake.calls()).toEqual([
      EYES,
      `GET ${PR}/collaborators/dana/permission`,
      `GET ${PR}/issues/42/comments?per_page=100&page=1`,
      `PATCH ${PR}/issues/comments/555`,
      REPLY,
      EYES,
    ]);
    expect(parseIgnores(fake.comments[0].body)).toEqual([]);
    expect(fake.replies()[0]).toContain('removed 1 ignore of KMS505 on `alias/platform-prod`; 0 ignores remain');
    await push();
    expect(completion().output.title).toMatch(/^2 new findings · /);
    expect(completion().output.summary).not.toContain('Suppressed findings');
  });

  it('an expired ignore no longer applies', { timeout: TIMEOUT }, async () => {
    fake.comments.push(marker([{ rule: 'KMS505', reason: 'until the migration', author: 'dana', date: '2026-10-01', expires: '2026-11-01' }]));
    fake.start();
    await push();
    expect(fake.calls()).toContain(`GET ${PR}/issues/42/comments?per_page=100&page=1`);
    expect(completion().output.title).toMatch(/^2 new findings · /);
    expect(completion().output.summary).not.toContain('Suppressed findings');
  });

  it('a marker typed by a human is not honoured', { timeout: TIMEOUT }, async () => {
    fake.comments.push({ ...marker([{ rule: 'KMS505', reason: 'forged', author: 'x', date: '2026-11-01' }]), user: { login: 'mallory', id: 3, type: 'User' } });
    fake.start();
    await push();
    expect(completion().output.title).toMatch(/^2 new findings · /);
  });

  it("when the app knows its id (APP_ID), only its own marker counts: another bot's is not honoured", { timeout: TIMEOUT }, async () => {
    const ignores = [{ rule: 'KMS505', reason: 'echoed by a workflow', author: 'x', date: '2026-11-01' }];
    fake.comments.push({ ...marker(ignores), user: { login: 'github-actions[bot]', id: 41898282, type: 'Bot' }, performed_via_github_app: { id: 15368 } });
    probot = await testProbot({ deps: { appId: 1 } });
    fake.start();
    await push();
    expect(completion().output.title).toMatch(/^2 new findings · /);

    fake.comments = [{ ...marker(ignores), id: 556, performed_via_github_app: { id: 1 } }];
    await push();
    expect(completion().output.title).toMatch(/^1 new finding · /);
  });

  it('/kms rerun by a writer reviews the current head again', { timeout: TIMEOUT }, async () => {
    fake.start();
    await comment(probot, '/kms rerun');
    const HEAD = '2'.repeat(40);
    expect(fake.calls()).toEqual([
      EYES,
      `GET ${PR}/collaborators/dana/permission`,
      `GET ${PR}/pulls/42`, // open? and its head
      // The review of that head, as a pull_request event runs it: lookup, check run, sources (the
      // base tree's config in the blob batch), head re-read, completion, review, sticky comment.
      `GET ${PR}/commits/${HEAD}/check-runs?check_name=KMS%20key%20strategy&filter=latest&per_page=100`,
      `POST ${PR}/check-runs`,
      `GET ${PR}/pulls/42/files?per_page=100&page=1`,
      `GET ${PR}/git/trees/${'1'.repeat(40)}?recursive=true`,
      `GET ${PR}/git/trees/${HEAD}?recursive=true`,
      expect.stringMatching(/^POST \/graphql \(\d+ blobs\)$/),
      `GET ${PR}/pulls/42`,
      `PATCH ${PR}/check-runs/${CHECK_RUN_ID}`,
      `POST ${PR}/pulls/42/reviews`,
      REPLY, // the sticky summary
      REPLY, // the answer
      EYES,
    ]);
    expect(fake.bodies('POST', '/check-runs')).toEqual([
      {
        name: 'KMS key strategy',
        head_sha: HEAD,
        external_id: 'pr-42',
        status: 'in_progress',
        started_at: expect.any(String),
        output: { title: 'Reviewing the KMS key strategy…', summary: 'Comparing 1111111 → 2222222.' },
      },
    ]);
    expect(fake.bodies('PATCH', '/check-runs/')).toHaveLength(1);
    expect(completion()).toMatchObject({ status: 'completed', conclusion: 'failure', output: { title: expect.stringMatching(/^2 new findings · /) } });
    const [review] = fake.bodies('POST', '/pulls/42/reviews');
    expect(review).toMatchObject({ commit_id: HEAD, event: 'COMMENT' });
    expect(review.body).toMatch(new RegExp(`^<!-- kms-review:review ${HEAD} -->\n`));
    expect(review.body).toContain('2 new findings at 2222222');
    const [sticky, answer] = fake.bodies('POST', '/issues/42/comments').map((b) => b.body as string);
    expect(sticky).toMatch(
      new RegExp(`^<!-- kms-review:summary -->\n<!-- kms-review:run sha=${HEAD} at=[^ ]+ -->\n### 🔑 KMS key strategy · 2 new findings\n`),
    );
    expect(answer).toBe('🔁 **kms-review** · reviewed 2222222 again: 2 new findings. See the check run “KMS key strategy”.');
    expect(fake.replies().at(-1)).toBe(answer);
    expect(fake.bodies('POST', '/reactions')).toEqual([{ content: 'eyes' }, { content: 'rocket' }]);
    expect(fake.reactions()).toEqual(['eyes', 'rocket']);
  });
});

describe('what is not a command, and malformed ones', () => {
  it('a comment by a bot is ignored: no request at all', async () => {
    fake.start();
    await comment(probot, '/kms help', (p) => {
      p.comment.user = { ...BOT };
      p.sender = { ...BOT };
    });
    expect(fake.calls()).toEqual([]);
  });

  it('an edited comment is ignored', async () => {
    fake.start();
    await comment(probot, '/kms rerun', (p) => {
      p.action = 'edited';
      p.changes = { body: { from: 'hello' } };
    });
    await reviewReply(probot, '/kms explain', (p) => (p.action = 'edited'));
    expect(fake.calls()).toEqual([]);
  });

  it('a command inside a code block is ignored; a comment on an issue (not a PR) too', async () => {
    fake.start();
    await comment(probot, 'Try this:\n```\n/kms rerun\n```\nor\n~~~text\n/kms help\n~~~\n> quoted: /kms help');
    await comment(probot, '/kms help', (p) => delete p.issue.pull_request);
    expect(fake.calls()).toEqual([]);
  });

  it('an unknown verb: did you mean, 😕', async () => {
    fake.start();
    await comment(probot, '/kms explian KMS103');
    expect(fake.calls()).toEqual([EYES, REPLY, EYES]);
    expect(fake.reactions()).toEqual(['eyes', 'confused']);
    expect(fake.replies()[0]).toContain('does not know the command `/kms explian`. Did you mean `/kms explain`?');
  });

  it('a missing argument: a clear error, 😕; the other commands of the comment still run', async () => {
    fake.start();
    await comment(probot, '/kms split\n/kms explain\n/kms ignore KMS301\n/kms help');
    expect(fake.calls()).toEqual([EYES, REPLY, REPLY, REPLY, REPLY, EYES]);
    expect(fake.reactions()).toEqual(['eyes', 'confused']);
    const [split, explain, ignore, help] = fake.replies();
    expect(split).toBe(
      '😕 **kms-review** could not run `/kms split`: `split` needs a key (an alias such as `alias/platform-prod`, or an address). Usage: `/kms split <key>`',
    );
    expect(explain).toContain('`explain` needs an argument here');
    expect(ignore).toContain('`ignore` needs a reason: reason="why this finding is acceptable here"');
    expect(help).toContain('slash commands');
  });
});

describe('in a finding’s review thread', () => {
  it('/kms explain without argument explains the thread’s finding; reactions and reply stay in the thread', { timeout: TIMEOUT }, async () => {
    fake.reviewComments.set(8200001, { id: 8200001, user: BOT, body: `<!-- kms-review:finding ${kms505.fingerprint} -->\n**medium · KMS505**` });
    fake.start();
    await reviewReply(probot, '/kms explain');
    expect(fake.calls()).toEqual([
      `POST ${PR}/pulls/comments/8200002/reactions`,
      `GET ${PR}/pulls/comments/8200001`,
      ...ANALYSIS,
      `POST ${PR}/pulls/42/comments/8200001/replies`,
      `POST ${PR}/pulls/comments/8200002/reactions`,
    ]);
    expect(fake.reactions()).toEqual(['eyes', 'rocket']);
    const reply = fake.bodies('POST', '/replies')[0].body as string;
    expect(reply).toContain(`fingerprint \`${kms505.fingerprint}\``);
    expect(reply).toContain('#### How to fix (Terraform)');
  });

  it('a thread not started by kms-review: explain needs an argument', async () => {
    fake.reviewComments.set(8200001, { id: 8200001, user: { login: 'dana', id: 7001, type: 'User' }, body: 'why this queue?' });
    fake.start();
    await reviewReply(probot, '/kms explain');
    expect(fake.reactions()).toEqual(['eyes', 'confused']);
    expect(fake.bodies('POST', '/replies')[0].body).toContain('this thread is not about a kms-review finding');
  });
});
