/**
 * What the principle rules would say about a proposed key before it exists: the group's consumers
 * moved onto a key that carries the group's tags, judged by the same rules (KMS101–104, KMS107)
 * the review runs. The split refines a group (per service) until this is empty, and says what is
 * left when it cannot be.
 */
import { blastRadius } from '../inventory/blast-radius.js';
import type { Consumer, Key } from '../inventory/types.js';
import type { Classified, Dimension } from '../model/types.js';
import { RULES } from '../rules/registry.js';
import type { Rule, RuleContext } from '../rules/types.js';

/** The principle rules whose findings call for a split. */
export const SPLIT_RULES = ['KMS101', 'KMS102', 'KMS103', 'KMS104', 'KMS107'] as const;

/** The rules a split answers; their findings on a proposed key mean the split is not done. */
const PRINCIPLE_RULES: readonly Rule[] = RULES.filter((r) => (SPLIT_RULES as readonly string[]).includes(r.id));

export interface Predicted {
  rule: string;
  message: string;
}

export type Tagged = Partial<Record<Dimension, string>>;

/**
 * A consumer as it reads once it is on the new key: what it carries itself stays, what it took
 * from the old key's tags (or did not have) comes from the new key's tags.
 */
export function onNewKey(c: Consumer, tags: Tagged, alias: string): Consumer {
  const moved = { ...c };
  for (const dim of ['environment', 'workload', 'dataClass', 'owner'] as const) {
    const own = c[dim];
    if (own && own.from !== 'key-tag') continue;
    const value = tags[dim];
    moved[dim] = (value ? { value, from: 'key-tag', detail: `tag of the new key ${alias}` } : null) as Classified;
  }
  return moved;
}

/** The principle findings a key with these consumers and tags would raise (rules the config turns off are skipped). */
export function predictFindings(ctx: RuleContext, old: Key, consumers: Consumer[], tags: Tagged, alias: string): Predicted[] {
  const moved = consumers.map((c) => onNewKey(c, tags, alias));
  const classified = (dim: 'environment' | 'workload' | 'dataClass' | 'owner') =>
    tags[dim] ? { value: tags[dim], from: 'tag' as const, detail: `tag of ${alias}` } : null;
  const key: Key = {
    ...old,
    aliases: [alias],
    consumers: moved,
    grants: [],
    environment: classified('environment'),
    workload: classified('workload'),
    dataClass: classified('dataClass'),
    owner: classified('owner'),
    blastRadius: blastRadius(moved),
  };
  const inventory = { ...ctx.inventory, keys: [key] };
  return PRINCIPLE_RULES.filter((r) => ctx.config.rules[r.id] !== 'off').flatMap((rule) =>
    (rule.check?.({ ...ctx, inventory }) ?? []).filter((d) => d.key === undefined || d.key === key.id).map((d) => ({ rule: rule.id, message: d.message })),
  );
}
