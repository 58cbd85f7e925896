/**
 * Which keys of an inventory the live view looks up, and by which KMS `KeyId` (pure). A key is
 * looked up when it resolves to an account and region the configuration lists:
 * - a referenced key ARN or alias ARN names both;
 * - a bare alias name or key id, and a declared key (looked up by its first static alias, only with
 *   `live.declared`), take the account and region when exactly one is configured (or the account
 *   its ARN names and the one region configured for it).
 * AWS managed keys (`alias/aws/*`) are not looked up.
 */
import { parseKeyReference } from '../inventory/key-reference.js';
import type { Inventory, Key } from '../inventory/types.js';
import type { LiveNote, LiveTarget } from './types.js';

export interface TargetSettings {
  declared: boolean;
  accounts: Record<string, { regions: string[] }>;
}

export function liveTargets(inventory: Inventory, settings: TargetSettings): { targets: LiveTarget[]; notes: LiveNote[] } {
  const targets: LiveTarget[] = [];
  const outside: string[] = [];
  const ambiguous: string[] = [];
  const pairs = Object.entries(settings.accounts).flatMap(([account, a]) => a.regions.map((region) => ({ account, region })));
  const sole = pairs.length === 1 ? pairs[0] : undefined;
  for (const key of inventory.keys) {
    if (key.manager === 'aws' || (key.declared && !settings.declared)) continue;
    const where = placeOf(key, settings, sole);
    if (!where) {
      ambiguous.push(key.id);
      continue;
    }
    if (!settings.accounts[where.account]?.regions.includes(where.region)) {
      outside.push(key.id);
      continue;
    }
    targets.push({ key: key.id, account: where.account, region: where.region, keyId: where.keyId(where.account, where.region) });
  }
  const notes: LiveNote[] = [];
  if (pairs.length === 0 && inventory.keys.some((k) => k.manager === 'customer')) {
    notes.push({ kind: 'not-configured', message: 'live.accounts lists no account: no key was looked up (see docs/live.md)' });
  } else {
    if (outside.length > 0)
      notes.push({
        kind: 'not-configured',
        message: `${outside.length} key(s) in accounts or regions not configured in live.accounts were not looked up: ${sample(outside)}`,
      });
    if (ambiguous.length > 0) {
      notes.push({
        kind: 'not-configured',
        message: `${ambiguous.length} key(s) could not be placed in one configured account and region (no ARN, no static alias): ${sample(ambiguous)}`,
      });
    }
  }
  return { targets, notes };
}

interface Place {
  account: string;
  region: string;
  keyId: (account: string, region: string) => string;
}

function placeOf(key: Key, settings: TargetSettings, sole: { account: string; region: string } | undefined): Place | undefined {
  const defaults = (account: string | undefined) => {
    if (account) {
      const regions = settings.accounts[account]?.regions ?? [];
      return key.region ? { account, region: key.region } : regions.length === 1 ? { account, region: regions[0] } : undefined;
    }
    return sole;
  };
  if (key.declared) {
    const alias = key.aliases.find((a) => /^alias\/[A-Za-z0-9/_-]+$/.test(a));
    const at = defaults(key.account);
    return alias && at ? { ...at, keyId: (account, region) => `arn:aws:kms:${region}:${account}:${alias}` } : undefined;
  }
  const parsed = parseKeyReference(key.id);
  switch (parsed.kind) {
    case 'key-arn':
      return { account: parsed.account, region: parsed.region, keyId: () => parsed.arn };
    case 'alias': {
      if (parsed.arn && parsed.account && parsed.region) return { account: parsed.account, region: parsed.region, keyId: () => parsed.arn as string };
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
