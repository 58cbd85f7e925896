/**
 * A fake GitHub for the dashboard's sign-in, on a loopback port (GHES layout: the web at `/`, the
 * API at `/api/v3`): the authorize page signs in whoever the test says is at the keyboard and sends
 * the browser back with a code; the code is exchanged for a token; the token's user, installations
 * and readable repositories are what the test set for that user.
 */
import { createServer, type Server } from 'node:http';
import { closeLoopback, listenOnLoopback } from '../../server/support/loopback.js';

export interface FakeUser {
  login: string;
  /** Installations of the App the user belongs to, each with the repositories they can read. */
  installations: Record<number, string[]>;
}

export class OAuthGithub {
  readonly users = new Map<string, FakeUser>();
  /** Who signs in at the authorize page next. */
  atKeyboard = '';
  readonly requests: string[] = [];
  #server?: Server;
  port = 0;

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', `http://${this.host}`);
      this.requests.push(`${req.method} ${url.pathname}`);
      const json = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      const user = this.users.get((req.headers.authorization ?? '').replace(/^Bearer tok-/, ''));
      if (url.pathname === '/login/oauth/authorize') {
        const back = new URL(url.searchParams.get('redirect_uri') ?? '');
        back.searchParams.set('code', `code-${this.atKeyboard}`);
        back.searchParams.set('state', url.searchParams.get('state') ?? '');
        res.writeHead(302, { location: back.toString() }).end();
        return;
      }
      if (url.pathname === '/login/oauth/access_token' && req.method === 'POST') {
        let body = '';
        req.on('data', (d) => (body += d));
        req.on('end', () => {
          const { code, client_secret } = JSON.parse(body) as { code: string; client_secret: string };
          if (client_secret !== 'dashboard-secret') return json(200, { error: 'incorrect_client_credentials' });
          json(200, { access_token: `tok-${code.replace(/^code-/, '')}`, token_type: 'bearer' });
        });
        return;
      }
      if (!user) return json(401, { message: 'Bad credentials' });
      if (url.pathname === '/api/v3/user') return json(200, { login: user.login });
      if (url.pathname === '/api/v3/user/installations')
        return json(200, {
          total_count: Object.keys(user.installations).length,
          installations: Object.keys(user.installations).map((id) => ({ id: Number(id) })),
        });
      const m = /^\/api\/v3\/user\/installations\/(\d+)\/repositories$/.exec(url.pathname);
      if (m) {
        const repos = user.installations[Number(m[1])] ?? [];
        return json(200, { total_count: repos.length, repositories: repos.map((full_name) => ({ full_name })) });
      }
      json(404, { message: 'Not Found' });
    });
    this.port = await listenOnLoopback(this.#server);
    return this;
  }

  async stop(): Promise<void> {
    await closeLoopback(this.#server);
  }
}
