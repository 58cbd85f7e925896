/**
 * The GitHub App under test: a Probot with a generated RSA key and our Octokit policy (fast
 * retries), and a fake GitHub at the HTTP level (nock): the installation token, check runs,
 * the config file, the pull request, comments and permissions — on top of the git data (trees,
 * GraphQL blobs, changed files) served by `test/github/support/fake-github.ts`.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sign } from '@octokit/webhooks-methods';
import Bottleneck from 'bottleneck';
import { structuredPatch } from 'diff';
import nock from 'nock';
import { Probot } from 'probot';
import { kmsReviewApp } from '../../src/app.js';
import type { HandlerDeps } from '../../src/github/handlers.js';
import { DEFAULT_POLICY, octokitWithPolicy } from '../../src/github/octokit.js';
import { BlobCache } from '../../src/sources/blob-cache.js';
import { API, type FakeFile, FakeGithub, readFolder } from '../github/support/fake-github.js';
import type { Loose } from '../support/loose.js';

export const OWNER = 'acme';
export const REPO = 'platform-infra';
export const BASE = '1'.repeat(40);
export const HEAD = '2'.repeat(40);
export const INSTALLATION = 77;
export const CHECK_RUN_ID = 4242;
export const SECRET = 'webhook-secret-for-tests';

export const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
});

export function payload(name: string, edit: (p: Record<string, Loose>) => void = () => {}): Record<string, Loose> {
  const p = JSON.parse(readFileSync(`fixtures/webhooks/${name}.json`, 'utf8'));
  edit(p);
  return p;
}

/**
 * Writes one at a time, as GitHub asks, but without the plugin's pacing (a second between writes,
 * three between writes that notify, such as comments): tests assert order, not pacing.
 */
const UNSPACED = { write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }), notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }) };

/** A Probot as `npm start` builds it, but with our Octokit given explicitly, retries in milliseconds and unspaced writes. */
export async function testProbot(options: { policy?: boolean; load?: boolean; deps?: HandlerDeps } = {}): Promise<Probot> {
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: SECRET,
    logLevel: 'fatal',
    ...(options.policy === false ? {} : { Octokit: octokitWithPolicy({ ...DEFAULT_POLICY, retryAfterBaseValue: 1 }, UNSPACED) }),
  });
  if (options.load !== false)
    await probot.load(kmsReviewApp({ cache: new BlobCache(), today: '2026-11-22', policy: { ...DEFAULT_POLICY, retryAfterBaseValue: 1 }, ...options.deps }));
  return probot;
}

/**
 * Delivers a webhook as GitHub does: the payload signed with the webhook secret and verified by
 * Probot (`webhooks.verifyAndReceive`), then dispatched to the app's handlers.
 */
export async function deliver(probot: Probot, event: string, p: Record<string, unknown>, id = `delivery-${event}`): Promise<void> {
  const body = JSON.stringify(p);
  await probot.webhooks.verifyAndReceive({ id, name: event.split('.')[0], payload: body, signature: await sign(SECRET, body) } as never);
}

/** The unified-diff hunks GitHub's `pulls.listFiles` gives as `patch` (no file headers). */
export function patchOf(before: string, after: string): string {
  return structuredPatch('a', 'b', before, after, '', '', { context: 3 })
    .hunks.map((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines].join('\n'))
    .join('\n');
}

type Reply = [number, unknown, Record<string, string>?];

/** The app's own user: what GitHub shows as the author of everything it posts. */
export const BOT = { login: 'kms-review[bot]', id: 990001, type: 'Bot' };

type User = { login: string; id?: number; type: string };
export interface FakeIssueComment {
  id: number;
  body: string;
  user: User;
}
export interface FakeReviewComment {
  id: number;
  body: string;
  user: User;
  path?: string;
  line?: number;
  in_reply_to_id?: number;
  pull_request_review_id?: number;
}
export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  external_id?: string;
  status: string;
  app: { slug: string };
}

const CONFIG_FILE = '.github/kms-review.yml';

const repoJson = (id: number, fullName: string) => ({ id, name: fullName.split('/')[1], full_name: fullName });

export class FakeApp extends FakeGithub {
  /** `.github/kms-review.yml` of the repository: in the trees of BASE and HEAD (what a review reads) and behind the contents API (Probot's plugin). */
  config?: string;
  /** Keep `config` out of the trees (served by the contents API only, e.g. the default branch's). */
  configOutsideTrees = false;
  /** `.github/kms-review.yml` of the owner's `.github` repository (Probot's plugin falls back to it, and `_extends: .github`). */
  orgConfig?: string;
  #sides?: { before: Record<string, FakeFile>; after: Record<string, FakeFile> };
  /** What `pulls.get` answers as the head (a newer push: another sha). */
  headNow = HEAD;
  /** The head repository of the pull request (a fork: another one). */
  headRepo = repoJson(500100, `${OWNER}/${REPO}`);
  permission = 'write';
  /** Issue comments of PR 42 (the sticky summary, split plans…): created, edited and deleted by the app. */
  comments: FakeIssueComment[] = [];
  /** Review comments of PR 42 (inline comments and replies). */
  threadComments: FakeReviewComment[] = [];
  reviews: { id: number; body: string; commit_id: string; user: User }[] = [];
  checkRuns: FakeCheckRun[] = [];
  /** Review threads resolved through GraphQL (thread node ids). */
  resolved: string[] = [];
  #nextId = 9000;
  /** Replies served before the normal ones, by route label (`POST check-runs`, `GET files`…). */
  failures = new Map<string, Reply[]>();

  constructor() {
    super(OWNER, REPO);
  }

  scenario(before: Record<string, FakeFile>, after: Record<string, FakeFile>): this {
    this.#sides = { before, after };
    this.commit(BASE, before);
    this.commit(HEAD, after);
    const paths = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    const text = (f: FakeFile | undefined) => (typeof f === 'string' ? f : '');
    this.pullFiles = paths
      .filter((p) => before[p] !== after[p])
      .map((p) => ({
        filename: p,
        status: before[p] === undefined ? 'added' : after[p] === undefined ? 'removed' : 'modified',
        patch: patchOf(text(before[p]), text(after[p])),
      }));
    return this;
  }

  folders(beforeDir: string, afterDir: string): this {
    return this.scenario(readFolder(beforeDir), readFolder(afterDir));
  }

  #fail(label: string): Reply | undefined {
    return this.failures.get(label)?.shift();
  }

  /** Installs every interceptor; call once per test after setting the fields. */
  start(): void {
    const base = `/repos/${OWNER}/${REPO}`;
    if (this.config !== undefined && !this.configOutsideTrees && this.#sides) {
      // The repository's config is a file of both sides (unchanged by the pull request).
      this.commit(BASE, { [CONFIG_FILE]: this.config, ...this.#sides.before });
      this.commit(HEAD, { [CONFIG_FILE]: this.config, ...this.#sides.after });
    }
    const scope = nock(API).persist();
    const logged = (label: string, method: string, normal: (uri: string, body: Loose) => Reply) => (uri: string, body: Loose) => {
      this.log.push({ method, path: uri, ...(body && typeof body === 'object' && Object.keys(body).length ? { body } : {}) });
      return this.#fail(label) ?? normal(uri, body);
    };
    scope
      .post(`/app/installations/${INSTALLATION}/access_tokens`)
      .reply(
        logged('POST token', 'POST', () => [
          201,
          { token: 'ghs_installation_token', expires_at: '2099-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' },
        ]),
      );
    scope.post(`${base}/check-runs`).reply(
      logged('POST check-runs', 'POST', (_uri, body) => {
        const id = CHECK_RUN_ID + this.checkRuns.length;
        this.checkRuns.push({ id, name: body.name, head_sha: body.head_sha, external_id: body.external_id, status: body.status, app: { slug: 'kms-review' } });
        return [201, { id, html_url: `https://github.com/${OWNER}/${REPO}/runs/${id}` }];
      }),
    );
    scope.patch(new RegExp(`^${base}/check-runs/\\d+$`)).reply(
      logged('PATCH check-run', 'PATCH', (uri, body) => {
        const run = this.checkRuns.find((r) => uri.endsWith(`/check-runs/${r.id}`));
        if (!run) return [404, { message: 'Not Found' }];
        if (body.status) run.status = body.status;
        return [200, { id: run.id }];
      }),
    );
    scope.get(new RegExp(`^${base}/commits/[0-9a-f]{40}/check-runs`)).reply(
      logged('GET check-runs', 'GET', (uri) => {
        const url = new URL(uri, API);
        const sha = url.pathname.split('/')[5];
        const runs = this.checkRuns.filter((r) => r.head_sha === sha && r.name === (url.searchParams.get('check_name') ?? r.name));
        return [200, { total_count: runs.length, check_runs: [...runs].reverse() }];
      }),
    );
    scope.get(new RegExp(`^${base}/check-suites/\\d+/check-runs`)).reply(
      logged('GET suite check-runs', 'GET', (uri) => {
        const name = new URL(uri, API).searchParams.get('check_name');
        // The fake has one check suite per head: the suite's runs are the app's runs of that head.
        const runs = this.checkRuns.filter((r) => r.app.slug === 'kms-review' && (name === null || r.name === name));
        return [200, { total_count: runs.length, check_runs: runs }];
      }),
    );
    scope
      .get(/\/contents\/\.github(%2F|\/)kms-review\.yml/)
      .reply(
        logged('GET config', 'GET', (uri) =>
          uri.startsWith(base) && this.config !== undefined
            ? [200, this.config, { 'content-type': 'text/plain; charset=utf-8' }]
            : uri.startsWith(`/repos/${OWNER}/.github/`) && this.orgConfig !== undefined
              ? [200, this.orgConfig, { 'content-type': 'text/plain; charset=utf-8' }]
              : [404, { message: 'Not Found' }],
        ),
      );
    scope.get(new RegExp(`^${base}/pulls/\\d+$`)).reply(logged('GET pull', 'GET', () => [200, this.pull()]));
    scope.get(new RegExp(`^${base}/pulls\\?`)).reply(logged('GET pulls', 'GET', () => [200, [this.pull()]]));
    scope
      .get(new RegExp(`^${base}/collaborators/[^/]+/permission$`))
      .reply(logged('GET permission', 'GET', () => [200, { permission: this.permission, role_name: this.permission }]));
    scope.get(new RegExp(`^${base}/issues/\\d+/comments`)).reply(logged('GET comments', 'GET', () => [200, this.comments]));
    scope.post(new RegExp(`^${base}/issues/\\d+/comments$`)).reply(
      logged('POST comment', 'POST', (_uri, body) => {
        const comment = { id: this.#id(), body: body.body, user: BOT };
        this.comments.push(comment);
        return [201, comment];
      }),
    );
    scope.patch(new RegExp(`^${base}/issues/comments/\\d+$`)).reply(
      logged('PATCH comment', 'PATCH', (uri, body) => {
        const comment = this.comments.find((c) => uri.endsWith(`/comments/${c.id}`));
        if (!comment) return [404, { message: 'Not Found' }];
        comment.body = body.body;
        return [200, comment];
      }),
    );
    scope.delete(new RegExp(`^${base}/issues/comments/\\d+$`)).reply(
      logged('DELETE comment', 'DELETE', (uri) => {
        this.comments = this.comments.filter((c) => !uri.endsWith(`/comments/${c.id}`));
        return [204, ''];
      }),
    );
    scope.get(new RegExp(`^${base}/pulls/\\d+/comments`)).reply(logged('GET review comments', 'GET', () => [200, this.threadComments]));
    scope.get(new RegExp(`^${base}/pulls/\\d+/reviews`)).reply(logged('GET reviews', 'GET', () => [200, this.reviews]));
    scope.post(new RegExp(`^${base}/pulls/\\d+/reviews$`)).reply(
      logged('POST review', 'POST', (_uri, body) => {
        const review = { id: this.#id(), body: body.body, commit_id: body.commit_id, user: BOT };
        this.reviews.push(review);
        for (const c of body.comments ?? [])
          this.threadComments.push({ id: this.#id(), body: c.body, user: BOT, path: c.path, line: c.line, pull_request_review_id: review.id });
        return [200, review];
      }),
    );
    scope.post(new RegExp(`^${base}/pulls/\\d+/comments/\\d+/replies$`)).reply(
      logged('POST reply', 'POST', (uri, body) => {
        const to = Number(uri.split('/').at(-2));
        const reply = { id: this.#id(), body: body.body, user: BOT, in_reply_to_id: to };
        this.threadComments.push(reply);
        return [201, reply];
      }),
    );
    // Review threads (GraphQL): served before FakeGithub's blob batches, by query.
    scope
      .post('/graphql', (body: { query?: string }) => /reviewThreads|resolveReviewThread/.test(body.query ?? ''))
      .reply(
        logged('POST graphql threads', 'POST', (_uri, body) => {
          if (/resolveReviewThread/.test(body.query)) {
            this.resolved.push(body.variables.threadId);
            return [200, { data: { resolveReviewThread: { thread: { id: body.variables.threadId, isResolved: true } } } }];
          }
          const roots = this.threadComments.filter((c) => c.in_reply_to_id === undefined);
          const nodes = roots.map((c) => ({
            id: `thread-${c.id}`,
            isResolved: this.resolved.includes(`thread-${c.id}`),
            comments: { nodes: [{ databaseId: c.id }] },
          }));
          return [200, { data: { repository: { pullRequest: { reviewThreads: { pageInfo: { hasNextPage: false, endCursor: null }, nodes } } } } }];
        }),
      );
    // Failures of the git data routes are served before FakeGithub's persistent interceptors.
    const files = this.failures.get('GET files') ?? [];
    if (files.length) {
      nock(API)
        .get(new RegExp(`^${base}/pulls/\\d+/files`))
        .times(files.length)
        .reply((uri) => {
          this.log.push({ method: 'GET', path: uri });
          return files.shift() as Reply;
        });
    }
    this.serve();
  }

  /** What `pulls.get` answers: the head now, the comment counts as they stand. */
  pull() {
    return {
      number: 42,
      state: 'open',
      head: { sha: this.headNow, repo: this.headRepo },
      base: { sha: BASE, repo: repoJson(500100, `${OWNER}/${REPO}`) },
      comments: this.comments.length,
      review_comments: this.threadComments.length,
    };
  }

  #id(): number {
    return ++this.#nextId;
  }

  /** `METHOD path` of every request, in order; GraphQL with its blob count (or what it does to review threads). */
  requests(): string[] {
    return this.log.map((e) => {
      const query = (e.body as { query?: string } | undefined)?.query;
      if (query && /resolveReviewThread/.test(query)) return `${e.method} ${e.path} (resolveReviewThread)`;
      if (query && /reviewThreads/.test(query)) return `${e.method} ${e.path} (reviewThreads)`;
      return query ? `${e.method} ${e.path} (${[...query.matchAll(/object\(oid:/g)].length} blobs)` : `${e.method} ${e.path}`;
    });
  }

  bodies(method: string, pathPart: string): Loose[] {
    return this.log.filter((e) => e.method === method && e.path.includes(pathPart)).map((e) => e.body);
  }
}

export function resetNock(): void {
  nock.cleanAll();
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
}
