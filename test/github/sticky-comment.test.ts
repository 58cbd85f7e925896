import { Octokit } from '@octokit/rest';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishSticky, stickyBody } from '../../src/github/sticky-comment.js';
import { COMMENT_LIMIT } from '../../src/report/pr-comment.js';

const API = 'https://api.github.com';
const HEAD = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const NEWER = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const OLDER = '0000000000000000000000000000000000000000';
const AT = '2026-11-22T10:00:00.000Z';
const pr = { owner: 'acme', repo: 'infra', pull_number: 7, headSha: HEAD, runAt: AT };
const ISSUE = '/repos/acme/infra/issues/7/comments';
const COMMENTS = '/repos/acme/infra/issues/comments';
const bot = { login: 'kms-review[bot]', type: 'Bot' };
const human = { login: 'alice', type: 'User' };
const BODY = '### 🔑 KMS key strategy · 2 new findings\n\n| severity | rule |\n|---|---|\n| critical | KMS103 |';
const CLEAN = `<!-- kms-review:summary -->\n<!-- kms-review:run sha=${HEAD} at=${AT} -->\n✅ KMS key strategy: no new findings at a1b2c3d.`;

let log: string[];
let bodies: unknown[];
let octokit: Octokit;

beforeEach(() => {
  nock.disableNetConnect();
  log = [];
  bodies = [];
  octokit = new Octokit({ auth: 'test-token' });
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

function api() {
  const scope = nock(API);
  scope.on('request', (req: { method: string; path: string }) => log.push(`${req.method} ${req.path}`));
  return scope;
}
const capture = (body: unknown) => bodies.push(body) > 0;

function listed(pages: object[][]) {
  const scope = api();
  pages.forEach((data, i) => {
    const link: Record<string, string> = i < pages.length - 1 ? { link: `<${API}${ISSUE}?per_page=100&page=${i + 2}>; rel="next"` } : {};
    scope
      .get(ISSUE)
      .query({ per_page: '100', page: String(i + 1) })
      .reply(200, data, link);
  });
}
const humans = (n: number) => Array.from({ length: n }, (_, i) => ({ id: 100 + i, body: `LGTM ${i}`, user: human }));
const sticky = (id: number, content: string, sha = HEAD, at = '2026-11-22T09:00:00.000Z') => ({ id, body: stickyBody(content, sha, at), user: bot });

describe('publishSticky', () => {
  it('creates the comment when the PR has findings and none exists (comments over two pages)', async () => {
    listed([humans(100), humans(3)]);
    api().post(ISSUE, capture).reply(201, { id: 900 });
    const result = await publishSticky(octokit, pr, BODY, 'update', true);
    expect(log).toEqual([`GET ${ISSUE}?per_page=100&page=1`, `GET ${ISSUE}?per_page=100&page=2`, `POST ${ISSUE}`]);
    expect(bodies).toEqual([{ body: `<!-- kms-review:summary -->\n<!-- kms-review:run sha=${HEAD} at=${AT} -->\n${BODY}` }]);
    expect(result).toEqual({ action: 'created', commentId: 900 });
  });

  it('posts nothing on a PR that never had a comment and has no findings', async () => {
    listed([humans(2)]);
    expect(await publishSticky(octokit, pr, BODY, 'update', false)).toEqual({ action: 'nothing' });
    expect(log).toEqual([`GET ${ISSUE}?per_page=100&page=1`]);
  });

  it('skips an identical body (only the run marker differs)', async () => {
    listed([[...humans(2), sticky(901, BODY, HEAD, '2026-11-22T09:00:00.000Z')]]);
    expect(await publishSticky(octokit, pr, BODY, 'update', true)).toEqual({ action: 'unchanged', commentId: 901 });
    expect(log).toEqual([`GET ${ISSUE}?per_page=100&page=1`]);
  });

  it('updates the comment in place when the body changed', async () => {
    listed([[sticky(901, 'old summary', OLDER)]]);
    api().patch(`${COMMENTS}/901`, capture).reply(200, { id: 901 });
    expect(await publishSticky(octokit, pr, BODY, 'update', true)).toEqual({ action: 'updated', commentId: 901 });
    expect(log).toEqual([`GET ${ISSUE}?per_page=100&page=1`, `PATCH ${COMMENTS}/901`]);
    expect(bodies).toEqual([{ body: `<!-- kms-review:summary -->\n<!-- kms-review:run sha=${HEAD} at=${AT} -->\n${BODY}` }]);
  });

  it('edits the comment to a one-line ✅ when the PR becomes clean, once', async () => {
    listed([[sticky(901, BODY, OLDER)]]);
    api().patch(`${COMMENTS}/901`, capture).reply(200, { id: 901 });
    expect(await publishSticky(octokit, pr, BODY, 'update', false)).toEqual({ action: 'updated', commentId: 901 });
    expect(bodies).toEqual([{ body: CLEAN }]);
    // The next run finds the ✅ already there.
    listed([[{ id: 901, body: CLEAN, user: bot }]]);
    expect(await publishSticky(octokit, { ...pr, runAt: '2026-11-22T11:00:00.000Z' }, BODY, 'update', false)).toEqual({ action: 'unchanged', commentId: 901 });
    expect(log).toEqual([`GET ${ISSUE}?per_page=100&page=1`, `PATCH ${COMMENTS}/901`, `GET ${ISSUE}?per_page=100&page=1`]);
  });

  it('`new` mode deletes the old comment and posts a new one (a marker typed by a human is not ours)', async () => {
    listed([[{ id: 902, body: '<!-- kms-review:summary -->\nquoted by a human', user: human }, sticky(901, 'old summary', OLDER)]]);
    api().delete(`${COMMENTS}/901`).reply(204);
    api().post(ISSUE, capture).reply(201, { id: 903 });
    expect(await publishSticky(octokit, pr, BODY, 'new', true)).toEqual({ action: 'replaced', commentId: 903 });
    expect(log).toEqual([`GET ${ISSUE}?per_page=100&page=1`, `DELETE ${COMMENTS}/901`, `POST ${ISSUE}`]);
    expect(bodies).toEqual([{ body: `<!-- kms-review:summary -->\n<!-- kms-review:run sha=${HEAD} at=${AT} -->\n${BODY}` }]);
  });

  it('`new` mode with an identical body does nothing', async () => {
    listed([[sticky(901, BODY)]]);
    expect(await publishSticky(octokit, pr, BODY, 'new', true)).toEqual({ action: 'unchanged', commentId: 901 });
    expect(log).toEqual([`GET ${ISSUE}?per_page=100&page=1`]);
  });

  it('`off` mode makes no call at all', async () => {
    expect(await publishSticky(octokit, pr, BODY, 'off', true)).toEqual({ action: 'off' });
    expect(log).toEqual([]);
  });

  it('an older run does not overwrite a comment written by a newer one', async () => {
    listed([[sticky(901, 'summary of the newer head', NEWER, '2026-11-22T10:05:00.000Z')]]);
    expect(await publishSticky(octokit, pr, BODY, 'update', true)).toEqual({
      action: 'stale',
      commentId: 901,
      recorded: { sha: NEWER, at: '2026-11-22T10:05:00.000Z' },
    });
    listed([[sticky(901, 'summary of the newer head', NEWER, '2026-11-22T10:05:00.000Z')]]);
    expect(await publishSticky(octokit, pr, BODY, 'new', false)).toMatchObject({ action: 'stale' });
    expect(log).toEqual([`GET ${ISSUE}?per_page=100&page=1`, `GET ${ISSUE}?per_page=100&page=1`]);
  });

  it('removes duplicates left by a race when it writes', async () => {
    listed([[sticky(901, 'a', OLDER, '2026-11-22T08:00:00.000Z'), sticky(902, 'b', OLDER, '2026-11-22T09:00:00.000Z')]]);
    api().patch(`${COMMENTS}/902`).reply(200, {}).delete(`${COMMENTS}/901`).reply(204);
    expect(await publishSticky(octokit, pr, BODY, 'update', true)).toEqual({ action: 'updated', commentId: 902 });
    expect(log).toEqual([`GET ${ISSUE}?per_page=100&page=1`, `PATCH ${COMMENTS}/902`, `DELETE ${COMMENTS}/901`]);
  });

  it('truncates an oversize body honestly to the comment limit', async () => {
    listed([[]]);
    api().post(ISSUE, capture).reply(201, { id: 904 });
    const huge = Array.from({ length: 4000 }, (_, i) => `| high | KMS103 | finding number ${i} with a long message ${'x'.repeat(20)} |`).join('\n');
    await publishSticky(octokit, pr, huge, 'update', true);
    const { body } = bodies[0] as { body: string };
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.startsWith(`<!-- kms-review:summary -->\n<!-- kms-review:run sha=${HEAD} at=${AT} -->\n| high | KMS103 | finding number 0 `)).toBe(true);
    expect(body).toMatch(
      /> \*\*Truncated\*\* to GitHub's [\d,]+-character comment limit: [\d,]+ characters left out; the check run “KMS key strategy” has the full report\.$/,
    );
  });
});
