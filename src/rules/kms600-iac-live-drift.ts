/**
 * KMS600: a declared key differs from the same key in the account (live view, opt-in): its
 * enabled state, rotation, key policy or tags were changed outside infrastructure-as-code, or
 * the code was never applied. Only what the code states exactly is compared.
 */
import type { Key } from '../inventory/types.js';
import type { ConditionClause, PolicyDocument, PrincipalSet, Statement } from '../model/policy.js';
import type { Location, Value } from '../model/types.js';
import { isSymbolic } from '../model/value.js';
import { isKnown, isReplicaKey, keyAttributeName, keyLabel, setting, where } from './support/lifecycle.js';
import { resourceById } from './support/lookup.js';
import type { FindingDraft, Rule, RuleContext, Severity } from './types.js';

export const kms600: Rule = {
  id: 'KMS600',
  name: 'iac-live-drift',
  principle: 'governance',
  defaultSeverity: 'info',
  rationale:
    'When the account differs from the code, the review judges a key that does not exist as written: a manual change (rotation turned off, a policy statement added, a key disabled) is invisible in pull requests and is undone or kept at random by the next apply.',
  check(ctx: RuleContext): FindingDraft[] {
    return ctx.inventory.keys.flatMap((key) => {
      const live = key.live;
      if (!key.declared || !live || key.pendingDeletion) return [];
      return [enabledDrift(ctx, key), rotationDrift(ctx, key), policyDrift(ctx, key), tagDrift(ctx, key)].filter((d): d is FindingDraft => d !== undefined);
    });
  },
};

type Aspect = 'enabled' | 'rotation' | 'policy' | 'tags';

function draft(
  ctx: RuleContext,
  key: Key,
  aspect: Aspect,
  severity: Severity,
  what: string,
  evidence: Record<string, unknown>,
  location?: Location,
): FindingDraft {
  const live = key.live;
  return {
    key: key.id,
    identity: aspect,
    severity,
    message: `Key ${keyLabel(ctx, key)} drifted from the code in account ${live?.account}: ${what}. Reconcile: apply the code, or bring the code in line with the account (${live?.arn}).`,
    evidence: { aspect, arn: live?.arn ?? null, ...evidence },
    ...((location ?? key.location) ? { location: location ?? key.location } : {}),
  };
}

/** `enable_key_rotation = true at kms.tf:3`, or `is_enabled (default true)` when not written. */
function declaredAt(key: Key, field: 'enabled' | 'enableRotation' | 'rotationPeriodDays', value: string | number | boolean): string {
  const attribute = keyAttributeName(key, field) ?? field;
  const written = key.attributeLocations[field];
  return written ? `${setting(key, attribute, value)} at ${where(written)}` : `${attribute} not set (${value})`;
}

function enabledDrift(ctx: RuleContext, key: Key): FindingDraft | undefined {
  const live = key.live;
  if (!live || !isKnown(key.enabled) || key.enabled === live.enabled) return undefined;
  const what = `the code declares it ${key.enabled ? 'enabled' : 'disabled'} (${declaredAt(key, 'enabled', key.enabled)}) but it is ${live.state} in the account`;
  return draft(ctx, key, 'enabled', key.enabled ? 'medium' : 'info', what, { declared: key.enabled, live: live.state }, key.attributeLocations.enabled);
}

function rotationDrift(ctx: RuleContext, key: Key): FindingDraft | undefined {
  const live = key.live?.rotation;
  if (!live || isReplicaKey(key) || !isKnown(key.rotation.enabled)) return undefined;
  const declared = key.rotation.enabled;
  const location = key.attributeLocations.enableRotation;
  if (declared !== live.enabled) {
    const what = `rotation is ${declared ? 'on' : 'off'} in the code (${declaredAt(key, 'enableRotation', declared)}) but ${live.enabled ? 'on' : 'off'} in the account`;
    return draft(ctx, key, 'rotation', declared ? 'medium' : 'info', what, { declared, live: live.enabled }, location);
  }
  const period = key.rotation.periodDays;
  if (declared && live.periodDays !== undefined && isKnown(period) && period !== live.periodDays) {
    const what = `the rotation period is ${period} days in the code (${declaredAt(key, 'rotationPeriodDays', period)}) but ${live.periodDays} days in the account`;
    return draft(ctx, key, 'rotation', 'info', what, { declared: period, live: live.periodDays }, key.attributeLocations.rotationPeriodDays ?? location);
  }
  return undefined;
}

function policyDrift(ctx: RuleContext, key: Key): FindingDraft | undefined {
  const declared = key.policy?.document;
  const live = key.live?.policy;
  if (!declared || !live || declared.unknown || live.unknown) return undefined;
  const ours = canonicalStatements(declared);
  const theirs = canonicalStatements(live);
  // A policy the code does not state exactly (a role by reference, a variable) cannot be compared.
  if (!ours || !theirs) return undefined;
  const added = theirs.filter((s) => !ours.includes(s));
  const removed = ours.filter((s) => !theirs.includes(s));
  if (added.length === 0 && removed.length === 0) return undefined;
  const label = (statements: string[]) => statements.map((s) => (JSON.parse(s) as { sid?: string }).sid ?? 'unnamed').join(', ');
  const parts = [
    added.length > 0 ? `${added.length} statement(s) only in the account (${label(added)})` : '',
    removed.length > 0 ? `${removed.length} statement(s) only in the code (${label(removed)})` : '',
  ].filter(Boolean);
  const what = `the key policy differs: ${parts.join('; ')}`;
  return draft(
    ctx,
    key,
    'policy',
    'medium',
    what,
    { onlyInAccount: added.map((s) => JSON.parse(s)), onlyInCode: removed.map((s) => JSON.parse(s)) },
    key.policy?.location,
  );
}

function tagDrift(ctx: RuleContext, key: Key): FindingDraft | undefined {
  const live = key.live?.tags;
  const resource = resourceById(ctx.resources, key.id);
  if (!live || !resource) return undefined;
  const raw = resource.attrs[keyAttributeName(key, 'tags') ?? 'tags'];
  const unknownNames = unknownTagNames(raw);
  if (unknownNames === 'all') return undefined;
  const declared: Record<string, string> = { ...resource.defaultTags, ...key.tags };
  const names = [...new Set([...Object.keys(declared), ...Object.keys(live)])].filter((n) => !n.startsWith('aws:') && !unknownNames.has(n)).sort();
  const differences = names.flatMap((name) => {
    if (declared[name] === live[name]) return [];
    if (declared[name] === undefined) return [`${name}=${live[name]} only in the account`];
    if (live[name] === undefined) return [`${name}=${declared[name]} only in the code`];
    return [`${name} is ${declared[name]} in the code, ${live[name]} in the account`];
  });
  if (differences.length === 0) return undefined;
  const location = key.attributeLocations.tags ?? resource.attrLocations[keyAttributeName(key, 'tags') ?? 'tags'];
  return draft(ctx, key, 'tags', 'info', `tags differ: ${differences.join('; ')}`, { differences }, location);
}

/** Tag names whose value the code does not state (`Owner = var.owner`): not compared. `all` when the tags as a whole are not known. */
function unknownTagNames(raw: Value | undefined): Set<string> | 'all' {
  if (raw === undefined || raw === null) return new Set();
  if (isSymbolic(raw)) return 'all';
  const names = new Set<string>();
  if (Array.isArray(raw)) {
    for (const entry of raw) {
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry) || isSymbolic(entry)) return 'all';
      const name = entry.Key;
      if (typeof name !== 'string') return 'all';
      if (typeof entry.Value !== 'string') names.add(name);
    }
    return names;
  }
  if (typeof raw !== 'object') return 'all';
  for (const [name, value] of Object.entries(raw)) if (typeof value !== 'string') names.add(name);
  return names;
}

/** Each statement as canonical JSON (lists sorted, bare account ids as root ARNs), sorted; undefined when any part is not static. */
function canonicalStatements(document: PolicyDocument): string[] | undefined {
  const statements = document.statements.map(canonicalStatement);
  if (statements.some((s) => s === undefined)) return undefined;
  return (statements as string[]).sort();
}

function canonicalStatement(statement: Statement): string | undefined {
  let symbolic = typeof statement.effect !== 'string';
  const list = (values: Value[] | undefined, map: (v: string) => string = (v) => v) => {
    if (!values) return undefined;
    if (values.some((v) => typeof v !== 'string')) symbolic = true;
    if (symbolic) return undefined;
    return [...new Set((values as string[]).map(map))].sort();
  };
  const principals = (set: PrincipalSet | undefined) => {
    if (!set) return undefined;
    const entries = Object.entries(set).map(([type, values]) => [type, list(values, accountRoot)] as const);
    return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  };
  const conditions = (clauses: ConditionClause[]) =>
    clauses
      .map((c) => ({ operator: c.operator, key: c.key.toLowerCase(), values: list(c.values) }))
      .sort((a, b) => `${a.operator}${a.key}`.localeCompare(`${b.operator}${b.key}`));
  const canonical = {
    sid: statement.sid,
    effect: statement.effect,
    principal: principals(statement.principal),
    notPrincipal: principals(statement.notPrincipal),
    action: list(statement.action, (a) => a.toLowerCase()),
    notAction: list(statement.notAction, (a) => a.toLowerCase()),
    resource: list(statement.resource),
    notResource: list(statement.notResource),
    conditions: conditions(statement.conditions),
  };
  // A value that is not a string (a reference, an unknown) makes the statement incomparable.
  return symbolic ? undefined : JSON.stringify(canonical);
}

/** AWS stores a bare account id principal as its root ARN. */
function accountRoot(principal: string): string {
  return /^\d{12}$/.test(principal) ? `arn:aws:iam::${principal}:root` : principal;
}
