/**
 * The `aws-role` input: the Action trades the job's GitHub OIDC token for temporary credentials of
 * that role (STS `AssumeRoleWithWebIdentity`), so a workflow needs no separate
 * aws-actions/configure-aws-credentials step for the live view. The job needs
 * `permissions: id-token: write`. See https://docs.github.com/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect.
 */
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { type AwsCredentialIdentity, RoleAssumptionError, SESSION_NAME } from '../live/api.js';
import type { Env } from './runner.js';

/** The audience AWS expects in the token (the IAM OIDC provider's client id). */
export const STS_AUDIENCE = 'sts.amazonaws.com';
/** The shortest session STS grants: the live view's reads take seconds. */
const DURATION_SECONDS = 900;

/** The job's OIDC token for `audience`, from the runner's token endpoint. */
export async function githubIdToken(env: Env, audience = STS_AUDIENCE): Promise<string> {
  const endpoint = env.ACTIONS_ID_TOKEN_REQUEST_URL;
  const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  if (!endpoint || !bearer) throw new Error('no GitHub OIDC token in this job: the workflow needs `permissions: id-token: write`');
  const url = new URL(endpoint);
  url.searchParams.set('audience', audience);
  const response = await fetch(url, { headers: { authorization: `bearer ${bearer}`, accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`the GitHub OIDC token request failed with HTTP ${response.status}: does the workflow grant \`id-token: write\`?`);
  const value = ((await response.json()) as { value?: unknown }).value;
  if (typeof value !== 'string' || value === '') throw new Error('the GitHub OIDC token endpoint returned no token');
  return value;
}

export interface WebIdentityRole {
  roleArn: string;
  /** Region of the STS endpoint. */
  region: string;
  /** `GITHUB_RUN_ID`: the session is `kms-review-<run id>` in CloudTrail. */
  runId?: string;
}

/** Temporary credentials of the role for the job's OIDC token; a failure is a `RoleAssumptionError`. */
export async function assumeRoleWithGithubOidc(env: Env, role: WebIdentityRole): Promise<AwsCredentialIdentity> {
  try {
    const token = await githubIdToken(env);
    const sts = new STSClient({ region: role.region });
    const out = await sts.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: role.roleArn,
        RoleSessionName: role.runId ? `${SESSION_NAME}-${role.runId}` : SESSION_NAME,
        WebIdentityToken: token,
        DurationSeconds: DURATION_SECONDS,
      }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey) throw new Error('AssumeRoleWithWebIdentity returned no credentials');
    return {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
      ...(c.Expiration ? { expiration: new Date(c.Expiration) } : {}),
    };
  } catch (error) {
    throw new RoleAssumptionError(role.roleArn, error);
  }
}
