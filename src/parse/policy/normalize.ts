/**
 * AWS JSON policy (as a `Value`, possibly with Unknown/Ref/OneOf inside, or as JSON text) → the
 * normal form of `model/policy.ts`: every single-or-list element becomes a list, the bare
 * `"Principal": "*"` becomes `{'*': ['*']}`, conditions become one clause per operator and key.
 */
import type { ConditionClause, PolicyDocument, PrincipalSet, Statement } from '../../model/policy.js';
import type { Location, Value } from '../../model/types.js';
import { isOneOf, isRecord, isRef, isSymbolic } from '../../model/value.js';

/**
 * Placeholder principal type / condition operator and key for an element that is not known as a
 * whole (`Principal = var.p`, `Condition = local.c`) or is malformed: kept so nothing is silently
 * dropped; rules treat it as "could not determine".
 */
export const UNRESOLVED = '$unknown';

type JsonObject = { [key: string]: Value };
type Decoded = { object: JsonObject } | { unknown: string } | { invalid: string };

/** The document as an object, or why it cannot be read statically, or why it is not a policy. */
function decodePolicy(doc: Value): Decoded {
  if (isSymbolic(doc)) return { unknown: unknownReason(doc) };
  if (typeof doc === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(doc);
    } catch (error) {
      return { invalid: `policy is not valid JSON: ${(error as Error).message}` };
    }
    return decodePolicy(parsed as Value);
  }
  return isRecord(doc) ? { object: doc } : { invalid: 'policy document is not a JSON object' };
}

function unknownReason(value: Value): string {
  if (isRef(value)) return `depends on ${value.address}.${value.attr}`;
  if (isOneOf(value)) return `one of several documents (${value.reason})`;
  return isSymbolic(value) ? value.reason : 'not a policy document';
}

/** A statement element; JSON `null` (e.g. from `jsonencode` of an unset attribute) counts as absent. */
function element(statement: JsonObject, name: string): Value | undefined {
  return statement[name] ?? undefined;
}

function toList(value: Value): Value[] {
  return Array.isArray(value) ? [...value] : [value];
}

const LIST_ELEMENTS = [
  ['Action', 'action'],
  ['NotAction', 'notAction'],
  ['Resource', 'resource'],
  ['NotResource', 'notResource'],
] as const;

const PRINCIPAL_ELEMENTS = [
  ['Principal', 'principal'],
  ['NotPrincipal', 'notPrincipal'],
] as const;

export function normalizePolicy(doc: Value, location?: Location, statementLocations?: Location[]): PolicyDocument {
  const decoded = decodePolicy(doc);
  const result: PolicyDocument = { statements: [] };
  if (location) result.location = location;
  if ('unknown' in decoded) return { ...result, unknown: decoded.unknown };
  if ('invalid' in decoded) return result; // policyProblems says why

  const { object } = decoded;
  if (typeof object.Version === 'string') result.version = object.Version;
  const raw = element(object, 'Statement');
  if (raw === undefined) return result;
  if (isSymbolic(raw)) return { ...result, unknown: `Statement ${unknownReason(raw)}` };

  // A statement that is itself unknown (a `dynamic` block, a variable) makes the document partly
  // unknown: the known statements are kept, and `unknown` tells rules not to conclude from absence.
  const unknownParts: string[] = [];
  toList(raw).forEach((item, index) => {
    if (isSymbolic(item)) unknownParts.push(`Statement ${index}: ${unknownReason(item)}`);
    else if (isRecord(item)) result.statements.push(normalizeStatement(item, statementLocations?.[index]));
  });
  if (unknownParts.length > 0) result.unknown = unknownParts.join('; ');
  return result;
}

function normalizeStatement(raw: JsonObject, location: Location | undefined): Statement {
  const statement: Statement = {
    effect: element(raw, 'Effect') ?? null,
    conditions: normalizeConditions(element(raw, 'Condition')),
  };
  const sid = element(raw, 'Sid');
  if (typeof sid === 'string') statement.sid = sid;
  for (const [name, field] of PRINCIPAL_ELEMENTS) {
    const value = element(raw, name);
    if (value !== undefined) statement[field] = normalizePrincipal(value);
  }
  for (const [name, field] of LIST_ELEMENTS) {
    const value = element(raw, name);
    if (value !== undefined) statement[field] = toList(value);
  }
  if (location) statement.location = location;
  return statement;
}

function normalizePrincipal(value: Value): PrincipalSet {
  if (value === '*') return { '*': ['*'] };
  // Either branch may be deployed, so who may act is the union of both (errs towards reporting).
  if (isOneOf(value)) return mergePrincipalSets(value.options.map(normalizePrincipal));
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([type, ids]) => [type, toList(ids)]));
  }
  return { [UNRESOLVED]: [value] };
}

function mergePrincipalSets(sets: PrincipalSet[]): PrincipalSet {
  const merged: PrincipalSet = {};
  for (const set of sets) {
    for (const [type, ids] of Object.entries(set)) merged[type] = [...(merged[type] ?? []), ...ids];
  }
  return merged;
}

/**
 * A whole unknown condition block cannot be split into clauses; unlike principals, a union of
 * `OneOf` branches would over-restrict (every clause must hold), so it stays unresolved too.
 */
function normalizeConditions(value: Value | undefined): ConditionClause[] {
  if (value === undefined) return [];
  if (!isRecord(value)) return [{ ...parseOperator(UNRESOLVED), key: UNRESOLVED, values: [value] }];
  return Object.entries(value).flatMap(([operator, block]) =>
    isRecord(block)
      ? Object.entries(block).map(([key, values]) => ({ ...parseOperator(operator), key, values: toList(values) }))
      : [{ ...parseOperator(operator), key: UNRESOLVED, values: [block] }],
  );
}

const SET_OPERATORS = ['ForAnyValue', 'ForAllValues'] as const;
const IF_EXISTS = /IfExists$/i;

/** `ForAnyValue:StringLikeIfExists` → set operator, base `StringLike`, ifExists. Prefixes are matched case-insensitively. */
export function parseOperator(operator: string): Omit<ConditionClause, 'key' | 'values'> {
  const colon = operator.indexOf(':');
  const prefix = colon > 0 ? operator.slice(0, colon).toLowerCase() : undefined;
  const setOperator = SET_OPERATORS.find((candidate) => candidate.toLowerCase() === prefix);
  const rest = setOperator ? operator.slice(colon + 1) : operator;
  const ifExists = IF_EXISTS.test(rest) && rest.length > 'IfExists'.length;
  const clause: Omit<ConditionClause, 'key' | 'values'> = {
    operator,
    base: ifExists ? rest.slice(0, -'IfExists'.length) : rest,
    ifExists,
  };
  if (setOperator) clause.setOperator = setOperator;
  return clause;
}

const TOP_LEVEL_ELEMENTS = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_ELEMENTS = new Set(['Sid', 'Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition']);
const VERSIONS = new Set(['2012-10-17', '2008-10-17']);
const EFFECTS = new Set(['Allow', 'Deny']);
const PRINCIPAL_TYPES = new Set(['AWS', 'Service', 'Federated', 'CanonicalUser']);
const EXCLUSIVE_PAIRS = [
  ['Action', 'NotAction'],
  ['Principal', 'NotPrincipal'],
  ['Resource', 'NotResource'],
] as const;

/**
 * Structural problems of a policy document (not its meaning): each message about a statement
 * starts with its `statementKeys` name, which is also its `attrLocations` key.
 * Parts that are unknown statically are not judged.
 */
export function policyProblems(doc: Value): string[] {
  const decoded = decodePolicy(doc);
  if ('unknown' in decoded) return [];
  if ('invalid' in decoded) return [decoded.invalid];
  const { object } = decoded;
  const problems = Object.keys(object)
    .filter((name) => !TOP_LEVEL_ELEMENTS.has(name))
    .map((name) => `unknown top-level element "${name}"`);
  if (typeof object.Version === 'string' && !VERSIONS.has(object.Version)) {
    problems.push(`Version "${object.Version}" is not 2012-10-17 or 2008-10-17`);
  }
  const raw = element(object, 'Statement');
  if (raw === undefined) return [...problems, 'no Statement'];
  if (isSymbolic(raw)) return problems;

  const labels = statementKeys(raw);
  toList(raw).forEach((item, index) => {
    const label = labels[index];
    if (isSymbolic(item)) return;
    if (!isRecord(item)) {
      problems.push(`${label}: not an object`);
      return;
    }
    if (sidOf(item) !== undefined && label !== `Statement.${sidOf(item)}`) problems.push(`${label}: duplicate Sid "${item.Sid}"`);
    problems.push(...statementProblems(item).map((message) => `${label}: ${message}`));
  });
  return problems;
}

/** The statement's non-empty Sid, if it has one. */
export function sidOf(statement: Value): string | undefined {
  return isRecord(statement) && typeof statement.Sid === 'string' && statement.Sid !== '' ? statement.Sid : undefined;
}

/**
 * The name of each statement in `Resource.attrLocations` and in problem messages:
 * `Statement.<Sid>`. A statement without a Sid (or repeating one) has no stable name, so —
 * unlike every other attribute path — it is named by its index.
 */
export function statementKeys(statements: Value | undefined): string[] {
  const keys: string[] = [];
  toList(statements ?? null).forEach((item, index) => {
    const sid = sidOf(item);
    const named = `Statement.${sid}`;
    keys.push(sid !== undefined && !keys.includes(named) ? named : `Statement.${index}`);
  });
  return keys;
}

function statementProblems(statement: JsonObject): string[] {
  const problems = Object.keys(statement)
    .filter((name) => !STATEMENT_ELEMENTS.has(name))
    .map((name) => `unknown element "${name}"`);
  const effect = element(statement, 'Effect');
  if (effect === undefined) problems.push('no Effect');
  else if (!isSymbolic(effect) && !(typeof effect === 'string' && EFFECTS.has(effect))) {
    problems.push(`Effect ${JSON.stringify(effect)} is not "Allow" or "Deny"`);
  }
  for (const [one, other] of EXCLUSIVE_PAIRS) {
    if (element(statement, one) !== undefined && element(statement, other) !== undefined) {
      problems.push(`has both ${one} and ${other}`);
    }
  }
  if (element(statement, 'Action') === undefined && element(statement, 'NotAction') === undefined) {
    problems.push('has neither Action nor NotAction');
  }
  for (const [name] of PRINCIPAL_ELEMENTS) problems.push(...principalProblems(name, element(statement, name)));
  problems.push(...conditionProblems(element(statement, 'Condition')));
  return problems;
}

function principalProblems(name: string, value: Value | undefined): string[] {
  if (value === undefined || value === '*' || isSymbolic(value)) return [];
  if (!isRecord(value)) return [`${name} must be "*" or an object of principal types`];
  return Object.keys(value)
    .filter((type) => !PRINCIPAL_TYPES.has(type))
    .map((type) => `${name} has unknown principal type "${type}"`);
}

function conditionProblems(value: Value | undefined): string[] {
  if (value === undefined || isSymbolic(value)) return [];
  if (!isRecord(value)) return ['Condition is not an object'];
  return Object.entries(value)
    .filter(([, block]) => !isSymbolic(block) && !isRecord(block))
    .map(([operator]) => `Condition operator "${operator}" does not map condition keys to values`);
}
