import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedLinesOf, parsePatchLines } from '../../src/github/patch-lines.js';
import { publishReview, RESOLVE_MUTATION, THREADS_QUERY } from '../../src/github/review-comments.js';
import { findingComment, reviewBody } from '../../src/report/pr-comment.js';
import type { Finding } from '../../src/rules/types.js';
import { createApiCallCounter } from '../../src/sources/api-calls.js';

const API = 'https://api.github.com';
const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const pr = { owner: 'acme', repo: 'infra', pull_number: 7, headSha: HEAD };
const repoUrl = 'https://github.com/acme/infra';
const PULL = '/repos/acme/infra/pulls/7';
const bot = { login: 'kms-review[bot]', type: 'Bot' };
const human = { login: 'alice', type: 'User' };

const PATCH = [
  '@@ -4,6 +4,6 @@ resource "aws_kms_key" "platform" {',
  '   description             = "platform"',
  '   deletion_window_in_days = 30',
  '   multi_region            = false',
  '-  enable_key_rotation     = true',
  '+  enable_key_rotation     = false',
  '   tags = {',
  '     Environment = "prod"',
].join('\n');
const changedLines = changedLinesOf([
  { filename: 'envs/prod/kms.tf', status: 'modified', patch: PATCH },
  { filename: 'old.tf', status: 'removed', patch: '@@ -1 +0,0 @@\n-x' },
]);

const rotationOff: Finding = {
  rule: 'KMS301',
  severity: 'medium',
  key: 'envs/prod:aws_kms_key.platform',
  subjects: [],
  message: 'Key alias/platform-prod has automatic rotation turned off.',
  evidence: { enabled: false },
  location: { file: 'envs/prod/kms.tf', startLine: 7, endLine: 7 },
  fingerprint: 'f301000000000000000a',
  fix: {
    location: { file: 'envs/prod/kms.tf', startLine: 7, endLine: 7 },
    replacement: '  enable_key_rotation     = true\n',
    description: 'Turn rotation on.',
  },
};
const sharedEnvs: Finding = {
  rule: 'KMS103',
  severity: 'critical',
  key: 'envs/prod:aws_kms_key.platform',
  subjects: ['envs/dev:aws_sqs_queue.billing_replay'],
  message: 'Prod key alias/platform-prod is used from dev by aws_sqs_queue.billing_replay.',
  evidence: {},
  location: { file: 'envs/prod/kms.tf', startLine: 1, endLine: 12 },
  fingerprint: 'f103000000000000000b',
};
const outside: Finding = {
  rule: 'KMS505',
  severity: 'medium',
  key: 'envs/prod:aws_kms_key.platform',
  subjects: [],
  message: 'Key aws_kms_key.platform now also serves environment dev.',
  evidence: {},
  location: { file: 'envs/dev/main.tf', startLine: 61, endLine: 61 },
  fingerprint: 'f505000000000000000c',
};

let log: string[];
let octokit: Octokit;

beforeEach(() => {
  nock.disableNetConnect();
  log = [];
  octokit = new Octokit({ auth: 'test-token', log: { debug() {}, info() {}, warn() {}, error() {} } });
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

/** Interceptors that log `METHOD path` of every request they answer. */
function api() {
  const scope = nock(API);
  scope.on('request', (req: { method: string; path: string }) => log.push(`${req.method} ${req.path}`));
  return scope;
}

function existingComments(pages: object[][]) {
  const scope = api();
  pages.forEach((data, i) => {
    const link: Record<string, string> = i < pages.length - 1 ? { link: `<${API}${PULL}/comments?per_page=100&page=${i + 2}>; rel="next"` } : {};
    scope
      .get(`${PULL}/comments`)
      .query({ per_page: '100', page: String(i + 1) })
      .reply(200, data, link);
  });
  return scope;
}

const rootComment = (id: number, f: Finding, user = bot) => ({
  id,
  body: `${findingComment(f, { suggestion: false })}`,
  user,
  path: 'envs/prod/kms.tf',
  line: 7,
});
const filler = (n: number) => Array.from({ length: n }, (_, i) => ({ id: 1000 + i, body: `a human comment ${i}`, user: human }));

describe('right-side lines of a patch', () => {
  it('separates added from context lines, skips removed ones and the no-newline marker', () => {
    expect(changedLines.get('envs/prod/kms.tf')).toEqual({ added: new Set([7]), context: new Set([4, 5, 6, 8, 9]) });
    expect(changedLines.has('old.tf')).toBe(false);
    const two = parsePatchLines('@@ -1,2 +1,3 @@\n a\n+b\n c\n@@ -20 +21,2 @@\n-x\n+y\n+z\n\\ No newline at end of file');
    expect(two).toEqual({ added: new Set([2, 21, 22]), context: new Set([1, 3]) });
  });
});

describe('publishReview', () => {
  it('first review: inline comments (with a suggestion) and the finding outside the diff in the body', async () => {
    existingComments([[]]);
    const posted: unknown[] = [];
    api().get(`${PULL}/reviews`).query({ per_page: '100', page: '1' }).reply(200, []);
    api()
      .post(`${PULL}/reviews`, (body) => posted.push(body) > 0)
      .reply(200, { id: 501 });
    const calls = createApiCallCounter();
    const result = await publishReview(
      octokit,
      pr,
      { newFindings: [sharedEnvs, rotationOff, outside], fixedFindings: [], changedLines, filter: 'added', maxComments: 30 },
      calls,
    );

    expect(log).toEqual([`GET ${PULL}/comments?per_page=100&page=1`, `GET ${PULL}/reviews?per_page=100&page=1`, `POST ${PULL}/reviews`]);
    expect(calls.total).toBe(3);
    expect(posted).toEqual([
      {
        commit_id: HEAD,
        event: 'COMMENT',
        body: reviewBody({ headSha: HEAD, repoUrl, inline: 2, listed: [{ finding: outside, reason: 'outside-diff' }], maxComments: 30 }),
        comments: [
          { path: 'envs/prod/kms.tf', line: 7, side: 'RIGHT', body: findingComment(sharedEnvs, { suggestion: false }) },
          { path: 'envs/prod/kms.tf', line: 7, side: 'RIGHT', body: findingComment(rotationOff, { suggestion: true }) },
        ],
      },
    ]);
    const review = posted[0] as { body: string; comments: { body: string }[] };
    expect(review.comments[1].body).toMatch(/^<!-- kms-review:finding f301000000000000000a -->\n/);
    expect(review.comments[1].body).toContain('**Suggested fix:** Turn rotation on.\n\n```suggestion\n  enable_key_rotation     = true\n```');
    expect(review.comments[0].body).not.toContain('suggestion');
    expect(review.body.split('\n').slice(0, 3)).toEqual([
      `<!-- kms-review:review ${HEAD} -->`,
      '<!-- kms-review:listed f505000000000000000c -->',
      '**kms-review** · 3 new findings at a1b2c3d: 2 on the changed lines, 1 listed below.',
    ]);
    expect(review.body).toContain('| medium | [KMS505]');
    expect(review.body).toContain(
      '[envs/dev/main.tf:61](https://github.com/acme/infra/blob/a1b2c3d4e5f60718293a4b5c6d7e8f9012345678/envs/dev/main.tf#L61) | not on a line this filter comments on |',
    );
    expect(result).toMatchObject({ reviewId: 501, inline: [sharedEnvs.fingerprint, rotationOff.fingerprint], listed: [outside.fingerprint] });
  });

  it('re-delivered run: every fingerprint already present (comments over two pages, the body of an earlier review): zero POSTs', async () => {
    existingComments([[...filler(99), rootComment(11, sharedEnvs)], [rootComment(12, rotationOff)]]);
    api()
      .get(`${PULL}/reviews`)
      .query({ per_page: '100', page: '1' })
      .reply(200, [{ id: 501, user: bot, body: `<!-- kms-review:review ${HEAD} -->\n<!-- kms-review:listed ${outside.fingerprint} -->\n…` }]);
    const result = await publishReview(octokit, pr, {
      newFindings: [sharedEnvs, rotationOff, outside],
      fixedFindings: [],
      changedLines,
      filter: 'added',
      maxComments: 30,
    });
    expect(log).toEqual([`GET ${PULL}/comments?per_page=100&page=1`, `GET ${PULL}/comments?per_page=100&page=2`, `GET ${PULL}/reviews?per_page=100&page=1`]);
    expect(log.filter((l) => l.startsWith('POST'))).toEqual([]);
    expect(result).toMatchObject({ inline: [], listed: [], alreadyPresent: [sharedEnvs.fingerprint, rotationOff.fingerprint, outside.fingerprint] });
  });

  it('ignores a marker typed by a human: the finding is still posted', async () => {
    existingComments([[rootComment(11, rotationOff, human)]]);
    api().post(`${PULL}/reviews`).reply(200, { id: 502 });
    const result = await publishReview(octokit, pr, { newFindings: [rotationOff], fixedFindings: [], changedLines, filter: 'added', maxComments: 30 });
    expect(log).toEqual([`GET ${PULL}/comments?per_page=100&page=1`, `POST ${PULL}/reviews`]);
    expect(result.inline).toEqual([rotationOff.fingerprint]);
  });

  it('skips the review entirely when nothing is new', async () => {
    existingComments([[]]);
    const result = await publishReview(octokit, pr, {
      newFindings: [{ ...rotationOff, suppressed: { by: 'config', reason: 'legacy' } }],
      fixedFindings: [],
      changedLines,
    });
    expect(log).toEqual([`GET ${PULL}/comments?per_page=100&page=1`]);
    expect(result.reviewId).toBeUndefined();
  });

  it('a fixed finding: replies "Fixed in <sha>." and resolves its thread (thread ids over two GraphQL pages)', async () => {
    existingComments([[rootComment(11, rotationOff), rootComment(12, sharedEnvs)]]);
    const replies: unknown[] = [];
    const graphql: { query: string; variables: Record<string, unknown> }[] = [];
    api()
      .post(`${PULL}/comments/11/replies`, (body) => replies.push(body) > 0)
      .reply(201, { id: 13 });
    const thread = (id: string, first: number, isResolved = false) => ({ id, isResolved, comments: { nodes: [{ databaseId: first }] } });
    api()
      .post('/graphql', (body) => graphql.push(body) > 0)
      .reply(200, {
        data: { repository: { pullRequest: { reviewThreads: { pageInfo: { hasNextPage: true, endCursor: 'c1' }, nodes: [thread('T_12', 12)] } } } },
      })
      .post('/graphql', (body) => graphql.push(body) > 0)
      .reply(200, {
        data: { repository: { pullRequest: { reviewThreads: { pageInfo: { hasNextPage: false, endCursor: 'c2' }, nodes: [thread('T_11', 11)] } } } },
      })
      .post('/graphql', (body) => graphql.push(body) > 0)
      .reply(200, { data: { resolveReviewThread: { thread: { id: 'T_11', isResolved: true } } } });

    const result = await publishReview(octokit, pr, {
      newFindings: [sharedEnvs],
      fixedFindings: [rotationOff],
      changedLines,
      filter: 'added',
      maxComments: 30,
    });
    expect(log).toEqual([`GET ${PULL}/comments?per_page=100&page=1`, `POST ${PULL}/comments/11/replies`, 'POST /graphql', 'POST /graphql', 'POST /graphql']);
    expect(replies).toEqual([{ body: `<!-- kms-review:fixed f301000000000000000a -->\nFixed in ${HEAD}.` }]);
    expect(graphql).toEqual([
      { query: THREADS_QUERY, variables: { owner: 'acme', name: 'infra', number: 7, after: null } },
      { query: THREADS_QUERY, variables: { owner: 'acme', name: 'infra', number: 7, after: 'c1' } },
      { query: RESOLVE_MUTATION, variables: { threadId: 'T_11' } },
    ]);
    expect(result).toMatchObject({
      replied: [rotationOff.fingerprint],
      resolved: [rotationOff.fingerprint],
      keptOpen: [],
      alreadyPresent: [sharedEnvs.fingerprint],
    });
  });

  it('a fixed finding a human replied to: the reply is posted, the thread stays open; a thread already answered is left alone', async () => {
    existingComments([
      [
        rootComment(11, rotationOff),
        { id: 14, body: 'We need rotation off for the HSM migration, see #12.', user: human, in_reply_to_id: 11 },
        rootComment(12, sharedEnvs),
        {
          id: 15,
          body: `<!-- kms-review:fixed ${sharedEnvs.fingerprint} -->\nFixed in 0000000000000000000000000000000000000000.`,
          user: bot,
          in_reply_to_id: 12,
        },
      ],
    ]);
    const replies: unknown[] = [];
    api()
      .post(`${PULL}/comments/11/replies`, (body) => replies.push(body) > 0)
      .reply(201, { id: 16 });
    const result = await publishReview(octokit, pr, { newFindings: [], fixedFindings: [rotationOff, sharedEnvs], changedLines });
    expect(log).toEqual([`GET ${PULL}/comments?per_page=100&page=1`, `POST ${PULL}/comments/11/replies`]);
    expect(replies).toEqual([{ body: `<!-- kms-review:fixed f301000000000000000a -->\nFixed in ${HEAD}.` }]);
    expect(result).toMatchObject({ replied: [rotationOff.fingerprint], resolved: [], keptOpen: [rotationOff.fingerprint] });
  });

  it('a finding an earlier commit of the PR introduced and a later one removed counts as fixed (headFingerprints)', async () => {
    existingComments([[rootComment(11, rotationOff)]]);
    api().post(`${PULL}/comments/11/replies`).reply(201, { id: 13 });
    api()
      .post('/graphql')
      .reply(200, {
        data: {
          repository: {
            pullRequest: {
              reviewThreads: {
                pageInfo: { hasNextPage: false, endCursor: null },
                nodes: [{ id: 'T_11', isResolved: true, comments: { nodes: [{ databaseId: 11 }] } }],
              },
            },
          },
        },
      });
    const result = await publishReview(octokit, pr, { newFindings: [], fixedFindings: [], headFingerprints: new Set(['other']), changedLines });
    // Already resolved by someone: no mutation.
    expect(log).toEqual([`GET ${PULL}/comments?per_page=100&page=1`, `POST ${PULL}/comments/11/replies`, 'POST /graphql']);
    expect(result).toMatchObject({ replied: [rotationOff.fingerprint], resolved: [] });
  });

  it('more than 30 findings: 30 inline comments, the rest in the body', async () => {
    const many = Array.from(
      { length: 35 },
      (_, i): Finding => ({
        ...sharedEnvs,
        fingerprint: `fp${String(i).padStart(18, '0')}`,
        location: { file: 'envs/prod/kms.tf', startLine: 7, endLine: 7 },
      }),
    );
    existingComments([[]]);
    api().get(`${PULL}/reviews`).query({ per_page: '100', page: '1' }).reply(200, []);
    const posted: { body: string; comments: { line: number }[] }[] = [];
    api()
      .post(`${PULL}/reviews`, (body) => posted.push(body) > 0)
      .reply(200, { id: 503 });
    const result = await publishReview(octokit, pr, { newFindings: many, fixedFindings: [], changedLines, filter: 'added', maxComments: 30 });
    expect(log).toEqual([`GET ${PULL}/comments?per_page=100&page=1`, `GET ${PULL}/reviews?per_page=100&page=1`, `POST ${PULL}/reviews`]);
    expect(posted[0].comments).toHaveLength(30);
    expect(posted[0].body).toBe(
      reviewBody({
        headSha: HEAD,
        repoUrl,
        inline: 30,
        listed: many.slice(30).map((finding) => ({ finding, reason: 'over-limit' as const })),
        maxComments: 30,
      }),
    );
    expect(posted[0].body).toContain('**kms-review** · 35 new findings at a1b2c3d: 30 on the changed lines, 5 listed below.');
    expect(posted[0].body.match(/over the limit of 30 inline comments/g)).toHaveLength(5);
    expect(result.listed).toEqual(many.slice(30).map((f) => f.fingerprint));
  });

  it('a finding outside the diff only: a review with its body and no inline comment', async () => {
    existingComments([[]]);
    api().get(`${PULL}/reviews`).query({ per_page: '100', page: '1' }).reply(200, []);
    const posted: unknown[] = [];
    api()
      .post(`${PULL}/reviews`, (body) => posted.push(body) > 0)
      .reply(200, { id: 504 });
    await publishReview(octokit, pr, { newFindings: [outside], fixedFindings: [], changedLines, filter: 'diff_context', maxComments: 30 });
    expect(posted).toEqual([
      {
        commit_id: HEAD,
        event: 'COMMENT',
        body: reviewBody({ headSha: HEAD, repoUrl, inline: 0, listed: [{ finding: outside, reason: 'outside-diff' }], maxComments: 30 }),
        comments: [],
      },
    ]);
  });

  it('when GitHub cannot place a comment (422), posts the review again with everything in the body', async () => {
    existingComments([[]]);
    const posted: { comments: unknown[]; body: string }[] = [];
    api()
      .post(`${PULL}/reviews`, (body) => posted.push(body) > 0)
      .reply(422, { message: 'Unprocessable Entity', errors: ['Line could not be resolved'] })
      .post(`${PULL}/reviews`, (body) => posted.push(body) > 0)
      .reply(200, { id: 505 });
    const result = await publishReview(octokit, pr, { newFindings: [rotationOff], fixedFindings: [], changedLines });
    expect(log).toEqual([`GET ${PULL}/comments?per_page=100&page=1`, `POST ${PULL}/reviews`, `POST ${PULL}/reviews`]);
    expect(posted[1].comments).toEqual([]);
    expect(posted[1].body).toContain(`<!-- kms-review:listed ${rotationOff.fingerprint} -->`);
    expect(result).toMatchObject({ reviewId: 505, inline: [], listed: [rotationOff.fingerprint] });
  });
});
