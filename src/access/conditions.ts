/** Which conditions of a statement narrow who may act or how: recorded as `restrictedBy`. */
import type { ConditionClause } from '../model/policy.js';
import type { Value } from '../model/types.js';
import { isRef } from '../model/value.js';
import { UNRESOLVED } from '../parse/policy/normalize.js';

/** Condition keys that narrow a permission, lower case; `prefix: true` matches `<key><anything>`. */
const RESTRICTING_KEYS: readonly { key: string; prefix?: boolean; alwaysPresent?: boolean }[] = [
  // Present on every KMS request, so `…IfExists` still restricts.
  { key: 'kms:calleraccount', alwaysPresent: true },
  { key: 'aws:principalarn', alwaysPresent: true },
  { key: 'aws:principalaccount', alwaysPresent: true },
  { key: 'aws:principaltype', alwaysPresent: true },
  { key: 'kms:viaservice' },
  { key: 'aws:principalorgid' },
  { key: 'aws:principalorgpaths' },
  { key: 'aws:sourcevpce' },
  { key: 'aws:sourcevpc' },
  { key: 'aws:sourceaccount' },
  { key: 'aws:sourcearn' },
  { key: 'kms:encryptioncontext:', prefix: true },
  { key: 'kms:encryptioncontextkeys' },
  { key: 'kms:grantisforawsresource' },
  { key: 'aws:resourcetag/', prefix: true },
  { key: 'aws:principaltag/', prefix: true },
  { key: 'kms:requestalias' },
  { key: 'kms:resourcealiases' },
];

/** The restricting condition keys of these clauses (as written), each once; `$unknown` for a condition block not known statically. */
export function restrictingKeys(conditions: readonly ConditionClause[]): string[] {
  const keys = new Set<string>();
  for (const clause of conditions) {
    if (clause.key === UNRESOLVED) keys.add(UNRESOLVED);
    else if (restricts(clause)) keys.add(clause.key);
  }
  return [...keys];
}

function restricts(clause: ConditionClause): boolean {
  const key = clause.key.toLowerCase();
  const known = RESTRICTING_KEYS.find((k) => (k.prefix ? key.startsWith(k.key) : key === k.key));
  if (!known) return false;
  // `Null` only tests presence; negated operators on an Allow admit everyone else.
  if (/^null$/i.test(clause.base) || /not/i.test(clause.base)) return false;
  // `…IfExists` on a key absent from the request is satisfied by absence.
  if (clause.ifExists && !known.alwaysPresent) return false;
  if (clause.values.length === 0 || clause.values.every(isMatchAll)) return false;
  // `aws:SourceArn` narrows only with a concrete ARN, not a pattern.
  if (key === 'aws:sourcearn') return clause.values.every((v) => isRef(v) || (typeof v === 'string' && v.startsWith('arn:') && !v.includes('*')));
  // `kms:GrantIsForAWSResource` must be true to restrict.
  if (key === 'kms:grantisforawsresource') return clause.values.every((v) => v === true || v === 'true');
  return true;
}

function isMatchAll(value: Value): boolean {
  return value === '*';
}
