/** Dashboard sessions in the key index's database: an unguessable id in an HttpOnly cookie, the rest here. */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';

export interface Session {
  id: string;
  login: string;
  repositories: string[];
}

export const SESSION_COOKIE = 'kms_review_session';
export const STATE_COOKIE = 'kms_review_oauth_state';

export const newToken = (): string => randomBytes(24).toString('base64url');

export async function createSession(pool: pg.Pool, login: string, repositories: readonly string[], seconds: number): Promise<Session> {
  const id = newToken();
  await pool.query('insert into dashboard_sessions (id, login, repositories, expires_at) values ($1, $2, $3, now() + make_interval(secs => $4))', [
    id,
    login,
    repositories,
    seconds,
  ]);
  // Expired sessions go when new ones come.
  await pool.query('delete from dashboard_sessions where expires_at < now()');
  return { id, login, repositories: [...repositories] };
}

export async function sessionOf(pool: pg.Pool, id: string | undefined): Promise<Session | undefined> {
  if (!id || !/^[A-Za-z0-9_-]{20,64}$/.test(id)) return undefined;
  const { rows } = await pool.query<{ login: string; repositories: string[] }>(
    'select login, repositories from dashboard_sessions where id = $1 and expires_at > now()',
    [id],
  );
  return rows[0] ? { id, login: rows[0].login, repositories: rows[0].repositories } : undefined;
}

export async function endSession(pool: pg.Pool, id: string | undefined): Promise<void> {
  if (id) await pool.query('delete from dashboard_sessions where id = $1', [id]);
}

export function cookiesOf(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0) out[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
  }
  return out;
}

export function cookie(name: string, value: string, options: { maxAge?: number; secure: boolean }): string {
  return [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/dashboard',
    'HttpOnly',
    'SameSite=Lax',
    ...(options.secure ? ['Secure'] : []),
    ...(options.maxAge !== undefined ? [`Max-Age=${options.maxAge}`] : []),
  ].join('; ');
}
