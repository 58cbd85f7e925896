/** Grants on a key → access entries; the grant's constraints become encryption-context conditions. */
import type { Grant } from '../inventory/types.js';
import type { ConditionClause } from '../model/policy.js';
import type { Value } from '../model/types.js';
import { describeValue, isRecord } from '../model/value.js';
import { parseOperator } from '../parse/policy/normalize.js';
import { grantActions, groupsOf } from './actions.js';
import { restrictingKeys } from './conditions.js';
import { readPrincipal } from './principals.js';
import type { AccessEntry } from './types.js';

/** Constraint block field (Terraform and API spelling) → the condition operator it amounts to. */
const CONSTRAINT_OPERATORS: Record<string, string> = {
  encryption_context_equals: 'StringEquals',
  EncryptionContextEquals: 'StringEquals',
  encryption_context_subset: 'StringEquals',
  EncryptionContextSubset: 'StringEquals',
};

export interface GrantAccess {
  entries: AccessEntry[];
  unknowns: string[];
}

export function grantAccess(grant: Grant): GrantAccess {
  const unknowns: string[] = [];
  const operations = listOf(grant.operations);
  const known = operations.filter((op): op is string => typeof op === 'string');
  if (known.length !== operations.length || operations.length === 0) {
    unknowns.push(`grant ${grant.id}: operations ${describeValue(grant.operations)} not known statically`);
  }
  const actions = grantActions(known);
  // A service principal is written bare (`logs.eu-west-1.amazonaws.com`) in a grant.
  const type = typeof grant.grantee === 'string' && grant.grantee.endsWith('.amazonaws.com') ? 'Service' : 'AWS';
  const read = readPrincipal(grant.grantee, type);
  unknowns.push(...read.unknown.map((u) => `grant ${grant.id}: ${u}`));
  if (actions.length === 0) return { entries: [], unknowns };
  const conditions = grantConditions(grant.constraints);
  const entries = read.principals.map((principal) => ({
    principal,
    actions,
    groups: groupsOf(actions),
    via: { kind: 'grant' as const, grant: grant.id, location: grant.location },
    conditions,
    restrictedBy: restrictingKeys(conditions),
  }));
  return { entries, unknowns };
}

/** `constraints { encryption_context_equals = {a = "b"} }` → `StringEquals kms:EncryptionContext:a = b`. */
export function grantConditions(constraints: Value): ConditionClause[] {
  return listOf(constraints)
    .filter(isRecord)
    .flatMap((block) =>
      Object.entries(block).flatMap(([field, context]) => {
        const operator = CONSTRAINT_OPERATORS[field];
        if (!operator || !isRecord(context)) return [];
        return Object.entries(context).map(([name, value]) => ({ ...parseOperator(operator), key: `kms:EncryptionContext:${name}`, values: [value] }));
      }),
    );
}

function listOf(value: Value): Value[] {
  if (value === null) return [];
  return Array.isArray(value) ? value : [value];
}
