/**
 * `npm start`: Probot's own runner — configuration from the environment and `.env`, the setup page
 * when `APP_ID` is missing, `WEBHOOK_PROXY_URL`, logging — given our Octokit class, like every
 * other door (`src/queue/env.ts`), so the event's client is built once, with the policy and the
 * configured base URL (`GHE_HOST` / `GHE_PROTOCOL`). `probot run ./lib/app.js` works too: the
 * handlers then build our client through Probot's installation factory (`octokitFor`).
 */
import { run } from 'probot';
import { kmsReviewApp, reviewDepsFromEnv } from './app.js';
import { KmsOctokit } from './github/octokit.js';

// The environment is read when Probot loads the app, after it has applied `.env`.
await run((app, options) => kmsReviewApp(reviewDepsFromEnv(process.env))(app, options), { Octokit: KmsOctokit });
