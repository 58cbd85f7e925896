/**
 * Counts the GitHub API calls made through an Octokit, by route (`GET /repos/{owner}/{repo}/git/trees/{tree_sha}`,
 * `POST /graphql`…), so a review can report — and a test can assert — what it cost.
 *
 * It is an Octokit `request` hook registered after the client's own plugins, so it sits outermost:
 * one logical call is counted once even when plugin-retry / plugin-throttling repeat it underneath,
 * and a call that fails is counted too (it still spent rate limit).
 */

import type { Octokit } from '@octokit/rest';

/** The part of an Octokit the counter needs (`@octokit/rest`'s and `ProbotOctokit` fit). */
export type HookedClient = Pick<Octokit, 'hook'>;

export interface ApiCalls {
  total: number;
  /** `METHOD /url-template` → calls. */
  byRoute: Record<string, number>;
}

export interface ApiCallCounter {
  readonly total: number;
  readonly byRoute: Readonly<Record<string, number>>;
  /** Starts counting the calls of this client; attaching the same client twice counts once. */
  attach(octokit: HookedClient): void;
  /** A copy, with the routes sorted: what a report or a test prints. */
  snapshot(): ApiCalls;
}

/** `GET /repos/{owner}/{repo}/pulls/{pull_number}/files`; absolute URLs (followed `link` headers) keep their path only. */
export function routeOf(options: { method?: string; url?: string }): string {
  const method = (options.method ?? 'GET').toUpperCase();
  let url = options.url ?? '';
  if (/^https?:\/\//.test(url)) url = new URL(url).pathname;
  return `${method} ${url.split('?')[0]}`;
}

export function createApiCallCounter(): ApiCallCounter {
  const byRoute = new Map<string, number>();
  const attached = new WeakSet<object>();
  let total = 0;
  return {
    get total() {
      return total;
    },
    get byRoute() {
      return Object.fromEntries(byRoute);
    },
    attach(octokit) {
      if (attached.has(octokit)) return;
      attached.add(octokit);
      octokit.hook.wrap('request', async (request, options) => {
        const route = routeOf(options);
        total++;
        byRoute.set(route, (byRoute.get(route) ?? 0) + 1);
        return request(options);
      });
    },
    snapshot() {
      return { total, byRoute: Object.fromEntries([...byRoute].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
    },
  };
}
