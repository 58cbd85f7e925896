/**
 * `LiveKeySource`: reads, for each target key, DescribeKey, GetKeyPolicy, GetKeyRotationStatus,
 * ListAliases, ListResourceTags and ListGrants (every page), with bounded concurrency, a per-run
 * call budget and a TTL cache by key ARN. KMS request quotas are shared with the workloads the keys
 * protect, so the source stays cheap and stops early: a failure is a note, never a throw.
 */
import type { GrantListEntry, KeyMetadata } from '@aws-sdk/client-kms';
import type { KmsApi, KmsApiFactory } from './api.js';
import type { LiveCache } from './cache.js';
import type { LiveFacts, LiveGrant, LiveKeyFacts, LiveNote, LiveNoteKind, LiveTarget } from './types.js';

export interface LiveSourceOptions {
  apis: KmsApiFactory;
  /** API calls allowed in this run. */
  budget: number;
  /** Keys read at the same time (each key's calls are sequential: at most this many calls in flight). */
  concurrency: number;
  cache?: LiveCache;
}

/** Safety bound on pages of one listing (ListGrants of a key with tens of thousands of grants). */
const MAX_PAGES = 200;

class BudgetExhausted extends Error {
  override name = 'BudgetExhausted';
}

export class LiveKeySource {
  private calls = 0;
  private readonly notes: LiveNote[] = [];
  /** Accounts / regions where nothing more is tried this run (no credentials, role not assumable, throttled). */
  private readonly stopped = new Map<string, LiveNoteKind>();
  /** Keys not looked up because of an earlier stop, by reason: one note each at the end. */
  private readonly skipped = new Map<LiveNoteKind, string[]>();

  constructor(private readonly options: LiveSourceOptions) {}

  async read(targets: readonly LiveTarget[]): Promise<LiveFacts> {
    const keys: Record<string, LiveKeyFacts> = {};
    const queue = [...targets];
    const worker = async () => {
      for (let target = queue.shift(); target; target = queue.shift()) {
        const facts = await this.readKey(target);
        if (facts) keys[target.key] = facts;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(this.options.concurrency, queue.length)) }, worker));
    for (const [kind, skipped] of this.skipped) {
      const names = skipped.length > 3 ? `${skipped.slice(0, 3).join(', ')}, …` : skipped.join(', ');
      this.note(kind, undefined, `${skipped.length} more key(s) not looked up: ${stopReason(kind)} (${names})`);
    }
    return { keys: sortedRecord(keys), notes: this.notes, calls: this.calls };
  }

  private async readKey(target: LiveTarget): Promise<LiveKeyFacts | undefined> {
    const cached = this.options.cache?.get(target.keyId);
    if (cached) return cached;
    const scope = `${target.account}/${target.region}`;
    const stoppedBy = this.stopped.get(scope) ?? this.stopped.get(target.account) ?? this.stopped.get('*');
    if (stoppedBy) {
      this.skipped.set(stoppedBy, [...(this.skipped.get(stoppedBy) ?? []), target.key]);
      return undefined;
    }
    const api = this.options.apis(target.account, target.region);
    let meta: KeyMetadata | undefined;
    try {
      meta = (await this.call(() => api.describeKey(target.keyId))).KeyMetadata;
    } catch (error) {
      this.fail(target, 'DescribeKey', error);
      return undefined;
    }
    if (!meta?.Arn) {
      this.note('not-found', target.key, `DescribeKey ${target.keyId} returned no key`);
      return undefined;
    }
    const hit = this.options.cache?.get(meta.Arn);
    if (hit) return hit;
    const facts = describe(meta, target);
    await this.readParts(api, meta, facts, target);
    this.options.cache?.set(facts);
    return facts;
  }

  private async readParts(api: KmsApi, meta: KeyMetadata, facts: LiveKeyFacts, target: LiveTarget): Promise<void> {
    const arn = facts.arn;
    const part = async (name: string, read: () => Promise<void>): Promise<boolean> => {
      try {
        await read();
        return true;
      } catch (error) {
        this.fail(target, name, error);
        return false;
      }
    };
    await part('GetKeyPolicy', async () => {
      const out = await this.call(() => api.getKeyPolicy(arn));
      if (out.Policy !== undefined) facts.policy = out.Policy;
    });
    // Rotation status exists for symmetric keys with AWS-generated material; a key pending deletion answers with an error.
    if (meta.KeySpec === 'SYMMETRIC_DEFAULT' && meta.Origin === 'AWS_KMS' && facts.state !== 'PendingDeletion') {
      await part('GetKeyRotationStatus', async () => {
        const out = await this.call(() => api.getKeyRotationStatus(arn));
        facts.rotation = {
          enabled: out.KeyRotationEnabled === true,
          ...(out.RotationPeriodInDays !== undefined ? { periodDays: out.RotationPeriodInDays } : {}),
        };
      });
    }
    await part('ListAliases', async () => {
      const aliases = await this.pages(
        (marker) => api.listAliases(arn, marker),
        (page) => page.Aliases ?? [],
      );
      facts.aliases = aliases
        .map((a) => a.AliasName)
        .filter((n): n is string => Boolean(n))
        .sort();
    });
    if (meta.KeyManager !== 'AWS') {
      await part('ListResourceTags', async () => {
        const tags = await this.pages(
          (marker) => api.listResourceTags(arn, marker),
          (page) => page.Tags ?? [],
        );
        facts.tags = Object.fromEntries(tags.filter((t) => t.TagKey).map((t) => [t.TagKey as string, t.TagValue ?? '']));
      });
    }
    const grants: GrantListEntry[] = [];
    const complete = await part('ListGrants', async () => {
      await this.pages(
        (marker) => api.listGrants(arn, marker),
        (page) => page.Grants ?? [],
        grants,
      );
    });
    // Grants read before a failure (budget, throttling) are kept: the note says the list is incomplete.
    if (complete || grants.length > 0) facts.grants = grants.map(liveGrant);
  }

  /** Every page of a listing (`NextMarker` / `Truncated`); items of pages read before a failure land in `into`. */
  private async pages<P extends { NextMarker?: string | undefined; Truncated?: boolean | undefined }, T>(
    read: (marker?: string) => Promise<P>,
    items: (page: P) => T[],
    into: T[] = [],
  ): Promise<T[]> {
    let marker: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const out = await this.call(() => read(marker));
      into.push(...items(out));
      if (!out.Truncated || !out.NextMarker) return into;
      marker = out.NextMarker;
    }
    throw new Error(`more than ${MAX_PAGES} pages`);
  }

  private async call<T>(send: () => Promise<T>): Promise<T> {
    if (this.calls >= this.options.budget) throw new BudgetExhausted(`the call budget of ${this.options.budget} is spent`);
    this.calls++;
    return send();
  }

  private fail(target: LiveTarget, operation: string, error: unknown): void {
    const kind = classifyError(error);
    const err = error as { name?: string; message?: string };
    this.note(
      kind,
      target.key,
      `${operation} ${target.keyId}: ${kind === 'budget' ? (err.message ?? 'budget spent') : `${err.name ?? 'Error'}: ${err.message ?? String(error)}`}`,
    );
    // Nothing more in this account (credentials) or region (throttled: the quota is the workloads' too) or at all (budget).
    if (kind === 'no-credentials' || (kind === 'access-denied' && err.name === 'RoleAssumptionError')) this.stopped.set(target.account, kind);
    else if (kind === 'throttled') this.stopped.set(`${target.account}/${target.region}`, kind);
    else if (kind === 'budget') this.stopped.set('*', 'budget');
  }

  private note(kind: LiveNoteKind, key: string | undefined, message: string): void {
    this.notes.push({ kind, ...(key ? { key } : {}), message });
  }
}

function stopReason(kind: LiveNoteKind): string {
  if (kind === 'budget') return 'the call budget is spent';
  if (kind === 'throttled') return 'KMS throttled this region earlier in the run';
  return 'an earlier call in this account failed for lack of access';
}

export function classifyError(error: unknown): LiveNoteKind {
  const name = (error as { name?: string })?.name ?? '';
  if (name === 'BudgetExhausted') return 'budget';
  if (name === 'CredentialsProviderError' || name === 'TokenProviderError') return 'no-credentials';
  if (name === 'RoleAssumptionError') {
    const cause = (error as { cause?: unknown }).cause;
    return classifyError(cause) === 'no-credentials' ? 'no-credentials' : 'access-denied';
  }
  if (/AccessDenied|Unauthorized|UnrecognizedClient|InvalidClientTokenId|ExpiredToken|InvalidSignature|AuthFailure|SignatureDoesNotMatch/.test(name))
    return 'access-denied';
  if (/Throttl|TooManyRequests|LimitExceeded|RequestLimit/.test(name)) return 'throttled';
  if (name === 'NotFoundException') return 'not-found';
  return 'error';
}

function describe(meta: KeyMetadata, target: LiveTarget): LiveKeyFacts {
  const arn = meta.Arn as string;
  const parts = arn.split(':');
  const deletion = isoDate(meta.DeletionDate);
  return {
    arn,
    keyId: meta.KeyId ?? parts[5]?.replace(/^key\//, '') ?? arn,
    account: parts[4] || meta.AWSAccountId || target.account,
    region: parts[3] || target.region,
    state: meta.KeyState ?? (meta.Enabled ? 'Enabled' : 'Disabled'),
    enabled: meta.Enabled === true,
    ...(meta.KeyManager ? { manager: meta.KeyManager } : {}),
    ...(meta.KeySpec ? { spec: meta.KeySpec } : {}),
    ...(meta.KeyUsage ? { usage: meta.KeyUsage } : {}),
    ...(meta.Origin ? { origin: meta.Origin } : {}),
    ...(meta.Description ? { description: meta.Description } : {}),
    ...(meta.MultiRegion !== undefined ? { multiRegion: meta.MultiRegion } : {}),
    ...(meta.MultiRegionConfiguration?.MultiRegionKeyType ? { multiRegionKeyType: meta.MultiRegionConfiguration.MultiRegionKeyType } : {}),
    ...(meta.MultiRegionConfiguration?.PrimaryKey?.Arn ? { primaryArn: meta.MultiRegionConfiguration.PrimaryKey.Arn } : {}),
    ...(deletion ? { deletionDate: deletion } : {}),
    ...(meta.PendingDeletionWindowInDays !== undefined ? { pendingDeletionWindowDays: meta.PendingDeletionWindowInDays } : {}),
  };
}

function liveGrant(g: GrantListEntry): LiveGrant {
  const constraints = {
    ...(g.Constraints?.EncryptionContextEquals ? { encryptionContextEquals: g.Constraints.EncryptionContextEquals } : {}),
    ...(g.Constraints?.EncryptionContextSubset ? { encryptionContextSubset: g.Constraints.EncryptionContextSubset } : {}),
  };
  const created = isoDate(g.CreationDate);
  return {
    grantId: g.GrantId ?? '?',
    ...(g.Name ? { name: g.Name } : {}),
    ...(g.GranteePrincipal ? { granteePrincipal: g.GranteePrincipal } : {}),
    ...(g.RetiringPrincipal ? { retiringPrincipal: g.RetiringPrincipal } : {}),
    operations: [...(g.Operations ?? [])],
    ...(Object.keys(constraints).length > 0 ? { constraints } : {}),
    ...(g.IssuingAccount ? { issuingAccount: g.IssuingAccount } : {}),
    ...(created ? { creationDate: created } : {}),
  };
}

/** SDK responses carry `Date`s; recorded ones ISO strings. */
function isoDate(value: Date | string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
