/** KMS307: multi-region keys replicate key material beyond one region. */
import type { Key } from '../inventory/types.js';
import { describeValue, isRef } from '../model/value.js';
import { addressOf, declaredKeys, isReplicaKey, keyAttributeName, keyLabel, keyLocation, setting } from './support/lifecycle.js';
import { resourceById } from './support/lookup.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

export const kms307: Rule = {
  id: 'KMS307',
  name: 'multi-region-key',
  principle: 'lifecycle',
  defaultSeverity: 'low',
  rationale:
    'A multi-region key shares its key material with replicas in other regions: ciphertext from one region decrypts in another, and the key policy, grants and deletion of each copy must be governed together. Use them only where disaster recovery or global data needs them.',
  check(ctx: RuleContext): FindingDraft[] {
    const keys = declaredKeys(ctx).filter((k) => k.multiRegion === true);
    const declared = new Set(keys.map((k) => k.id));
    const replicasOf = new Map<string, Key[]>();
    const orphanReplicas: { key: Key; primary: string }[] = [];
    for (const replica of keys.filter(isReplicaKey)) {
      const primary = primaryOf(ctx, replica);
      if (primary && declared.has(primary)) replicasOf.set(primary, [...(replicasOf.get(primary) ?? []), replica]);
      else orphanReplicas.push({ key: replica, primary: primary ?? 'a primary key' });
    }
    const primaries = keys.filter((k) => !isReplicaKey(k)).map((key) => primaryFinding(ctx, key, replicasOf.get(key.id) ?? []));
    const replicas = orphanReplicas.map(({ key, primary }) => ({
      key: key.id,
      message: `Key ${keyLabel(ctx, key)} is a replica of multi-region key ${addressOf(ctx, primary)}: the same key material exists in more than one region. Keep multi-region keys to data that disaster recovery needs in several regions.`,
      evidence: { multiRegion: true, replica: true, primary },
      location: keyLocation(key, 'primaryKeyArn'),
    }));
    return [...primaries, ...replicas];
  },
};

function primaryFinding(ctx: RuleContext, key: Key, replicas: readonly Key[]): FindingDraft {
  const attribute = keyAttributeName(key, 'multiRegion') ?? 'multi-region';
  const names = replicas.map((r) => addressOf(ctx, r.id));
  const copies = names.length > 0 ? `, replicated here by ${names.join(', ')}` : '';
  return {
    key: key.id,
    subjects: replicas.map((r) => r.id),
    identity: 'multi-region',
    message: `Key ${keyLabel(ctx, key)} is a multi-region key (${setting(key, attribute, true)})${copies}: its key material can exist in several regions. Keep multi-region keys to data that disaster recovery needs in several regions; use a single-region key otherwise.`,
    evidence: { multiRegion: true, replicas: replicas.map((r) => r.id) },
    location: keyLocation(key, 'multiRegion'),
  };
}

/** The primary of a replica: the declared key its `primary_key_arn` refers to, else the ARN written. */
function primaryOf(ctx: RuleContext, replica: Key): string | undefined {
  const attribute = keyAttributeName(replica, 'primaryKeyArn');
  const value = attribute ? resourceById(ctx.resources, replica.id)?.attrs[attribute] : undefined;
  if (value === undefined || value === null) return undefined;
  return isRef(value) ? `${value.unit}:${value.address}` : describeValue(value);
}
