/**
 * `/dashboard`, served by the App's own HTTP server (Probot's `addHandler`, so `npm start`,
 * `probot run` and `node lib/server.js` all have it). Signing in is GitHub OAuth: the viewer must
 * belong to an organisation that installed the App, and sees only the repositories GitHub says
 * they can read (asked once at sign-in; signing in again refreshes it).
 *
 * Routes: `/dashboard` (keys by account and region, `?q=` searches ARNs and aliases),
 * `/dashboard/graph`, `/dashboard/trend`, `/dashboard/login`, `/dashboard/callback`, `/dashboard/logout`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyIndex } from '../index/reader.js';
import { orgReport } from '../index/report.js';
import { authorizeUrl, type DashboardSettings, exchangeCode, viewerOf } from './github.js';
import { graphPage, keysPage, messagePage, trendPage } from './html.js';
import { cookie, cookiesOf, createSession, endSession, newToken, SESSION_COOKIE, STATE_COOKIE, sessionOf } from './sessions.js';
import { findingsTrend } from './trend.js';

/** Keys listed on one page (the search narrows the rest). */
const KEYS_PER_PAGE = 100;

type Log = { warn(o: object, m?: string): void };

export interface DashboardOptions {
  settings: DashboardSettings;
  index: Pick<KeyIndex, 'db'>;
  log?: Log;
}

function send(res: ServerResponse, status: number, html: string, headers: Record<string, string | string[]> = {}): true {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    ...headers,
  });
  res.end(html);
  return true;
}

function redirect(res: ServerResponse, location: string, cookies: string[] = []): true {
  res.writeHead(302, { location, 'cache-control': 'no-store', ...(cookies.length ? { 'set-cookie': cookies } : {}) });
  res.end();
  return true;
}

/** The public origin of the request (for the OAuth redirect): `DASHBOARD_URL` would be set behind a proxy that rewrites Host. */
function originOf(req: IncomingMessage): string {
  const proto =
    (req.headers['x-forwarded-proto'] as string | undefined)?.split(',')[0]?.trim() || ((req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http');
  return `${proto}://${req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost'}`;
}

export function dashboardHandler(options: DashboardOptions) {
  const { settings } = options;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://dashboard.invalid');
    if (url.pathname !== '/dashboard' && !url.pathname.startsWith('/dashboard/')) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, messagePage('Method not allowed', 'The dashboard only reads.'), { allow: 'GET, HEAD' });
    const origin = originOf(req);
    const secure = origin.startsWith('https:');
    const callback = `${process.env.DASHBOARD_URL?.replace(/\/$/, '') ?? origin}/dashboard/callback`;
    const cookies = cookiesOf(req.headers.cookie);
    try {
      const pool = (await options.index.db()).pool;
      switch (url.pathname) {
        case '/dashboard/login': {
          const state = newToken();
          return redirect(res, authorizeUrl(settings, callback, state), [cookie(STATE_COOKIE, state, { maxAge: 600, secure })]);
        }
        case '/dashboard/callback': {
          const code = url.searchParams.get('code');
          const state = url.searchParams.get('state');
          if (!code || !state || state !== cookies[STATE_COOKIE])
            return send(
              res,
              400,
              messagePage('Sign-in failed', 'The sign-in did not come from this dashboard (state mismatch). Try again.', undefined, {
                href: '/dashboard/login',
                text: 'Sign in with GitHub',
              }),
            );
          const token = await exchangeCode(settings, code, callback);
          const viewer = await viewerOf(settings, token);
          if (viewer.installations === 0)
            return send(res, 403, messagePage('Not a member', `${viewer.login} is not a member of an organisation that installed kms-review.`), {
              'set-cookie': [cookie(STATE_COOKIE, '', { maxAge: 0, secure })],
            });
          const session = await createSession(pool, viewer.login, viewer.repositories, settings.sessionSeconds);
          return redirect(res, '/dashboard', [
            cookie(SESSION_COOKIE, session.id, { maxAge: settings.sessionSeconds, secure }),
            cookie(STATE_COOKIE, '', { maxAge: 0, secure }),
          ]);
        }
        case '/dashboard/logout':
          await endSession(pool, cookies[SESSION_COOKIE]);
          return redirect(res, '/dashboard/login', [cookie(SESSION_COOKIE, '', { maxAge: 0, secure })]);
      }
      const session = await sessionOf(pool, cookies[SESSION_COOKIE]);
      if (!session) return redirect(res, '/dashboard/login');
      switch (url.pathname) {
        case '/dashboard': {
          const search = (url.searchParams.get('q') ?? '').slice(0, 200);
          const report = await orgReport(pool, { repositories: session.repositories, ...(search ? { search } : {}) });
          return send(res, 200, keysPage(report, session.login, search, KEYS_PER_PAGE));
        }
        case '/dashboard/graph':
          return send(res, 200, graphPage(await orgReport(pool, { repositories: session.repositories }), session.login));
        case '/dashboard/trend': {
          const trend = await findingsTrend(pool, session.repositories);
          return send(res, 200, trendPage(trend.days, trend.repositories, session.login));
        }
        default:
          return send(res, 404, messagePage('Not found', 'No such dashboard page.', session.login, { href: '/dashboard', text: 'Keys' }));
      }
    } catch (error) {
      options.log?.warn({ err: error }, 'kms-review: dashboard request failed');
      // The details go to the log, not to the page.
      return send(res, 502, messagePage('Dashboard unavailable', 'The key index or GitHub could not be read. Try again in a moment.'));
    }
  };
}
