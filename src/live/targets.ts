/**
 * Which keys of an inventory the live view looks up, and by which KMS `KeyId` (pure). A key is
 * looked up when it resolves to an account and region the configuration lists:
 * - a referenced key ARN or alias ARN names both;
 * - a bare alias name or key id, and a declared key (looked up by its first static alias, only with
 *   `live.declared`), take the account and region when exactly one is configured (or the account
 *   its ARN names and the one region configured for it).
 * AWS managed keys (`alias/aws/*`) are not looked up.
 *
 * With no `live.accounts`, the CLI's `--live` reads the caller's own account (`callerAccounts`):
 * the regions its ARN-named keys name, and the region of the environment (`AWS_REGION`), where keys
 * without an ARN go; keys in other accounts are noted by account.
 */
import { parseKeyReference } from '../inventory/key-reference.js';
import type { Inventory, Key } from '../inventory/types.js';
import type { LiveAccountRead, LiveNote, LiveTarget } from './types.js';

export interface TargetSettings {
  declared: boolean;
  accounts: Record<string, { regions: string[] }>;
  /** The accounts are the caller's own (no `live.accounts`): keys elsewhere are noted with this account id. */
  caller?: string;
  /** Where keys without an ARN go (default: the one account and region configured, if only one is). */
  fallback?: { account: string; region: string };
}

/** Keys the live view may look up at all (customer managed; declared ones only with `live.declared`). */
export function candidateKeys(inventory: Inventory, declared: boolean): Key[] {
  return inventory.keys.filter((key) => key.manager !== 'aws' && (declared || !key.declared));
}

/**
 * The settings for the caller's own account (STS `GetCallerIdentity`) when no accounts are
 * configured: the regions the caller's ARN-named keys name, plus `region` (the environment's),
 * where keys without an ARN go — else the one region those ARNs name, if only one.
 */
export function callerAccounts(inventory: Inventory, declared: boolean, account: string, region: string | undefined): TargetSettings {
  const named = candidateKeys(inventory, declared)
    .map(arnPlace)
    .filter((place) => place?.account === account)
    .map((place) => place?.region as string);
  const regions = [...new Set([...named, ...(region ? [region] : [])])].sort();
  const home = region ?? (regions.length === 1 ? regions[0] : undefined);
  return {
    declared,
    accounts: regions.length > 0 ? { [account]: { regions } } : {},
    caller: account,
    ...(home ? { fallback: { account, region: home } } : {}),
  };
}

/** The region an inventory's first ARN-named key names (where STS is asked when the environment names none). */
export function firstArnRegion(inventory: Inventory, declared: boolean): string | undefined {
  for (const key of candidateKeys(inventory, declared)) {
    const place = arnPlace(key);
    if (place) return place.region;
  }
  return undefined;
}

/** The accounts and regions the targets look keys up in, sorted. */
export function accountsOf(targets: readonly LiveTarget[]): LiveAccountRead[] {
  const regions = new Map<string, Set<string>>();
  for (const t of targets) regions.set(t.account, (regions.get(t.account) ?? new Set()).add(t.region));
  return [...regions.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([account, set]) => ({ account, regions: [...set].sort() }));
}

export function liveTargets(inventory: Inventory, settings: TargetSettings): { targets: LiveTarget[]; notes: LiveNote[] } {
  const targets: LiveTarget[] = [];
  const outside: { key: string; account: string }[] = [];
  const ambiguous: string[] = [];
  const pairs = Object.entries(settings.accounts).flatMap(([account, a]) => a.regions.map((region) => ({ account, region })));
  const sole = settings.fallback ?? (pairs.length === 1 ? pairs[0] : undefined);
  for (const key of candidateKeys(inventory, settings.declared)) {
    const where = placeOf(key, settings, sole);
    if (!where) {
      ambiguous.push(key.id);
      continue;
    }
    if (!settings.accounts[where.account]?.regions.includes(where.region)) {
      outside.push({ key: key.id, account: where.account });
      continue;
    }
    targets.push({ key: key.id, account: where.account, region: where.region, keyId: where.keyId(where.account, where.region) });
  }
  const notes: LiveNote[] = [];
  if (settings.caller === undefined && pairs.length === 0 && inventory.keys.some((k) => k.manager === 'customer')) {
    notes.push({ kind: 'not-configured', message: 'live.accounts lists no account: no key was looked up (see docs/live.md)' });
    return { targets, notes };
  }
  if (settings.caller !== undefined) notes.push(...foreignAccountNotes(outside, settings.caller));
  else if (outside.length > 0)
    notes.push({
      kind: 'not-configured',
      message: `${outside.length} key(s) in accounts or regions not configured in live.accounts were not looked up: ${sample(outside.map((o) => o.key))}`,
    });
  if (ambiguous.length > 0) {
    const where =
      settings.caller === undefined ? 'one configured account and region' : `one region of the caller's account ${settings.caller} (set AWS_REGION)`;
    notes.push({
      kind: 'not-configured',
      message: `${ambiguous.length} key(s) could not be placed in ${where} (no ARN, no static alias): ${sample(ambiguous)}`,
    });
  }
  return { targets, notes };
}

/** Caller mode: one note per other account (at the key's line when it is the only one there). */
function foreignAccountNotes(outside: readonly { key: string; account: string }[], caller: string): LiveNote[] {
  const byAccount = new Map<string, string[]>();
  for (const o of outside) byAccount.set(o.account, [...(byAccount.get(o.account) ?? []), o.key]);
  return [...byAccount.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([account, keys]) => ({
      kind: 'not-configured' as const,
      ...(keys.length === 1 ? { key: keys[0] } : {}),
      message: `${keys.length} key(s) not looked up: account ${account} is not the caller's account ${caller} and no live.accounts are configured (${sample(keys)})`,
    }));
}

interface Place {
  account: string;
  region: string;
  keyId: (account: string, region: string) => string;
}

/** Where a key ARN or alias ARN says the key is. */
function arnPlace(key: Key): Place | undefined {
  if (key.declared) return undefined;
  const parsed = parseKeyReference(key.id);
  if (parsed.kind === 'key-arn') return { account: parsed.account, region: parsed.region, keyId: () => parsed.arn };
  if (parsed.kind === 'alias' && parsed.arn && parsed.account && parsed.region) {
    const arn = parsed.arn;
    return { account: parsed.account, region: parsed.region, keyId: () => arn };
  }
  return undefined;
}

function placeOf(key: Key, settings: TargetSettings, sole: { account: string; region: string } | undefined): Place | undefined {
  const defaults = (account: string | undefined) => {
    if (!account) return sole;
    if (key.region) return { account, region: key.region };
    const regions = settings.accounts[account]?.regions ?? [];
    if (regions.length === 1) return { account, region: regions[0] };
    return sole?.account === account ? sole : undefined;
  };
  if (key.declared) {
    const alias = key.aliases.find((a) => /^alias\/[A-Za-z0-9/_-]+$/.test(a));
    const at = defaults(key.account);
    return alias && at ? { ...at, keyId: (account, region) => `arn:aws:kms:${region}:${account}:${alias}` } : undefined;
  }
  const named = arnPlace(key);
  if (named) return named;
  const parsed = parseKeyReference(key.id);
  switch (parsed.kind) {
    case 'alias': {
      const at = defaults(key.account);
      return at ? { ...at, keyId: (account, region) => `arn:aws:kms:${region}:${account}:${parsed.name}` } : undefined;
    }
    case 'key-id': {
      const at = defaults(key.account);
      return at ? { ...at, keyId: (account, region) => `arn:aws:kms:${region}:${account}:key/${parsed.keyId}` } : undefined;
    }
    default:
      return undefined;
  }
}

function sample(ids: readonly string[]): string {
  return ids.length > 3 ? `${ids.slice(0, 3).join(', ')}, …` : ids.join(', ');
}
