/**
 * The live account view (opt-in, read-only), as one function the doors call: `createLiveHook`
 * returns what `analyse(…, { live })` runs between the inventory and the access analysis. The
 * CLI (`--live`, `--live-recorded`), the App and the Action build it from `config.live`.
 * See docs/live.md.
 */
import type { LiveConfig } from '../config/schema.js';
import type { Inventory } from '../inventory/types.js';
import { type CallerIdentityReader, DEFAULT_STS_REGION, type KmsApiFactory, type SdkOptions, sdkCallerIdentity, sdkKmsApis } from './api.js';
import { LiveCache } from './cache.js';
import { type Recording, readRecording, recordedAccounts, recordedKmsApis } from './recorded.js';
import { classifyError, LiveKeySource } from './source.js';
import { accountsOf, callerAccounts, candidateKeys, firstArnRegion, liveTargets, type TargetSettings } from './targets.js';
import type { CallerIdentity, LiveFacts } from './types.js';

export {
  type CallerIdentityReader,
  DEFAULT_STS_REGION,
  type KmsApi,
  type KmsApiFactory,
  RoleAssumptionError,
  SESSION_NAME,
  sdkCallerIdentity,
  sdkKmsApis,
} from './api.js';
export { LiveCache } from './cache.js';
export { type Recording, readRecording, recordedAccounts, recordedKmsApis } from './recorded.js';
export { classifyError, LiveKeySource } from './source.js';
export { liveTargets } from './targets.js';
export type * from './types.js';

/** Reads the live facts of an inventory's keys; never throws (a failure is a note). */
export type LiveHook = (inventory: Inventory) => Promise<LiveFacts>;

export interface LiveHookOptions {
  /** The KMS APIs to call (tests: mocks); default: the AWS SDK, or the recording when given. */
  apis?: KmsApiFactory;
  /** Endpoint / credential overrides for the SDK. */
  sdk?: SdkOptions;
  /** Replay recorded responses instead of calling AWS. */
  recording?: Recording;
  /** Default: one cache per process and TTL for the SDK (shared by the App's runs), a fresh one for a recording. */
  cache?: LiveCache;
  /**
   * The CLI's `--live` only: with no `live.accounts`, read the caller's own account. `region` is
   * the environment's (`AWS_REGION`, `AWS_DEFAULT_REGION`); `identity` asks STS who the caller is
   * (default: `GetCallerIdentity` through the SDK, once per hook). The App and the Action never pass it.
   */
  caller?: { region?: string; identity?: CallerIdentityReader };
}

const SHARED_CACHES = new Map<number, LiveCache>();

export function createLiveHook(live: LiveConfig, options: LiveHookOptions = {}): LiveHook {
  const configured = Object.keys(live.accounts).length > 0;
  // Replaying with no accounts configured: the recording's accounts and regions are the configured ones.
  const accounts = !configured && options.recording ? recordedAccounts(options.recording) : live.accounts;
  const apis = options.apis ?? (options.recording ? recordedKmsApis(options.recording) : sdkKmsApis(live, options.sdk));
  const cache = options.cache ?? (options.recording || options.apis ? new LiveCache(live.cacheTtlSeconds) : sharedCache(live.cacheTtlSeconds));
  const callerMode = !configured && !options.recording && options.caller ? options.caller : undefined;
  const identity = callerMode ? (callerMode.identity ?? sdkCallerIdentity(live, options.sdk)) : undefined;
  let asked: Promise<CallerIdentity> | undefined;
  // One read at a time: the base and head analyses of a change call the hook together, and the
  // second finds in the cache what the first read (the account is the same for both sides).
  let previous: Promise<unknown> = Promise.resolve();
  const read = async (inventory: Inventory): Promise<LiveFacts> => {
    let calls = 0;
    try {
      let settings: TargetSettings = { declared: live.declared, accounts };
      let caller: CallerIdentity | undefined;
      if (callerMode && identity) {
        if (candidateKeys(inventory, live.declared).length === 0) return { keys: {}, notes: [], calls, accounts: [] };
        const region = callerMode.region || firstArnRegion(inventory, live.declared) || DEFAULT_STS_REGION;
        if (!asked) {
          asked = identity(region);
          calls = 1;
        }
        try {
          caller = await asked;
        } catch (error) {
          const err = error as { name?: string; message?: string };
          const why = `${err.name ?? 'Error'}: ${err.message ?? String(error)}`;
          const message = `GetCallerIdentity (STS ${region}): ${why}: no key was looked up (with no live.accounts, --live reads the caller's account)`;
          return { keys: {}, calls, accounts: [], notes: [{ kind: classifyError(error), message }] };
        }
        settings = callerAccounts(inventory, live.declared, caller.account, callerMode.region || undefined);
      }
      const { targets, notes } = liveTargets(inventory, settings);
      const source = new LiveKeySource({ apis, budget: live.budget, concurrency: live.concurrency, cache });
      const facts = await source.read(targets);
      return { ...facts, calls: facts.calls + calls, notes: [...notes, ...facts.notes], accounts: accountsOf(targets), ...(caller ? { caller } : {}) };
    } catch (error) {
      return { keys: {}, calls, notes: [{ kind: 'error', message: `the live view failed: ${(error as Error).message ?? String(error)}` }] };
    }
  };
  return (inventory) => {
    const facts = previous.then(() => read(inventory));
    previous = facts;
    return facts;
  };
}

/**
 * The hook for a door: a recording replays; `request.live` says whether to read the account (the
 * CLI passes its `--live` switch); when the door does not say, `live.enabled` of the configuration
 * decides (the App and the Action). Undefined: no live view.
 */
export function liveHookFor(live: LiveConfig, request: { live?: boolean; recorded?: string }, options: LiveHookOptions = {}): LiveHook | undefined {
  if (request.recorded) return createLiveHook(live, { ...options, recording: readRecording(request.recorded) });
  return (request.live ?? live.enabled) ? createLiveHook(live, options) : undefined;
}

function sharedCache(ttlSeconds: number): LiveCache {
  let cache = SHARED_CACHES.get(ttlSeconds);
  if (!cache) {
    cache = new LiveCache(ttlSeconds);
    SHARED_CACHES.set(ttlSeconds, cache);
  }
  return cache;
}
