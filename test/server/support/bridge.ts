/**
 * A GitHub Enterprise Server on a loopback port for apps running in other processes: a real HTTP
 * server in the GHES layout (`/api/v3/...`, GraphQL at `/api/graphql`) whose every request is
 * replayed in this process against `https://api.github.com`, where nock serves the fake GitHub of
 * the in-process tests (`FakeApp`, `CommandsFake`). So the child's requests are asserted exactly as
 * the in-process tests assert theirs, and pagination links point back at the loopback host.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { API } from '../../github/support/fake-github.js';
import { closeLoopback, listenOnLoopback } from './loopback.js';

const FORWARDED_REQUEST_HEADERS = ['accept', 'authorization', 'content-type', 'user-agent'];
const DROPPED_RESPONSE_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

export class GhesBridge {
  /** Every request the child sent, as it arrived (`METHOD /api/v3/...`). */
  readonly received: string[] = [];
  /** Requests outside the GHES layout (answered 404, never forwarded). */
  readonly misplaced: string[] = [];
  #server: Server | undefined;
  port = 0;

  /** `GHE_HOST` for the child. */
  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      this.#forward(req).then(
        ({ status, headers, body }) => res.writeHead(status, headers).end(body),
        (error: Error) => res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `bridge: ${error.message}` })),
      );
    });
    this.port = await listenOnLoopback(this.#server);
    return this;
  }

  async stop(): Promise<void> {
    await closeLoopback(this.#server);
  }

  async #forward(req: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    this.received.push(`${method} ${url}`);
    const path = url === '/api/graphql' ? '/graphql' : url.startsWith('/api/v3/') ? url.slice('/api/v3'.length) : undefined;
    if (path === undefined) {
      this.misplaced.push(`${method} ${url}`);
      return { status: 404, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"message":"not a GHES API path"}') };
    }
    const headers = Object.fromEntries(FORWARDED_REQUEST_HEADERS.flatMap((h) => (req.headers[h] ? [[h, String(req.headers[h])]] : [])));
    const answer = await fetch(`${API}${path}`, { method, headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) });
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!DROPPED_RESPONSE_HEADERS.has(name)) out[name] = name === 'link' ? value.replaceAll(API, `http://${this.host}/api/v3`) : value;
    });
    return { status: answer.status, headers: out, body: Buffer.from(await answer.arrayBuffer()) };
  }
}
