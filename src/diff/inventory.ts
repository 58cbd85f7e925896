/** Inventory × Inventory → InventoryDiff: what a change does to each key, its aliases, consumers and access. */
import type { AccessEntry, AccessMap, AccessVia } from '../access/types.js';
import { UNKNOWN_SERVICE } from '../inventory/blast-radius.js';
import type { BlastRadius, Consumer, Grant, Inventory, Key } from '../inventory/types.js';
import type { Statement } from '../model/policy.js';
import { DIMENSIONS, type Location, type Resource } from '../model/types.js';
import { statementLocation } from '../rules/support/policy.js';
import type { RuleContext } from '../rules/types.js';
import { movesOf, renamer } from './identity.js';
import type { AccessChange, AttributeChange, ConsumerChange, InventoryDiff, KeyDiff } from './types.js';

/** What the diff reads of one analysed side (an `Analysis` fits). */
export interface DiffSide {
  inventory: Inventory;
  access: AccessMap;
  resources: readonly Resource[];
  /** The side's file lines: statements of a policy written as one block are then located by their Sid. */
  sourceLines?(file: string): readonly string[] | undefined;
}

/** The lines of one statement (by Sid) inside a policy the parser located only as a whole. */
type Locate = (location: Location | undefined, sid: string | undefined) => Location | undefined;

function locator(side: DiffSide): Locate {
  const lines = side.sourceLines;
  if (!lines) return (location) => location;
  // `statementLocation` reads nothing of its context but the lines.
  const ctx = { sourceLines: (file: string) => lines(file) } as Pick<RuleContext, 'sourceLines'> as RuleContext;
  return (location, sid) => (location && sid && !sid.startsWith('#') ? statementLocation(ctx, location, sid) : location);
}

export function diffInventories(base: DiffSide, head: DiffSide): InventoryDiff {
  const headKeys = new Map(head.inventory.keys.map((k) => [k.id, k]));
  const headResources = new Set(head.resources.map((r) => r.id));
  const moved = renamer(movesOf(head.resources));
  // A base id is renamed only when the head no longer has it (a `moved {}` whose `from` still exists is a no-op).
  const rename = (id: string) => (headKeys.has(id) || headResources.has(id) ? id : moved(id));

  const renamedKeys: Record<string, string> = {};
  const baseKeys = new Map<string, Key>();
  for (const k of base.inventory.keys) {
    const id = rename(k.id);
    if (id !== k.id) renamedKeys[k.id] = id;
    baseKeys.set(id, k);
  }

  const consumers = consumerChanges(base.inventory, head.inventory, rename);
  const sides = { baseAccess: base.access, headAccess: head.access, rename, locateBase: locator(base), locateHead: locator(head) };
  const keys: KeyDiff[] = [];
  for (const h of head.inventory.keys) keys.push(keyDiff(baseKeys.get(h.id), h, consumers.get(h.id) ?? [], sides));
  for (const [id, b] of baseKeys) if (!headKeys.has(id)) keys.push(keyDiff(b, undefined, consumers.get(id) ?? [], sides));

  return {
    keys,
    aliasesRetargeted: retargetedAliases(base.inventory, head.inventory, rename),
    ...(Object.keys(renamedKeys).length > 0 ? { renamedKeys } : {}),
  };
}

interface Sides {
  baseAccess: AccessMap;
  headAccess: AccessMap;
  rename: (id: string) => string;
  locateBase: Locate;
  locateHead: Locate;
}

function keyDiff(base: Key | undefined, head: Key | undefined, consumers: ConsumerChange[], sides: Sides): KeyDiff {
  const { baseAccess, headAccess } = sides;
  const beforeAccess = base ? (baseAccess.get(base.id)?.entries ?? []) : [];
  const afterAccess = head ? (headAccess.get(head.id)?.entries ?? []) : [];
  const diff: KeyDiff = {
    key: head?.id ?? base!.id,
    ...(base && head && base.id !== head.id ? { baseKey: base.id } : {}),
    change: !base ? 'added' : !head ? 'removed' : 'unchanged',
    aliases: {
      added: (head?.aliases ?? []).filter((a) => !(base?.aliases ?? []).includes(a)),
      removed: (base?.aliases ?? []).filter((a) => !(head?.aliases ?? []).includes(a)),
    },
    attributes: base && head ? attributeChanges(base, head, sides) : [],
    consumers,
    access: accessChanges(beforeAccess, afterAccess, sides),
    classification: base && head ? classificationChanges(base, head) : [],
    blastRadius: { before: base?.blastRadius ?? null, after: head?.blastRadius ?? null },
    gained: base && head ? gained(base.consumers, head.consumers) : { environments: [], workloads: [], dataClasses: [], services: [] },
  };
  if (diff.change === 'unchanged' && isChanged(diff)) diff.change = 'changed';
  return diff;
}

function isChanged(d: KeyDiff): boolean {
  const g = d.gained;
  return (
    d.baseKey !== undefined ||
    d.aliases.added.length + d.aliases.removed.length + d.attributes.length + d.consumers.length + d.access.length + d.classification.length > 0 ||
    g.environments.length + g.workloads.length + g.dataClasses.length + g.services.length > 0 ||
    !sameCounts(d.blastRadius.before, d.blastRadius.after)
  );
}

function sameCounts(a: BlastRadius | null, b: BlastRadius | null): boolean {
  if (!a || !b) return a === b;
  const counts = (r: BlastRadius) => [
    r.consumers,
    r.services,
    r.workloads,
    r.environments,
    r.dataClasses,
    r.unknown.workloads,
    r.unknown.environments,
    r.unknown.dataClasses,
  ];
  return stable(counts(a)) === stable(counts(b));
}

// ---------------------------------------------------------------------------------------------
// Attributes

/** Normalised field → the `attributeLocations` entry that says where it is set. */
const FIELDS: { field: string; read: (k: Key) => unknown; at?: string }[] = [
  { field: 'type', read: (k) => k.type ?? null },
  { field: 'declared', read: (k) => k.declared },
  { field: 'manager', read: (k) => k.manager },
  { field: 'spec', read: (k) => k.spec, at: 'keySpec' },
  { field: 'usage', read: (k) => k.usage, at: 'keyUsage' },
  { field: 'origin', read: (k) => k.origin, at: 'origin' },
  { field: 'multiRegion', read: (k) => k.multiRegion, at: 'multiRegion' },
  { field: 'primary', read: (k) => k.primary ?? null, at: 'primaryKeyArn' },
  { field: 'rotation.enabled', read: (k) => k.rotation.enabled, at: 'enableRotation' },
  { field: 'rotation.periodDays', read: (k) => k.rotation.periodDays ?? null, at: 'rotationPeriodDays' },
  { field: 'deletionWindowDays', read: (k) => k.deletionWindowDays ?? null, at: 'deletionWindowDays' },
  { field: 'enabled', read: (k) => k.enabled, at: 'enabled' },
  { field: 'description', read: (k) => k.description ?? null, at: 'description' },
  { field: 'bypassLockoutSafetyCheck', read: (k) => k.bypassLockoutSafetyCheck ?? null, at: 'bypassLockoutSafetyCheck' },
  { field: 'protectedFromDeletion', read: (k) => k.protectedFromDeletion ?? false },
  { field: 'multiplicity', read: (k) => k.multiplicity ?? null },
  { field: 'conditional', read: (k) => k.conditional ?? null },
  { field: 'account', read: (k) => k.account ?? null },
  { field: 'region', read: (k) => k.region ?? null },
];

function attributeChanges(base: Key, head: Key, { rename, locateBase, locateHead }: Sides): AttributeChange[] {
  const changes: AttributeChange[] = [];
  const push = (field: string, before: unknown, after: unknown, baseLocation: Location | undefined, headLocation: Location | undefined) =>
    changes.push({ field, before, after, ...(baseLocation ? { baseLocation } : {}), ...(headLocation ? { headLocation } : {}) });
  for (const { field, read, at } of FIELDS) {
    const before = read(base);
    const after = read(head);
    if (stable(before) === stable(after)) continue;
    const fallback = (k: Key) => (at ? (k.attributeLocations[at] ?? k.location) : k.location);
    push(field, before, after, fallback(base), fallback(head));
  }

  // The policy as a whole: where it comes from (inline, `aws_kms_key_policy`, default) and whether it can be read.
  const policyOf = (k: Key) =>
    k.policy ? { from: rename(k.policy.from), ...(k.policy.document.unknown ? { unknown: k.policy.document.unknown } : {}) } : null;
  if (stable(policyOf(base)) !== stable(policyOf(head))) push('policy', policyOf(base), policyOf(head), base.policy?.location, head.policy?.location);
  // Its statements by Sid (unnamed ones by content, so an edited unnamed statement is one removed and one added).
  const before = statementsById(base.policy?.document.statements ?? []);
  const after = statementsById(head.policy?.document.statements ?? []);
  for (const id of union(before.keys(), after.keys())) {
    const b = before.get(id);
    const a = after.get(id);
    if (b && a && stable(b.body) === stable(a.body)) continue;
    const sid = id.startsWith('#') ? undefined : id.replace(/~\d+$/, '');
    push(
      `policy.statement.${id}`,
      b?.body ?? null,
      a?.body ?? null,
      b ? (b.location ?? locateBase(base.policy?.location, sid)) : undefined,
      a ? (a.location ?? locateHead(head.policy?.location, sid)) : undefined,
    );
  }

  for (const name of union(Object.keys(base.tags), Object.keys(head.tags))) {
    if (base.tags[name] === head.tags[name]) continue;
    push(
      `tags.${name}`,
      base.tags[name] ?? null,
      head.tags[name] ?? null,
      base.attributeLocations.tags ?? base.location,
      head.attributeLocations.tags ?? head.location,
    );
  }

  const grantsBefore = new Map(base.grants.map((g) => [rename(g.id), g]));
  const grantsAfter = new Map(head.grants.map((g) => [g.id, g]));
  for (const id of union(grantsBefore.keys(), grantsAfter.keys())) {
    const b = grantsBefore.get(id);
    const a = grantsAfter.get(id);
    if (b && a && stable(grantBody(b)) === stable(grantBody(a))) continue;
    push(`grants.${id}`, b ? grantBody(b) : null, a ? grantBody(a) : null, b?.location, a?.location);
  }
  return changes;
}

function grantBody(g: Grant) {
  return { grantee: g.grantee, operations: g.operations, constraints: g.constraints, retiringPrincipal: g.retiringPrincipal ?? null };
}

function statementsById(statements: readonly Statement[]): Map<string, { body: unknown; location?: Location }> {
  const out = new Map<string, { body: unknown; location?: Location }>();
  for (const s of statements) {
    const { location, ...body } = s;
    let id = s.sid ? s.sid : `#${hash(stable(body))}`;
    for (let n = 2; out.has(id); n++) id = `${s.sid ?? '#'}~${n}`;
    out.set(id, { body, ...(location ? { location } : {}) });
  }
  return out;
}

function classificationChanges(base: Key, head: Key): KeyDiff['classification'] {
  const changes: KeyDiff['classification'] = [];
  for (const dimension of DIMENSIONS) {
    const b = base[dimension];
    const a = head[dimension];
    if (b?.value === a?.value && b?.from === a?.from) continue;
    changes.push({ dimension, before: b, after: a });
  }
  return changes;
}

function gained(before: readonly Consumer[], after: readonly Consumer[]): KeyDiff['gained'] {
  const values = (cs: readonly Consumer[], pick: (c: Consumer) => string | undefined) => new Set(cs.map(pick).filter((v): v is string => v !== undefined));
  const fresh = (pick: (c: Consumer) => string | undefined) => {
    const had = values(before, pick);
    return [...values(after, pick)].filter((v) => !had.has(v)).sort();
  };
  return {
    environments: fresh((c) => c.environment?.value),
    workloads: fresh((c) => c.workload?.value),
    dataClasses: fresh((c) => c.dataClass?.value),
    services: fresh((c) => (c.service === UNKNOWN_SERVICE ? undefined : c.service)),
  };
}

// ---------------------------------------------------------------------------------------------
// Consumers: one identity per (resource, attribute), followed across every key of both sides

interface Held {
  keys: Map<string, Consumer>;
}

function consumerChanges(base: Inventory, head: Inventory, rename: (id: string) => string): Map<string, ConsumerChange[]> {
  const index = (inventory: Inventory, mapKey: (id: string) => string, mapResource: (id: string) => string) => {
    const held = new Map<string, Held>();
    for (const k of inventory.keys) {
      for (const c of k.consumers) {
        const id = `${mapResource(c.resource)}\u0000${c.attribute}`;
        const entry = held.get(id) ?? { keys: new Map() };
        entry.keys.set(mapKey(k.id), c);
        held.set(id, entry);
      }
    }
    return held;
  };
  const same = (id: string) => id;
  const before = index(base, rename, rename);
  const after = index(head, same, same);
  const byKey = new Map<string, ConsumerChange[]>();
  const add = (key: string, change: ConsumerChange) => byKey.set(key, [...(byKey.get(key) ?? []), change]);

  for (const id of union(before.keys(), after.keys())) {
    const b = before.get(id)?.keys ?? new Map<string, Consumer>();
    const a = after.get(id)?.keys ?? new Map<string, Consumer>();
    const left = [...b.keys()].filter((k) => !a.has(k));
    const joined = [...a.keys()].filter((k) => !b.has(k));
    const resource = id.slice(0, id.indexOf('\u0000'));
    const base = (c: Consumer) => ({ resource, attribute: c.attribute, replacementOnKeyChange: c.replacementOnKeyChange, service: c.service });
    if (left.length > 0 && joined.length > 0) {
      // Moved: every key it left paired with every key it joined (one of each in practice).
      for (const from of left) {
        for (const to of joined) {
          const was = b.get(from)!;
          const now = a.get(to)!;
          const change: ConsumerChange = { ...base(now), change: 'moved', fromKey: from, toKey: to, location: now.location, baseLocation: was.location };
          add(from, change);
          add(to, change);
        }
      }
      continue;
    }
    for (const from of left) {
      const was = b.get(from)!;
      add(from, { ...base(was), change: 'removed', fromKey: from, location: was.location });
    }
    for (const to of joined) {
      const now = a.get(to)!;
      add(to, { ...base(now), change: 'added', toKey: to, location: now.location });
    }
  }
  return byKey;
}

// ---------------------------------------------------------------------------------------------
// Access: per principal and action group

function accessChanges(before: readonly AccessEntry[], after: readonly AccessEntry[], { locateBase, locateHead }: Sides): AccessChange[] {
  const index = (entries: readonly AccessEntry[]) => {
    const out = new Map<string, AccessEntry>();
    for (const e of entries) {
      for (const group of e.groups) {
        const id = `${e.principal.id}\u0000${group}`;
        const had = out.get(id);
        // Prefer the least restricted way in: it is the one that matters to a reviewer.
        if (!had || e.restrictedBy.length < had.restrictedBy.length) out.set(id, e);
      }
    }
    return out;
  };
  const b = index(before);
  const a = index(after);
  const changes: AccessChange[] = [];
  const push = (id: string, e: AccessEntry, change: 'added' | 'removed') => {
    const group = id.slice(id.indexOf('\u0000') + 1) as AccessChange['group'];
    const locate = change === 'added' ? locateHead : locateBase;
    const location = e.via.kind === 'key-policy' ? locate(e.via.location, e.via.statement) : e.via.location;
    changes.push({
      principal: e.principal.id,
      group,
      change,
      via: viaText(e.via),
      ...(location ? { location } : {}),
      principalKind: e.principal.kind,
      restrictedBy: [...e.restrictedBy],
    });
  };
  for (const [id, e] of a) if (!b.has(id)) push(id, e, 'added');
  for (const [id, e] of b) if (!a.has(id)) push(id, e, 'removed');
  return changes;
}

export function viaText(via: AccessVia): string {
  switch (via.kind) {
    case 'key-policy':
      return `key policy statement ${via.statement}`;
    case 'grant':
      return `grant ${via.grant}`;
    case 'iam':
      return `IAM policy ${via.policy} statement ${via.statement}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Aliases

function retargetedAliases(base: Inventory, head: Inventory, rename: (id: string) => string): InventoryDiff['aliasesRetargeted'] {
  const before = new Map(base.aliases.map((a) => [`${a.name}\u0000${a.resource ? rename(a.resource) : ''}`, a]));
  const out: InventoryDiff['aliasesRetargeted'] = [];
  for (const a of head.aliases) {
    const b = before.get(`${a.name}\u0000${a.resource ?? ''}`);
    if (!b) continue;
    const fromKey = b.key ? rename(b.key) : undefined;
    if (fromKey === a.key) continue;
    out.push({ alias: a.name, ...(fromKey ? { fromKey } : {}), ...(a.key ? { toKey: a.key } : {}), ...(a.location ? { location: a.location } : {}) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function union<T>(a: Iterable<T>, b: Iterable<T>): T[] {
  return [...new Set([...a, ...b])];
}

/** JSON with sorted object keys: equal values give equal strings. */
export function stable(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** A short, deterministic, dependency-free hash (FNV-1a, 32 bits) for naming unnamed statements. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
