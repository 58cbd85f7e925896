/**
 * The Octokit the app talks to GitHub with: Probot's (auth, pagination, config, logging) with a
 * retry policy of our own. Probot's default only logs secondary rate limits and gives up; here a
 * secondary rate limit is retried (twice, after GitHub's `retry-after`), a primary one once the
 * quota resets (twice, when the reset is near), 5xx with exponential backoff (the retry plugin),
 * and write calls are throttled per installation (the throttling plugin's `id`).
 */
import type { Context } from 'probot';
import { ProbotOctokit } from 'probot';

type Octokit = InstanceType<typeof ProbotOctokit>;

/** Longest wait the app accepts before retrying a rate-limited call; beyond it the review fails clearly. */
export const MAX_RETRY_AFTER_SECONDS = 120;

export interface RetryPolicy {
  /** Retries after a secondary rate limit (honouring `retry-after`). */
  secondaryRetries: number;
  /** Retries after the primary quota is exhausted (only when it resets within MAX_RETRY_AFTER_SECONDS). */
  primaryRetries: number;
  /** Retries of 5xx answers with exponential backoff. */
  serverRetries: number;
  /** Milliseconds per unit of `retry-after` / backoff (1000 in production; tests make it small). */
  retryAfterBaseValue: number;
}

export const DEFAULT_POLICY: RetryPolicy = { secondaryRetries: 2, primaryRetries: 2, serverRetries: 3, retryAfterBaseValue: 1000 };

type Logger = { warn(msg: string): void };
type RequestOptions = { method: string; url: string };

export function throttleOptions(policy: RetryPolicy) {
  return {
    retryAfterBaseValue: policy.retryAfterBaseValue,
    onSecondaryRateLimit: (retryAfter: number, options: RequestOptions, octokit: { log: Logger }, retryCount: number) => {
      const retry = retryCount < policy.secondaryRetries && retryAfter <= MAX_RETRY_AFTER_SECONDS;
      octokit.log.warn(`secondary rate limit on ${options.method} ${options.url}: ${retry ? `retrying in ${retryAfter} s` : 'giving up'}`);
      return retry;
    },
    onRateLimit: (retryAfter: number, options: RequestOptions, octokit: { log: Logger }, retryCount: number) => {
      const retry = retryCount < policy.primaryRetries && retryAfter <= MAX_RETRY_AFTER_SECONDS;
      octokit.log.warn(`rate limit on ${options.method} ${options.url}: ${retry ? `retrying in ${retryAfter} s` : 'giving up'}`);
      return retry;
    },
  };
}

/** Marks instances that carry the policy, so a handler can tell them from Probot's default Octokit. */
const policyMarker = () => ({ kmsReviewPolicy: true as const });

type Options = Record<string, unknown> & { throttle?: Record<string, unknown>; retry?: Record<string, unknown>; auth?: { installationId?: number } };

/**
 * Our Octokit class with a given policy; pass it to `new Probot({ Octokit })`. `throttle`: options
 * for the throttling plugin besides ours — tests give write limiters without GitHub's pacing (a
 * second between writes, three between comments; the plugin's limiters are shared by the whole
 * process, keyed by installation).
 */
export function octokitWithPolicy(policy: RetryPolicy = DEFAULT_POLICY, throttle: Record<string, unknown> = {}): typeof ProbotOctokit {
  // A defaults *function* runs after Probot's own (which sets a log-only secondary limit handler), so ours win.
  return ProbotOctokit.plugin(policyMarker).defaults((options: Options) => {
    const given = options.throttle ?? {};
    const installation = options.auth?.installationId;
    return {
      ...options,
      throttle:
        given.enabled === false
          ? given
          : {
              ...given,
              ...throttle,
              ...throttleOptions(policy),
              ...(installation !== undefined && given.id === undefined ? { id: `installation-${installation}` } : {}),
            },
      retry: { ...(options.retry ?? {}), retries: policy.serverRetries, retryAfterBaseValue: policy.retryAfterBaseValue },
    };
  }) as typeof ProbotOctokit;
}

export const KmsOctokit = octokitWithPolicy();

export function hasPolicy(octokit: Octokit): boolean {
  return (octokit as Octokit & { kmsReviewPolicy?: boolean }).kmsReviewPolicy === true;
}

/**
 * The event's Octokit when it already carries the policy (a Probot created with `Octokit:
 * KmsOctokit`: every door of ours); otherwise (`probot run ./lib/app.js` by hand, whose CLI cannot
 * be given an Octokit class) an instance of ours built by Probot's own installation factory, so it
 * gets the very options Probot gave the event's client: the base URL (GitHub Enterprise Server),
 * the app credentials and token cache (no extra call), the request and throttle settings. Asking
 * `octokit.auth()` for a token instead would go to api.github.com whatever `GHE_HOST` says: the
 * auth strategy's own request has no base URL; only its hook, on the client's requests, has one.
 */
export async function octokitFor(context: Pick<Context, 'octokit' | 'log' | 'payload'>, policy: RetryPolicy = DEFAULT_POLICY): Promise<Octokit> {
  const octokit = context.octokit;
  if (hasPolicy(octokit)) return octokit;
  const installationId = (context.payload as { installation?: { id: number } }).installation?.id;
  if (installationId === undefined) return octokit;
  const Octokit = octokitWithPolicy(policy);
  const factory = ({ octokitOptions }: { octokitOptions?: Options }) =>
    new Octokit({ ...octokitOptions, log: context.log, auth: { ...octokitOptions?.auth, installationId } });
  const built = (await octokit.auth({ type: 'installation', installationId, factory })) as unknown;
  // A token-authenticated Probot (GITHUB_TOKEN) has no installation factory: its client is the one to use.
  return hasPolicy(built as Octokit) ? (built as Octokit) : octokit;
}
