/** Short phrases about a change (base vs head) shared by the diff renderers: verdict, blast radius, statements, access. */
import type { AccessChange, AttributeChange, ConsumerChange, FindingsDiff, InventoryDiff, KeyDiff } from '../diff/types.js';
import type { BlastRadius } from '../inventory/types.js';
import type { Statement } from '../model/policy.js';
import { describeValue, isOneOf, isRef, isUnknown } from '../model/value.js';
import { SEVERITIES } from '../rules/types.js';
import { at } from './describe.js';

/** The keys worth showing, in order: changed, added, removed (unchanged ones are only counted). */
export function shownKeys(diff: InventoryDiff): KeyDiff[] {
  const order = { changed: 0, added: 1, removed: 2, unchanged: 3 } as const;
  return diff.keys.filter((k) => k.change !== 'unchanged').sort((a, b) => order[a.change] - order[b.change]);
}

/** One line a reviewer reads first: how many new findings and how bad, what happened to the keys, what was already there. */
export function verdict(diff: InventoryDiff, findings: FindingsDiff): string {
  const active = findings.new.filter((f) => !f.suppressed);
  const count = (change: KeyDiff['change']) => diff.keys.filter((k) => k.change === change).length;
  const keys = [`${count('changed')} changed`, `${count('added')} added`, `${count('removed')} removed`].join(', ');
  const bySeverity = SEVERITIES.map((s) => [s, active.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
  const head = active.length === 0 ? 'no new findings' : `${active.length} new finding${active.length === 1 ? '' : 's'} (${bySeverity})`;
  return `${head} · keys: ${keys} · ${findings.fixed.length} fixed · ${findings.unchanged.length} unchanged`;
}

/** `consumers 3 → 5 · services 3 → 5 · workloads 1 → 2 · environments 1 · data classes 2`. */
export function radiusChange(before: BlastRadius | null, after: BlastRadius | null): string {
  const fields: [keyof Omit<BlastRadius, 'unknown' | 'breaksIfDisabled'>, string][] = [
    ['consumers', 'consumers'],
    ['services', 'services'],
    ['workloads', 'workloads'],
    ['environments', 'environments'],
    ['dataClasses', 'data classes'],
  ];
  return fields
    .map(([field, noun]) => {
      const b = before?.[field];
      const a = after?.[field];
      if (b === undefined) return `${noun} ${a ?? 0}`;
      if (a === undefined) return `${noun} ${b} → 0`;
      return b === a ? `${noun} ${a}` : `${noun} ${b} → ${a}`;
    })
    .join(' · ');
}

export function gainedPhrase(k: KeyDiff): string | undefined {
  const g = k.gained;
  const parts = [
    g.environments.length ? `environment ${g.environments.join(', ')}` : '',
    g.workloads.length ? `workload ${g.workloads.join(', ')}` : '',
    g.dataClasses.length ? `data class ${g.dataClasses.join(', ')}` : '',
    g.services.length ? `service ${g.services.join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('; ') : undefined;
}

/** A value of an attribute change in words (`7`, `true`, `? (variable x has no default)`, `—` for absent). */
export function valuePhrase(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (isUnknown(value)) return `? (${value.reason})`;
  if (isRef(value) || isOneOf(value)) return describeValue(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** `Allow AWS arn:aws:iam::777788889999:root: kms:Decrypt, kms:DescribeKey (no condition)`. */
export function statementPhrase(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const s = value as Omit<Statement, 'location'>;
  const principals = Object.entries(s.principal ?? {})
    .map(([type, ids]) => `${type === '*' ? '' : `${type} `}${ids.map((v) => valuePhrase(v)).join(', ')}`)
    .join('; ');
  const actions = (s.action ?? s.notAction ?? []).map((v) => valuePhrase(v)).join(', ');
  const conditions = s.conditions.length ? `if ${s.conditions.map((c) => `${c.operator} ${c.key}`).join(', ')}` : 'no condition';
  return `${valuePhrase(s.effect)} ${principals || '(no principal)'}: ${s.notAction ? 'all but ' : ''}${actions} (${conditions})`;
}

/** What changed inside a statement kept under the same Sid: `principal + arn:…:role/x; action − kms:Encrypt`. */
export function statementChange(before: unknown, after: unknown): string {
  const b = before as Omit<Statement, 'location'>;
  const a = after as Omit<Statement, 'location'>;
  const principals = (s: Omit<Statement, 'location'>) =>
    Object.entries(s.principal ?? {}).flatMap(([type, ids]) => ids.map((v) => `${type === '*' ? '' : `${type} `}${valuePhrase(v)}`));
  const actions = (s: Omit<Statement, 'location'>) => (s.action ?? s.notAction ?? []).map((v) => valuePhrase(v));
  const conditions = (s: Omit<Statement, 'location'>) => s.conditions.map((c) => `${c.operator} ${c.key} ${c.values.map((v) => valuePhrase(v)).join('|')}`);
  const parts: string[] = [];
  if (valuePhrase(b.effect) !== valuePhrase(a.effect)) parts.push(`effect ${valuePhrase(b.effect)} → ${valuePhrase(a.effect)}`);
  const delta = (noun: string, from: string[], to: string[]) => {
    const added = to.filter((x) => !from.includes(x));
    const removed = from.filter((x) => !to.includes(x));
    if (added.length) parts.push(`${noun} + ${added.join(', ')}`);
    if (removed.length) parts.push(`${noun} − ${removed.join(', ')}`);
  };
  delta('principal', principals(b), principals(a));
  delta('action', actions(b), actions(a));
  delta('condition', conditions(b), conditions(a));
  return parts.length ? parts.join('; ') : `${statementPhrase(before)} → ${statementPhrase(after)}`;
}

/** An attribute change in words, with the head's (or base's) line. */
export function attributePhrase(a: AttributeChange): { what: string; where?: AttributeChange['headLocation'] } {
  const where = a.headLocation ?? a.baseLocation;
  if (a.field.startsWith('policy.statement.')) {
    const sid = a.field.slice('policy.statement.'.length);
    const name = sid.startsWith('#') ? 'unnamed statement' : `statement ${sid}`;
    if (a.before === null) return { what: `policy ${name} added: ${statementPhrase(a.after)}`, ...(where ? { where } : {}) };
    if (a.after === null) return { what: `policy ${name} removed: ${statementPhrase(a.before)}`, ...(where ? { where } : {}) };
    return { what: `policy ${name} changed: ${statementChange(a.before, a.after)}`, ...(where ? { where } : {}) };
  }
  if (a.field.startsWith('grants.')) {
    const grant = a.field.slice('grants.'.length);
    const state = a.before === null ? 'added' : a.after === null ? 'removed' : 'changed';
    return { what: `grant ${grant} ${state}`, ...(where ? { where } : {}) };
  }
  if (a.field === 'policy') {
    const from = (v: unknown) =>
      v === null ? 'default key policy' : `policy ${(v as { from: string }).from}${(v as { unknown?: string }).unknown ? ' (unreadable)' : ''}`;
    return { what: `policy source ${from(a.before)} → ${from(a.after)}`, ...(where ? { where } : {}) };
  }
  return { what: `${a.field} ${valuePhrase(a.before)} → ${valuePhrase(a.after)}`, ...(where ? { where } : {}) };
}

/** Access changes grouped by principal, change and way in: one line per principal, not per action group. */
export function groupedAccess(
  changes: readonly AccessChange[],
): { change: AccessChange['change']; principal: string; groups: string[]; via: string; restrictedBy: string[]; location?: AccessChange['location'] }[] {
  const out = new Map<
    string,
    { change: AccessChange['change']; principal: string; groups: string[]; via: string; restrictedBy: string[]; location?: AccessChange['location'] }
  >();
  for (const a of changes) {
    const id = `${a.change}\u0000${a.principal}\u0000${a.via}`;
    const had = out.get(id);
    if (had) had.groups.push(a.group);
    else
      out.set(id, {
        change: a.change,
        principal: a.principal,
        groups: [a.group],
        via: a.via,
        restrictedBy: a.restrictedBy ?? [],
        ...(a.location ? { location: a.location } : {}),
      });
  }
  return [...out.values()];
}

/** How a consumer change reads from the point of view of `key`. */
export function consumerPhrase(c: ConsumerChange, key: string): string {
  const flag = c.replacementOnKeyChange && c.change === 'moved' ? ' — REPLACED (the key change forces a new resource)' : '';
  const service = c.service ? ` (${c.service})` : '';
  if (c.change === 'moved')
    return c.toKey === key ? `moved in from ${c.fromKey}: ${c.resource}${service}${flag}` : `moved out to ${c.toKey}: ${c.resource}${service}${flag}`;
  return `${c.change === 'added' ? 'new consumer' : 'consumer removed'}: ${c.resource}${service}`;
}

/** Where the reference is: for a moved consumer the base line and the head line (`main.tf:12 → main.tf:14`). */
export function consumerWhere(c: ConsumerChange): string {
  if (c.change !== 'moved' || !c.baseLocation) return at(c.location);
  const before = at(c.baseLocation);
  const after = at(c.location);
  return before === after ? after : `${before} → ${after}`;
}
