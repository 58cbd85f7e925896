/**
 * The stable JSON form of a change (`kms-review diff --format json`), version 1, documented in
 * docs/json-output.md: both inventories, the InventoryDiff, the findings split into new / fixed /
 * unchanged, and the split proposals.
 */
import type { FindingsDiff, InventoryDiff } from '../diff/types.js';
import type { Inventory } from '../inventory/types.js';
import type { Value } from '../model/types.js';
import type { Finding } from '../rules/types.js';
import { analysisJson, findingJson, JSON_FORMAT_VERSION, plain } from './json.js';

export interface DiffJsonReport {
  version: number;
  base: unknown;
  head: unknown;
  changes: unknown;
  findings: { new: unknown[]; fixed: unknown[]; unchanged: unknown[] };
  splits: unknown[];
  /** What the review analysed (the CLI and the Action): present when the door computed a scope. */
  scope?: unknown;
}

/**
 * `splits`: the split stage's proposals for the head's over-shared keys, already in their JSON form
 * (empty when none); `scope`: `scopeJson` of what was analysed, when the door knows it.
 */
export function diffJson(
  base: Inventory,
  head: Inventory,
  diff: InventoryDiff,
  findings: FindingsDiff,
  splits: readonly unknown[] = [],
  scope?: unknown,
): DiffJsonReport {
  return {
    version: JSON_FORMAT_VERSION,
    base: inventoryJson(base),
    head: inventoryJson(head),
    changes: changesJson(diff),
    findings: { new: findings.new.map(findingJson), fixed: findings.fixed.map(findingJson), unchanged: findings.unchanged.map(findingJson) },
    splits: [...splits],
    ...(scope !== undefined ? { scope } : {}),
  };
}

/** The scan document without its findings (a diff lists them once, split by new / fixed / unchanged). */
function inventoryJson(inventory: Inventory) {
  const { version: _version, findings: _findings, ...rest } = analysisJson(inventory, [] as Finding[]);
  return rest;
}

function changesJson(diff: InventoryDiff) {
  return {
    keys: diff.keys.map((k) => ({
      key: k.key,
      baseKey: k.baseKey ?? null,
      change: k.change,
      aliases: k.aliases,
      attributes: k.attributes.map((a) => ({
        field: a.field,
        before: plain(a.before as Value),
        after: plain(a.after as Value),
        baseLocation: a.baseLocation ?? null,
        headLocation: a.headLocation ?? null,
      })),
      consumers: k.consumers.map((c) => ({
        resource: c.resource,
        attribute: c.attribute,
        change: c.change,
        service: c.service ?? null,
        fromKey: c.fromKey ?? null,
        toKey: c.toKey ?? null,
        location: c.location ?? null,
        baseLocation: c.baseLocation ?? null,
        replacementOnKeyChange: c.replacementOnKeyChange,
      })),
      access: k.access.map((a) => ({
        principal: a.principal,
        principalKind: a.principalKind ?? null,
        group: a.group,
        change: a.change,
        via: a.via,
        restrictedBy: a.restrictedBy ?? [],
        location: a.location ?? null,
      })),
      classification: k.classification,
      blastRadius: k.blastRadius,
      gained: k.gained,
    })),
    aliasesRetargeted: diff.aliasesRetargeted.map((a) => ({
      alias: a.alias,
      fromKey: a.fromKey ?? null,
      toKey: a.toKey ?? null,
      location: a.location ?? null,
    })),
    renamedKeys: diff.renamedKeys ?? {},
  };
}
