/**
 * Does an identity policy / SCP statement reach this key? Through its Resource (the key's ARN by
 * reference or literal, a wildcard), then narrowed by alias and resource-tag conditions.
 */
import type { Key } from '../inventory/types.js';
import type { ConditionClause, Statement } from '../model/policy.js';
import type { Value } from '../model/types.js';
import { isOneOf, isRef, isUnknown } from '../model/value.js';

/** `key`: names this key; `wildcard`: any key (`*`, `arn:aws:kms:*:*:key/*`); `none`; `unknown`: cannot tell. */
export type ResourceMatch = 'key' | 'wildcard' | 'none' | 'unknown';

const RANK: Record<ResourceMatch, number> = { none: 0, unknown: 1, wildcard: 2, key: 3 };
/** A key ARN pattern whose key id part is a wildcard: it covers keys whose ARN is computed. */
const KEY_ARN_WILDCARD = /^arn:[^:]*:kms:[^:]*:[^:]*:key\/\*$/;

export function statementReachesKey(statement: Statement, key: Key): ResourceMatch {
  // NotResource: everything except what is listed; listing this key by reference is rare enough to ignore.
  const byResource = statement.notResource ? 'wildcard' : best((statement.resource ?? []).map((v) => valueMatch(v, key)));
  if (byResource === 'none' || byResource === 'unknown') return byResource;
  return conditionsExclude(statement.conditions, key) ? 'none' : byResource;
}

function best(matches: ResourceMatch[]): ResourceMatch {
  return matches.reduce<ResourceMatch>((a, b) => (RANK[b] > RANK[a] ? b : a), 'none');
}

function valueMatch(value: Value, key: Key): ResourceMatch {
  if (isOneOf(value)) return best(value.options.map((o) => valueMatch(o, key)));
  if (isRef(value)) return `${value.unit}:${value.address}` === key.id ? 'key' : 'none';
  if (isUnknown(value)) return value.refs?.some((r) => `${r.unit}:${r.address}` === key.id) ? 'key' : 'unknown';
  if (typeof value !== 'string') return 'none';
  if (value === '*') return 'wildcard';
  if (!key.declared && wildcardMatches(value, key.id)) return value.includes('*') ? 'wildcard' : 'key';
  if (key.declared && KEY_ARN_WILDCARD.test(value) && accountAllows(value, key)) return 'wildcard';
  return 'none';
}

function accountAllows(arn: string, key: Key): boolean {
  const account = arn.split(':')[4];
  return account === '*' || key.account === undefined || account === key.account;
}

/** Alias (`kms:ResourceAliases`, `kms:RequestAlias`) and `aws:ResourceTag/…` conditions that this key cannot satisfy. */
function conditionsExclude(conditions: readonly ConditionClause[], key: Key): boolean {
  return conditions.some((clause) => {
    if (/not|null/i.test(clause.base) || clause.ifExists) return false;
    const name = clause.key.toLowerCase();
    const strings = clause.values.filter((v): v is string => typeof v === 'string');
    if (strings.length !== clause.values.length) return false;
    if (name === 'kms:resourcealiases' || name === 'kms:requestalias') {
      return !key.aliases.some((alias) => strings.some((pattern) => wildcardMatches(pattern, alias)));
    }
    if (name.startsWith('aws:resourcetag/')) {
      const tag = tagValue(key, clause.key.slice('aws:ResourceTag/'.length));
      return tag !== undefined && !strings.some((pattern) => wildcardMatches(pattern, tag));
    }
    return false;
  });
}

function tagValue(key: Key, name: string): string | undefined {
  const found = Object.entries(key.tags).find(([tag]) => tag.toLowerCase() === name.toLowerCase());
  return found?.[1];
}

/** IAM string wildcards (`*`, `?`), case-sensitive like ARNs. */
export function wildcardMatches(pattern: string, text: string): boolean {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`).test(text);
}
