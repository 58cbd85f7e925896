/** Accounts of automation (GitHub Apps, `…[bot]` users): the app's own markers count only when written by one, and their events never trigger the app. */
export type User = { login?: string; type?: string } | null | undefined;

export const isBotUser = (user: User): boolean => user?.type === 'Bot' || (user?.login ?? '').endsWith('[bot]');
