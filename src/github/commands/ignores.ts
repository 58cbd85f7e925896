/**
 * Pull-request-scoped ignores, stored on the pull request itself (no database): one comment by
 * the app that starts with `<!-- kms-review:ignores {…JSON…} -->` and then shows the list to
 * humans; edited in place by `/kms ignore` and `/kms unignore`, read by every later review of the
 * pull request. Only a comment this app wrote counts (`performed_via_github_app.id`, when the app
 * knows its id — `APP_ID` — else any bot's): a human, or another automation echoing text, cannot
 * forge ignores by typing the marker (and `--` / `<` are escaped in the JSON, so no reason can
 * close the marker early).
 */
import type { PrIgnore } from '../../rules/suppressions.js';
import { allPages, type Page, PER_PAGE } from '../../sources/pages.js';
import { isBotUser, type User } from '../users.js';

export type { PrIgnore };

export const IGNORES_MARKER = '<!-- kms-review:ignores';
const MARKER = /^<!-- kms-review:ignores (\{.*?\}) -->/;

export interface IssueComment {
  id: number;
  body?: string | null;
  user?: User;
  performed_via_github_app?: { id?: number } | null;
}

export interface IgnoresClient {
  rest: {
    issues: {
      listComments(params: { owner: string; repo: string; issue_number: number; per_page?: number; page?: number }): Promise<Page<IssueComment>>;
      createComment(params: { owner: string; repo: string; issue_number: number; body: string }): Promise<{ data: { id: number } }>;
      updateComment(params: { owner: string; repo: string; comment_id: number; body: string }): Promise<unknown>;
    };
  };
}

export interface StoredIgnores {
  /** The marker comment, when the pull request has one. */
  commentId?: number;
  ignores: PrIgnore[];
}

const MAX_PAGES = 50;

const isIgnore = (v: unknown): v is PrIgnore => {
  const o = v as Record<string, unknown>;
  return (
    typeof o === 'object' &&
    o !== null &&
    typeof o.rule === 'string' &&
    /^KMS\d{3}$/.test(o.rule) &&
    typeof o.reason === 'string' &&
    typeof o.author === 'string' &&
    typeof o.date === 'string' &&
    (o.target === undefined || typeof o.target === 'string') &&
    (o.expires === undefined || typeof o.expires === 'string')
  );
};

/** The ignores in a comment body (empty when it is not a well-formed marker comment). */
export function parseIgnores(body: string): PrIgnore[] {
  const json = MARKER.exec(body)?.[1];
  if (!json) return [];
  try {
    const data = JSON.parse(json) as { ignores?: unknown };
    return Array.isArray(data.ignores) ? data.ignores.filter(isIgnore) : [];
  } catch {
    return [];
  }
}

/** JSON that cannot end an HTML comment. */
function hiddenJson(value: unknown): string {
  return JSON.stringify(value).replace(/-/g, '\\u002d').replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
}

const cell = (s: string) =>
  s
    .replace(/@(?=[A-Za-z0-9])/g, '@\u200b')
    .replace(/<!--/g, '&lt;!--')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');

/** The marker comment: hidden JSON, then a table for humans. */
export function ignoresComment(ignores: readonly PrIgnore[]): string {
  const head = `${IGNORES_MARKER} ${hiddenJson({ v: 1, ignores })} -->`;
  if (ignores.length === 0) return `${head}\n**kms-review** · no pull-request ignores are active.`;
  return [
    head,
    `**kms-review** · pull-request ignores (${ignores.length}) — honoured by every review of this pull request; \`/kms unignore <rule> [<target>]\` removes one.`,
    '',
    '| rule | key or resource | reason | by | on | expires |',
    '|---|---|---|---|---|---|',
    ...ignores.map(
      (i) =>
        `| ${i.rule} | ${i.target ? `\`${cell(i.target).replace(/`/g, "'")}\`` : 'all'} | ${cell(i.reason)} | ${cell(i.author)} | ${i.date} | ${i.expires ?? '—'} |`,
    ),
  ].join('\n');
}

/** The pull request's conversation, page by page (bounded: a runaway thread is not read to its end). */
export async function listPullComments(octokit: IgnoresClient, repo: { owner: string; repo: string }, pullNumber: number): Promise<IssueComment[]> {
  return allPages(
    (page) => octokit.rest.issues.listComments({ owner: repo.owner, repo: repo.repo, issue_number: pullNumber, per_page: PER_PAGE, page }),
    MAX_PAGES,
  );
}

/** Whether a comment is this app's own: by its id when known, else by being a bot's. */
const byApp = (c: IssueComment, appId: number | undefined) => isBotUser(c.user) && (appId === undefined || c.performed_via_github_app?.id === appId);

/** The marker comment among the comments (only one written by this app counts). */
export function ignoresIn(comments: readonly IssueComment[], appId?: number): StoredIgnores {
  const found = comments.find((c) => byApp(c, appId) && (c.body ?? '').startsWith(IGNORES_MARKER));
  return found ? { commentId: found.id, ignores: parseIgnores(found.body ?? '') } : { ignores: [] };
}

export async function readIgnores(octokit: IgnoresClient, repo: { owner: string; repo: string }, pullNumber: number, appId?: number): Promise<StoredIgnores> {
  return ignoresIn(await listPullComments(octokit, repo, pullNumber), appId);
}

/** Creates or edits the marker comment in place; returns what is stored now. */
export async function writeIgnores(
  octokit: IgnoresClient,
  repo: { owner: string; repo: string },
  pullNumber: number,
  stored: StoredIgnores,
  ignores: readonly PrIgnore[],
): Promise<StoredIgnores> {
  const body = ignoresComment(ignores);
  const where = { owner: repo.owner, repo: repo.repo };
  if (stored.commentId !== undefined) {
    await octokit.rest.issues.updateComment({ ...where, comment_id: stored.commentId, body });
    return { commentId: stored.commentId, ignores: [...ignores] };
  }
  const { data } = await octokit.rest.issues.createComment({ ...where, issue_number: pullNumber, body });
  return { commentId: data.id, ignores: [...ignores] };
}

/** The ignores that still apply on `today`. */
export const activeIgnores = (ignores: readonly PrIgnore[], today: string): PrIgnore[] => ignores.filter((i) => !i.expires || i.expires >= today);
