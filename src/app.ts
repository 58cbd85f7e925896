/**
 * The GitHub App door (`npm start` = `probot run ./lib/app.js`, configured by APP_ID, PRIVATE_KEY,
 * WEBHOOK_SECRET, PORT, GHE_HOST / GHE_PROTOCOL). Thin: the handlers live in `src/github/`.
 */
import type { ApplicationFunctionOptions, Probot } from 'probot';
import { dashboardSettingsFromEnv } from './dashboard/github.js';
import { type DashboardOptions, dashboardHandler } from './dashboard/handler.js';
import { type HandlerDeps, registerHandlers } from './github/handlers.js';
import { blobCacheOf } from './github/review.js';
import { databaseUrlOf } from './index/db.js';
import { directIndexer } from './index/indexer.js';
import { createKeyIndex, type KeyIndex } from './index/reader.js';

/** The handlers' dependencies, and the dashboard when it is configured. */
export interface AppDeps extends HandlerDeps {
  dashboard?: DashboardOptions;
}

/** The app with explicit dependencies (tests, other hosts such as a Lambda adapter). */
export function kmsReviewApp(deps: AppDeps = {}) {
  return (app: Probot, options?: Partial<ApplicationFunctionOptions>): void => {
    registerHandlers(app, deps);
    // `/dashboard` on the App's own HTTP server (hosts without one, such as Lambda, have no addHandler).
    if (deps.dashboard && options?.addHandler) options.addHandler(dashboardHandler({ log: app.log, ...deps.dashboard }));
  };
}

/**
 * What a review learns from the environment: `APP_ID` tells the app's own comments from other bots'
 * (only its own `/kms ignore` marker counts); `DATABASE_URL` configures the organisation's key index
 * (one pool per process, opened on first use), which reviews read for other repositories' consumers.
 */
export function reviewDepsFromEnv(env: NodeJS.ProcessEnv, deps: AppDeps = {}): AppDeps {
  const appId = Number(env.APP_ID);
  const url = databaseUrlOf(env);
  const index = url ? sharedKeyIndex(url) : undefined;
  // Without a queue the webhook's process indexes; queue mode replaces `indexer` (src/queue/env.ts).
  const indexing = index ? { index, indexer: directIndexer(index, blobCacheOf(deps)) } : {};
  // The dashboard needs the index and the App's OAuth credentials (GITHUB_CLIENT_ID / GITHUB_CLIENT_SECRET).
  const settings = index ? dashboardSettingsFromEnv(env) : undefined;
  const dashboard = index && settings ? { dashboard: { settings, index } } : {};
  return { ...(appId > 0 ? { appId } : {}), ...indexing, ...dashboard, ...deps };
}

const indexes = new Map<string, KeyIndex>();

/** One key index per database URL in this process (the server, the worker and the app share it). */
export function sharedKeyIndex(url: string): KeyIndex {
  let index = indexes.get(url);
  if (!index) {
    index = createKeyIndex(url);
    indexes.set(url, index);
  }
  return index;
}

export default kmsReviewApp(reviewDepsFromEnv(process.env));
