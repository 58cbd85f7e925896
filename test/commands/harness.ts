/**
 * Slash commands under test: the app's fake GitHub (`test/app/harness.ts`) plus what commands
 * touch — the full pull request (`pulls.get` with base, head and comment count), reactions,
 * issue comments that persist across deliveries (the ignores marker comment), review comments
 * (a finding's thread root) and thread replies. Any other route a re-run's publishers use answers
 * an empty success and is logged like the rest.
 */
import nock from 'nock';
import type { Probot } from 'probot';
import { BASE, FakeApp, HEAD, OWNER, payload, REPO } from '../app/harness.js';
import { API } from '../github/support/fake-github.js';

export const BOT = { login: 'kms-review[bot]', id: 41898282, type: 'Bot' };
export const PR = `/repos/${OWNER}/${REPO}`;

type Body = { body?: string; content?: string };
type Payload = ReturnType<typeof payload>;

export interface StoredComment {
  id: number;
  body: string;
  user: { login: string; id: number; type: string };
  performed_via_github_app?: { id: number };
}

export class CommandsFake extends FakeApp {
  override comments: StoredComment[] = [];
  reviewComments = new Map<number, StoredComment & { in_reply_to_id?: number }>();
  #nextId = 9_500_000;

  /** Registers the command routes first (nock matches the first persisted interceptor), then the app's. */
  override start(): void {
    const scope = nock(API).persist();
    const log = (method: string, uri: string, body?: unknown) =>
      this.log.push({ method, path: uri, ...(body && typeof body === 'object' && Object.keys(body).length ? { body } : {}) });
    /** Logs the request, then answers. */
    const answer =
      (method: string, reply: (uri: string, body: Body) => [number, unknown]) =>
      (uri: string, body: unknown): [number, unknown] => {
        log(method, uri, body);
        return reply(uri, (body ?? {}) as Body);
      };
    scope.get(`${PR}/pulls/42`).reply((uri) => {
      log('GET', uri);
      return [
        200,
        {
          number: 42,
          state: 'open',
          comments: this.comments.length,
          review_comments: this.reviewComments.size,
          changed_files: this.pullFiles.length,
          head: { sha: this.headNow, repo: { id: 500100 } },
          base: { sha: BASE, repo: { id: 500100 } },
        },
      ];
    });
    scope.post(/\/issues\/comments\/\d+\/reactions$/).reply(answer('POST', (_uri, body) => [201, { id: 1, content: body.content }]));
    scope.post(/\/pulls\/comments\/\d+\/reactions$/).reply(answer('POST', (_uri, body) => [201, { id: 1, content: body.content }]));
    scope.get(new RegExp(`^${PR}/issues/42/comments`)).reply(answer('GET', () => [200, this.comments]));
    scope.post(`${PR}/issues/42/comments`).reply(
      answer('POST', (_uri, body) => {
        const comment = { id: this.#nextId++, body: body.body ?? '', user: BOT };
        this.comments.push(comment);
        return [201, comment];
      }),
    );
    scope.patch(/\/issues\/comments\/\d+$/).reply(
      answer('PATCH', (uri, body) => {
        const c = this.comments.find((x) => x.id === Number(uri.split('/').pop()));
        if (!c) return [404, { message: 'Not Found' }];
        c.body = body.body ?? '';
        return [200, c];
      }),
    );
    scope.get(/\/pulls\/comments\/\d+$/).reply(
      answer('GET', (uri) => {
        const c = this.reviewComments.get(Number(uri.split('/').pop()));
        return c ? [200, c] : [404, { message: 'Not Found' }];
      }),
    );
    scope.post(/\/pulls\/42\/comments\/\d+\/replies$/).reply(answer('POST', () => [201, { id: this.#nextId++ }]));
    super.start();
    // Whatever else a re-run's publishers ask (review comments, reviews, check run lookups).
    const rest = nock(API).persist();
    rest.get(/.*/).reply(answer('GET', (uri) => [200, uri.includes('check-runs') ? { total_count: 0, check_runs: [] } : []]));
    rest.post(/.*/).reply(answer('POST', () => [200, { id: 1, data: {} }]));
    rest.patch(/.*/).reply(answer('PATCH', () => [200, {}]));
  }

  /** The requests after the installation token, as `METHOD path`. */
  calls(): string[] {
    return this.requests().filter((r) => !r.includes('/access_tokens'));
  }

  /** Bodies of the replies posted in the conversation (the ignores marker comment excluded). */
  replies(): string[] {
    return this.bodies('POST', '/issues/42/comments')
      .map((b) => b.body as string)
      .filter((b) => !b.startsWith('<!-- kms-review:ignores'));
  }

  reactions(): string[] {
    return this.log.filter((e) => e.path.endsWith('/reactions')).map((e) => (e.body as { content: string }).content);
  }
}

export async function comment(probot: Probot, body: string, edit: (p: Payload) => void = () => {}): Promise<void> {
  const p = payload('issue_comment.created', (x) => {
    x.comment.body = body;
    edit(x);
  });
  await probot.receive({ id: `d-${Math.random()}`, name: 'issue_comment', payload: p } as never);
}

export async function reviewReply(probot: Probot, body: string, edit: (p: Payload) => void = () => {}): Promise<void> {
  const p = payload('pull_request_review_comment.created', (x) => {
    x.comment.body = body;
    edit(x);
  });
  await probot.receive({ id: `d-${Math.random()}`, name: 'pull_request_review_comment', payload: p } as never);
}

export { BASE, HEAD };
