/**
 * The GitHub App door (`npm start` = `probot run ./lib/app.js`, configured by APP_ID, PRIVATE_KEY,
 * WEBHOOK_SECRET, PORT, GHE_HOST / GHE_PROTOCOL). Thin: the handlers live in `src/github/`.
 */
import type { Probot } from 'probot';
import { type HandlerDeps, registerHandlers } from './github/handlers.js';

/** The app with explicit dependencies (tests, other hosts such as a Lambda adapter). */
export function kmsReviewApp(deps: HandlerDeps = {}) {
  return (app: Probot): void => registerHandlers(app, deps);
}

/** What a review learns from the environment: `APP_ID` tells the app's own comments from other bots' (only its own `/kms ignore` marker counts). */
export function reviewDepsFromEnv(env: NodeJS.ProcessEnv, deps: HandlerDeps = {}): HandlerDeps {
  const appId = Number(env.APP_ID);
  return { ...(appId > 0 ? { appId } : {}), ...deps };
}

export default kmsReviewApp(reviewDepsFromEnv(process.env));
