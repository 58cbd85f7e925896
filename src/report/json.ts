/**
 * The stable JSON form (`--format json`), version 1, documented in docs/json-output.md.
 * Symbolic values become `{"unknown": reason, "expr": source}`; classification is `{value, from, detail}` or null.
 * Optional facts (the live view's) are always present, `null` when absent, so consumers need no key checks.
 */
import type { Consumer, Grant, Inventory, Key, LiveKeyView } from '../inventory/types.js';
import type { Value } from '../model/types.js';
import { isOneOf, isRef, isUnknown } from '../model/value.js';
import type { Finding } from '../rules/types.js';

type LiveRun = NonNullable<Inventory['live']>;

export const JSON_FORMAT_VERSION = 1;

export interface JsonReport {
  version: number;
  keys: unknown[];
  aliases: unknown[];
  unresolved: unknown[];
  withoutCmk: unknown[];
  problems: unknown[];
  findings: unknown[];
  /** The live view's run (`caller` null unless the CLI read the caller's own account); null when it did not run. */
  live: (Omit<LiveRun, 'caller'> & { caller: NonNullable<LiveRun['caller']> | null }) | null;
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
    live: inventory.live ? { ...inventory.live, caller: inventory.live.caller ?? null } : null,
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
    grants: key.grants.map(grantJson),
    consumers: key.consumers.map(consumerJson),
    blastRadius: key.blastRadius,
    pendingDeletion: key.pendingDeletion ? { date: key.pendingDeletion.date ?? null, windowDays: key.pendingDeletion.windowDays ?? null } : null,
    live: key.live ? liveJson(key.live) : null,
  };
}

function grantJson(g: Grant) {
  return {
    id: g.id,
    grantee: plain(g.grantee),
    operations: plain(g.operations),
    constraints: plain(g.constraints),
    retiringPrincipal: plain(g.retiringPrincipal),
    location: g.location,
    live: g.live ?? false,
  };
}

function consumerJson(c: Consumer) {
  return {
    resource: c.resource,
    kind: c.kind ?? 'resource',
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
    grants: c.grants ?? null,
    module: c.module ? { source: c.module.source, version: c.module.version ?? null } : null,
  };
}

/** The account's view of a key; a null field was not read (not applicable to the key, or refused: a KMS000 note says why). */
function liveJson(live: LiveKeyView) {
  return {
    arn: live.arn,
    account: live.account,
    region: live.region,
    state: live.state,
    enabled: live.enabled,
    manager: live.manager ?? null,
    spec: live.spec ?? null,
    usage: live.usage ?? null,
    origin: live.origin ?? null,
    description: live.description ?? null,
    multiRegion: live.multiRegion ? { type: live.multiRegion.type, primaryArn: live.multiRegion.primaryArn ?? null } : null,
    rotation: live.rotation ? { enabled: live.rotation.enabled, periodDays: live.rotation.periodDays ?? null } : null,
    policy: live.policy ? { statements: live.policy.statements.length } : null,
    tags: live.tags ?? null,
    aliases: live.aliases ?? null,
    grants: live.grants ?? null,
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
