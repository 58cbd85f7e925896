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

export default kmsReviewApp();
