/**
 * Which live account view the Action runs, and with which credentials:
 * - `live-recorded`: replays a recording (tests and demos; no AWS, `aws-role` unused);
 * - `aws-role`: turns the live view on (whatever `live.enabled` says; the configuration's other
 *   live settings apply) with that role's credentials, from the job's OIDC token;
 * - otherwise `live.enabled` of the configuration, with the standard AWS credential chain (an
 *   earlier aws-actions/configure-aws-credentials step, say).
 * Failing to assume the role never fails the step: a warning in the log, and the live view notes
 * the failure in the report (KMS000) while the static review completes.
 */
import { resolve } from 'node:path';
import type { LiveConfig } from '../config/schema.js';
import { type AwsCredentialIdentity, type AwsCredentialIdentityProvider, DEFAULT_STS_REGION } from '../live/api.js';
import { type LiveHook, liveHookFor } from '../live/index.js';
import { assumeRoleWithGithubOidc } from './aws-role.js';
import type { Env, Runner } from './runner.js';

export interface LiveInputs {
  liveRecorded: string;
  awsRole: string;
  awsRegion: string;
}

export async function actionLiveHook(live: LiveConfig, inputs: LiveInputs, env: Env, workspace: string, runner: Runner): Promise<LiveHook | undefined> {
  if (inputs.liveRecorded) {
    runner.info(`kms-review: live account view on (replaying ${inputs.liveRecorded})`);
    return liveHookFor(live, { recorded: resolve(workspace, inputs.liveRecorded) });
  }
  if (!inputs.awsRole) {
    const hook = liveHookFor(live, {});
    if (hook) runner.info('kms-review: live account view on');
    return hook;
  }
  runner.info(`kms-review: live account view on (role ${inputs.awsRole})`);
  return liveHookFor(live, { live: true }, { sdk: { credentials: await roleCredentials(inputs, env, runner) } });
}

/** The role's credentials, or — when it cannot be assumed — a provider that fails with why, so each account's read notes it. */
async function roleCredentials(inputs: LiveInputs, env: Env, runner: Runner): Promise<AwsCredentialIdentity | AwsCredentialIdentityProvider> {
  const region = inputs.awsRegion || env.AWS_REGION || env.AWS_DEFAULT_REGION || DEFAULT_STS_REGION;
  try {
    const credentials = await assumeRoleWithGithubOidc(env, { roleArn: inputs.awsRole, region, ...(env.GITHUB_RUN_ID ? { runId: env.GITHUB_RUN_ID } : {}) });
    runner.info(`kms-review: assumed ${inputs.awsRole} with the job's OIDC token`);
    return credentials;
  } catch (error) {
    runner.warning(`kms-review: aws-role: ${(error as Error).message}; the live view reads nothing, the static review goes on`);
    return () => Promise.reject(error);
  }
}
