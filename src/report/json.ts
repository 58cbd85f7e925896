/**
 * The stable JSON form (`--format json`), version 1, documented in docs/json-output.md.
 * Symbolic values become `{"unknown": reason, "expr": source}`; classification is `{value, from, detail}` or null.
 */
import type { Inventory, Key } from '../inventory/types.js';
import type { Value } from '../model/types.js';
import { isOneOf, isRef, isUnknown } from '../model/value.js';
import type { Finding } from '../rules/types.js';

export const JSON_FORMAT_VERSION = 1;

export interface JsonReport {
  version: number;
  keys: unknown[];
  aliases: unknown[];
  unresolved: unknown[];
  withoutCmk: unknown[];
  problems: unknown[];
  findings: unknown[];
}

export function analysisJson(inventory: Inventory, findings: readonly Finding[]): JsonReport {
  return {
    version: JSON_FORMAT_VERSION,
    keys: inventory.keys.map(keyJson),
    aliases: inventory.aliases,
    unresolved: inventory.unresolved,
    withoutCmk: inventory.withoutCmk,
    problems: inventory.problems,
    findings: findings.map(findingJson),
  };
}

export function findingJson(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    key: f.key ?? null,
    subjects: f.subjects,
    message: f.message,
    location: f.location ?? null,
    fingerprint: f.fingerprint,
    suppressed: f.suppressed ?? null,
    evidence: f.evidence,
    fix: f.fix ?? null,
  };
}

function keyJson(key: Key) {
  return {
    id: key.id,
    declared: key.declared,
    manager: key.manager,
    type: key.type ?? null,
    aliases: key.aliases,
    account: key.account ?? null,
    region: key.region ?? null,
    location: key.location ?? null,
    environment: key.environment,
    workload: key.workload,
    dataClass: key.dataClass,
    owner: key.owner,
    spec: plain(key.spec),
    usage: plain(key.usage),
    origin: plain(key.origin),
    multiRegion: plain(key.multiRegion),
    rotation: { enabled: plain(key.rotation.enabled), periodDays: plain(key.rotation.periodDays ?? null) },
    deletionWindowDays: plain(key.deletionWindowDays ?? null),
    enabled: plain(key.enabled),
    protectedFromDeletion: key.protectedFromDeletion ?? false,
    multiplicity: key.multiplicity ?? null,
    conditional: key.conditional ?? null,
    tags: key.tags,
    policy: key.policy ? { from: key.policy.from, location: key.policy.location, statements: key.policy.document.statements.length } : null,
    grants: key.grants.map((g) => ({ ...g, grantee: plain(g.grantee), operations: plain(g.operations), constraints: plain(g.constraints) })),
    consumers: key.consumers.map((c) => ({
      resource: c.resource,
      type: c.type,
      service: c.service,
      attribute: c.attribute,
      purpose: c.purpose,
      location: c.location,
      replacementOnKeyChange: c.replacementOnKeyChange,
      via: c.via,
      environment: c.environment,
      workload: c.workload,
      dataClass: c.dataClass,
      owner: c.owner,
      multiplicity: c.multiplicity ?? null,
      conditional: c.conditional ?? null,
    })),
    blastRadius: key.blastRadius,
  };
}

/** A Value with its symbolic parts made explicit and JSON-plain. */
export function plain(value: Value | undefined): unknown {
  if (value === undefined) return null;
  if (isUnknown(value)) return { unknown: value.reason, expr: value.expr };
  if (isRef(value)) return { unknown: 'reference', expr: value.attr === 'Ref' ? `!Ref ${value.address}` : `${value.address}.${value.attr}` };
  if (isOneOf(value)) return { oneOf: value.options.map(plain), reason: value.reason };
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}
