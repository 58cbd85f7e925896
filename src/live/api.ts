/**
 * The six read-only KMS calls the live view makes, behind one small interface per account and
 * region, and its AWS SDK implementation: adaptive retry mode, `maxAttempts`, credentials from the
 * standard chain or from an STS `AssumeRole` of the account's configured role (session name
 * `kms-review`). A recorded implementation (`recorded.ts`) replays the same calls from a file.
 * `sdkCallerIdentity` is STS `GetCallerIdentity`: the account the CLI reads when no accounts are configured.
 */
import {
  DescribeKeyCommand,
  type DescribeKeyResponse,
  GetKeyPolicyCommand,
  type GetKeyPolicyResponse,
  GetKeyRotationStatusCommand,
  type GetKeyRotationStatusResponse,
  KMSClient,
  ListAliasesCommand,
  type ListAliasesResponse,
  ListGrantsCommand,
  type ListGrantsResponse,
  ListResourceTagsCommand,
  type ListResourceTagsResponse,
} from '@aws-sdk/client-kms';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { LiveConfig } from '../config/schema.js';
import type { CallerIdentity } from './types.js';

/** One account and region's KMS, read-only. Every method is one API call. */
export interface KmsApi {
  describeKey(keyId: string): Promise<DescribeKeyResponse>;
  getKeyPolicy(keyId: string): Promise<GetKeyPolicyResponse>;
  getKeyRotationStatus(keyId: string): Promise<GetKeyRotationStatusResponse>;
  listAliases(keyId: string, marker?: string): Promise<ListAliasesResponse>;
  listResourceTags(keyId: string, marker?: string): Promise<ListResourceTagsResponse>;
  listGrants(keyId: string, marker?: string): Promise<ListGrantsResponse>;
}

export type KmsApiFactory = (account: string, region: string) => KmsApi;

/** The SDK's credential identity (kept local: `@aws-sdk/types` is not a direct dependency). */
export interface AwsCredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}
export type AwsCredentialIdentityProvider = () => Promise<AwsCredentialIdentity>;

/** STS has an endpoint in every region; when nothing names one, the global partition's first. */
export const DEFAULT_STS_REGION = 'us-east-1';

/** The session name every assumed role shows in CloudTrail. */
export const SESSION_NAME = 'kms-review';

/** Assuming the configured role failed: nothing in that account can be read this run. */
export class RoleAssumptionError extends Error {
  override name = 'RoleAssumptionError';
  constructor(
    readonly roleArn: string,
    override readonly cause: unknown,
  ) {
    super(`could not assume ${roleArn}: ${(cause as Error)?.name ?? 'Error'}: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

export interface SdkOptions {
  /** Endpoint override (tests: a loopback server). */
  endpoint?: string;
  /** STS endpoint override. */
  stsEndpoint?: string;
  /** Base credentials; default: the standard AWS chain. */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
}

/** The SDK-backed factory: one KMS client per account and region, created on first use. */
export function sdkKmsApis(live: Pick<LiveConfig, 'accounts' | 'maxAttempts'>, options: SdkOptions = {}): KmsApiFactory {
  const clients = new Map<string, KmsApi>();
  const roles = new Map<string, AwsCredentialIdentityProvider>();
  const retry = { maxAttempts: live.maxAttempts, retryMode: 'adaptive' as const };
  const credentialsFor = (account: string, region: string) => {
    const roleArn = live.accounts[account]?.roleArn;
    if (!roleArn) return options.credentials;
    let provider = roles.get(roleArn);
    if (!provider) {
      provider = assumeRoleProvider(stsClient(region, live.maxAttempts, options), roleArn);
      roles.set(roleArn, provider);
    }
    return provider;
  };
  return (account, region) => {
    const id = `${account}/${region}`;
    let api = clients.get(id);
    if (!api) {
      const credentials = credentialsFor(account, region);
      const client = new KMSClient({ region, ...retry, ...(options.endpoint ? { endpoint: options.endpoint } : {}), ...(credentials ? { credentials } : {}) });
      api = clientApi(client);
      clients.set(id, api);
    }
    return api;
  };
}

/** Asks STS in `region` who the credentials are (one call; no permission is needed for it). */
export type CallerIdentityReader = (region: string) => Promise<CallerIdentity>;

export function sdkCallerIdentity(live: Pick<LiveConfig, 'maxAttempts'>, options: SdkOptions = {}): CallerIdentityReader {
  return async (region) => {
    const out = await stsClient(region, live.maxAttempts, options).send(new GetCallerIdentityCommand({}));
    if (!out.Account || !/^\d{12}$/.test(out.Account)) throw new Error(`GetCallerIdentity returned no account id (got ${JSON.stringify(out.Account ?? null)})`);
    return { account: out.Account, arn: out.Arn ?? '' };
  };
}

/** STS with the base credentials (the chain's, or the given ones). */
function stsClient(region: string, maxAttempts: number, options: SdkOptions): STSClient {
  return new STSClient({
    region,
    maxAttempts,
    retryMode: 'adaptive',
    ...(options.stsEndpoint ? { endpoint: options.stsEndpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
}

export function clientApi(client: KMSClient): KmsApi {
  return {
    describeKey: (KeyId) => client.send(new DescribeKeyCommand({ KeyId })),
    getKeyPolicy: (KeyId) => client.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' })),
    getKeyRotationStatus: (KeyId) => client.send(new GetKeyRotationStatusCommand({ KeyId })),
    listAliases: (KeyId, Marker) => client.send(new ListAliasesCommand({ KeyId, Limit: 100, ...(Marker ? { Marker } : {}) })),
    listResourceTags: (KeyId, Marker) => client.send(new ListResourceTagsCommand({ KeyId, Limit: 50, ...(Marker ? { Marker } : {}) })),
    listGrants: (KeyId, Marker) => client.send(new ListGrantsCommand({ KeyId, Limit: 100, ...(Marker ? { Marker } : {}) })),
  };
}

/** Temporary credentials of `roleArn`, assumed once and renewed five minutes before they expire. */
export function assumeRoleProvider(sts: STSClient, roleArn: string): AwsCredentialIdentityProvider {
  let current: Promise<AwsCredentialIdentity> | undefined;
  let expires = 0;
  return () => {
    if (!current || Date.now() > expires - 5 * 60_000) {
      current = sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: SESSION_NAME, DurationSeconds: 900 })).then(
        (out) => {
          const c = out.Credentials;
          if (!c?.AccessKeyId || !c.SecretAccessKey) throw new RoleAssumptionError(roleArn, new Error('AssumeRole returned no credentials'));
          expires = c.Expiration ? new Date(c.Expiration).getTime() : Date.now() + 900_000;
          return {
            accessKeyId: c.AccessKeyId,
            secretAccessKey: c.SecretAccessKey,
            ...(c.SessionToken ? { sessionToken: c.SessionToken } : {}),
            expiration: new Date(expires),
          };
        },
        (error: unknown) => {
          current = undefined;
          throw error instanceof RoleAssumptionError ? error : new RoleAssumptionError(roleArn, error);
        },
      );
    }
    return current;
  };
}
