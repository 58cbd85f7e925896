/**
 * The GitHub App under test: a Probot with a generated RSA key and our Octokit policy (fast
 * retries), and a fake GitHub at the HTTP level (nock): the installation token, check runs,
 * the config file, the pull request, comments and permissions — on top of the git data (trees,
 * GraphQL blobs, changed files) served by `test/github/support/fake-github.ts`.
 */
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import nock from 'nock';
import { Probot } from 'probot';
import { kmsReviewApp } from '../../src/app.js';
import { DEFAULT_POLICY, octokitWithPolicy } from '../../src/github/octokit.js';
import { BlobCache } from '../../src/sources/blob-cache.js';
import { API, type FakeFile, FakeGithub, readFolder } from '../github/support/fake-github.js';

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

export function payload(name: string, edit: (p: Record<string, any>) => void = () => {}): Record<string, any> {
  const p = JSON.parse(readFileSync(`fixtures/webhooks/${name}.json`, 'utf8'));
  edit(p);
  return p;
}

/** A Probot as `npm start` builds it, but with our Octokit given explicitly and retries in milliseconds. */
export async function testProbot(options: { policy?: boolean; load?: boolean } = {}): Promise<Probot> {
  const probot = new Probot({
    appId: 1,
    privateKey,
    secret: SECRET,
    logLevel: 'fatal',
    ...(options.policy === false ? {} : { Octokit: octokitWithPolicy({ ...DEFAULT_POLICY, retryAfterBaseValue: 1 }) }),
  });
  if (options.load !== false)
    await probot.load(kmsReviewApp({ cache: new BlobCache(), today: '2026-11-22', policy: { ...DEFAULT_POLICY, retryAfterBaseValue: 1 } }));
  return probot;
}

type Reply = [number, unknown, Record<string, string>?];

export class FakeApp extends FakeGithub {
  config?: string;
  /** What `pulls.get` answers as the head (a newer push: another sha). */
  headNow = HEAD;
  permission = 'write';
  comments: { id: number; body: string }[] = [];
  /** Replies served before the normal ones, by route label (`POST check-runs`, `GET files`…). */
  failures = new Map<string, Reply[]>();

  constructor() {
    super(OWNER, REPO);
  }

  scenario(before: Record<string, FakeFile>, after: Record<string, FakeFile>): this {
    this.commit(BASE, before);
    this.commit(HEAD, after);
    const paths = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    this.pullFiles = paths
      .filter((p) => before[p] !== after[p])
      .map((p) => ({ filename: p, status: before[p] === undefined ? 'added' : after[p] === undefined ? 'removed' : 'modified' }));
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
    const scope = nock(API).persist();
    const logged = (label: string, method: string, normal: (uri: string, body: any) => Reply) => (uri: string, body: any) => {
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
    scope
      .post(`${base}/check-runs`)
      .reply(logged('POST check-runs', 'POST', () => [201, { id: CHECK_RUN_ID, html_url: `https://github.com/${OWNER}/${REPO}/runs/${CHECK_RUN_ID}` }]));
    scope.patch(`${base}/check-runs/${CHECK_RUN_ID}`).reply(logged('PATCH check-run', 'PATCH', () => [200, { id: CHECK_RUN_ID }]));
    scope
      .get(/\/contents\/\.github(%2F|\/)kms-review\.yml/)
      .reply(
        logged('GET config', 'GET', (uri) =>
          uri.startsWith(base) && this.config !== undefined
            ? [200, this.config, { 'content-type': 'text/plain; charset=utf-8' }]
            : [404, { message: 'Not Found' }],
        ),
      );
    scope.get(new RegExp(`^${base}/pulls/\\d+$`)).reply(logged('GET pull', 'GET', () => [200, { number: 42, state: 'open', head: { sha: this.headNow } }]));
    scope
      .get(new RegExp(`^${base}/collaborators/[^/]+/permission$`))
      .reply(logged('GET permission', 'GET', () => [200, { permission: this.permission, role_name: this.permission }]));
    scope.get(new RegExp(`^${base}/issues/\\d+/comments`)).reply(logged('GET comments', 'GET', () => [200, this.comments]));
    scope.post(new RegExp(`^${base}/issues/\\d+/comments$`)).reply(logged('POST comment', 'POST', (_uri, body) => [201, { id: 1, body: body.body }]));
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

  /** `METHOD path` of every request, in order; GraphQL with its blob count. */
  requests(): string[] {
    return this.log.map((e) => {
      const query = (e.body as { query?: string } | undefined)?.query;
      return query ? `${e.method} ${e.path} (${[...query.matchAll(/object\(oid:/g)].length} blobs)` : `${e.method} ${e.path}`;
    });
  }

  bodies(method: string, pathPart: string): any[] {
    return this.log.filter((e) => e.method === method && e.path.includes(pathPart)).map((e) => e.body);
  }
}

export function resetNock(): void {
  nock.cleanAll();
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
}
