/**
 * GitHub OAuth for the dashboard (a GitHub App's user-to-server flow): the authorize URL, the code
 * exchanged for a user token, the viewer's login, and the repositories of this App's installations
 * the viewer can read (`GET /user/installations` and `/user/installations/{id}/repositories` list
 * only those). GitHub Enterprise Server through `GHE_HOST` / `GHE_PROTOCOL`, like the App.
 */

export interface DashboardSettings {
  clientId: string;
  clientSecret: string;
  /** `https://github.com` or `<protocol>://<GHE_HOST>`. */
  webUrl: string;
  /** `https://api.github.com` or `<webUrl>/api/v3`. */
  apiUrl: string;
  /** How long a sign-in lasts (seconds, `DASHBOARD_SESSION_SECONDS`, default 8 hours). */
  sessionSeconds: number;
}

/** Set when `GITHUB_CLIENT_ID` and `GITHUB_CLIENT_SECRET` are (the App's OAuth credentials). */
export function dashboardSettingsFromEnv(env: NodeJS.ProcessEnv): DashboardSettings | undefined {
  const clientId = env.GITHUB_CLIENT_ID?.trim();
  const clientSecret = env.GITHUB_CLIENT_SECRET?.trim();
  if (!clientId || !clientSecret) return undefined;
  const host = env.GHE_HOST?.trim();
  const webUrl = host ? `${env.GHE_PROTOCOL?.trim() || 'https'}://${host}` : 'https://github.com';
  const apiUrl = host ? `${webUrl}/api/v3` : 'https://api.github.com';
  const seconds = Number(env.DASHBOARD_SESSION_SECONDS);
  return { clientId, clientSecret, webUrl, apiUrl, sessionSeconds: Number.isInteger(seconds) && seconds > 0 ? seconds : 8 * 3600 };
}

export function authorizeUrl(s: DashboardSettings, redirectUri: string, state: string): string {
  const url = new URL('/login/oauth/authorize', s.webUrl);
  url.searchParams.set('client_id', s.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('state', state);
  return url.toString();
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: GitHub answered ${response.status}`);
  return (await response.json()) as T;
}

export async function exchangeCode(s: DashboardSettings, code: string, redirectUri: string): Promise<string> {
  const response = await fetch(new URL('/login/oauth/access_token', s.webUrl), {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: s.clientId, client_secret: s.clientSecret, code, redirect_uri: redirectUri }),
  });
  const body = await json<{ access_token?: string; error?: string; error_description?: string }>(response, 'token exchange');
  if (!body.access_token) throw new Error(`token exchange: ${body.error_description ?? body.error ?? 'no token'}`);
  return body.access_token;
}

const api = (s: DashboardSettings, token: string, path: string) =>
  fetch(`${s.apiUrl}${path}`, { headers: { accept: 'application/vnd.github+json', authorization: `Bearer ${token}`, 'x-github-api-version': '2022-11-28' } });

/** Pages of a list endpoint (`per_page=100`), at most `maxPages`. */
async function pages<T>(s: DashboardSettings, token: string, path: string, pick: (body: never) => T[], maxPages = 50): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page <= maxPages; page++) {
    const items = pick(await json<never>(await api(s, token, `${path}${path.includes('?') ? '&' : '?'}per_page=100&page=${page}`), path));
    out.push(...items);
    if (items.length < 100) break;
  }
  return out;
}

export interface Viewer {
  login: string;
  /** `owner/name` of every repository of this App's installations the viewer can read. */
  repositories: string[];
  /** Installations the viewer belongs to (none: not a member of any installing organisation). */
  installations: number;
}

export async function viewerOf(s: DashboardSettings, token: string): Promise<Viewer> {
  const user = await json<{ login: string }>(await api(s, token, '/user'), 'user');
  const installations = await pages(s, token, '/user/installations', (b: { installations: { id: number }[] }) => b.installations);
  const repositories = new Set<string>();
  for (const installation of installations) {
    const repos = await pages(
      s,
      token,
      `/user/installations/${installation.id}/repositories`,
      (b: { repositories: { full_name: string }[] }) => b.repositories,
    );
    for (const r of repos) repositories.add(r.full_name);
  }
  return { login: user.login, repositories: [...repositories].sort(), installations: installations.length };
}
