/**
 * The GitHub Action door (`action.yml` → `dist/index.js`, bundled by `scripts/build-action.mjs`):
 * reads the runner's environment, runs the review, exits with its code. Thin: see `action/main.ts`.
 */

import { runAction } from './action/main.js';
import { version } from './cli/common.js';

/** Set by the bundler (the bundle has no `package.json` beside it); from the sources, read it. */
declare const KMS_REVIEW_VERSION: string | undefined;

const current = typeof KMS_REVIEW_VERSION === 'string' ? KMS_REVIEW_VERSION : version();
process.exitCode = await runAction(process.env, { stdout: process.stdout, stderr: process.stderr }, { version: current });
