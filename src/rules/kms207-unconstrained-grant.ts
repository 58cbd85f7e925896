/** KMS207: a grant without constraints, or one that allows CreateGrant (re-delegation). */
import { grantConditions } from '../access/grants.js';
import type { Grant } from '../inventory/types.js';
import type { Value } from '../model/types.js';
import { isSymbolic } from '../model/value.js';
import { addressOf, isDataPlaneAction, keyName } from './support/policy.js';
import type { FindingDraft, Rule } from './types.js';

export const kms207: Rule = {
  id: 'KMS207',
  name: 'unconstrained-grant',
  principle: 'key-policy',
  defaultSeverity: 'medium',
  rationale:
    'A grant without an encryption-context constraint lets its grantee use the key for any data; a grant that allows CreateGrant lets the grantee pass the key on without a policy change anyone reviews.',
  check(ctx) {
    const drafts: FindingDraft[] = [];
    for (const key of ctx.inventory.keys) {
      for (const grant of key.grants) {
        const problems = grantProblems(grant);
        if (problems.length === 0) continue;
        drafts.push({
          key: key.id,
          subjects: [grant.id],
          identity: grant.id,
          message:
            `Grant ${addressOf(grant.id)} on key ${keyName(key)} (grantee ${describeGrantee(grant.grantee)}) ${problems.join(' and ')}. ` +
            'Add constraints { encryption_context_equals = {…} } and leave CreateGrant out of its operations.',
          evidence: { grant: grant.id, grantee: grant.grantee, operations: grant.operations, constraints: grant.constraints, problems },
          location: grant.location,
        });
      }
    }
    return drafts;
  },
};

function grantProblems(grant: Grant): string[] {
  const operations = Array.isArray(grant.operations) ? grant.operations.filter((op): op is string => typeof op === 'string') : [];
  const problems: string[] = [];
  // Constraints only limit cryptographic operations; a grant of DescribeKey alone needs none.
  const unconstrained = !isSymbolic(grant.constraints) && grantConditions(grant.constraints).length === 0 && !hasSymbolicConstraint(grant.constraints);
  if (unconstrained && (operations.some((op) => isDataPlaneAction(`kms:${op}`)) || !Array.isArray(grant.operations))) problems.push('has no constraints');
  if (operations.includes('CreateGrant')) problems.push('allows CreateGrant (re-delegation)');
  return problems;
}

/** A constraints block whose context is not known statically may constrain: not reported. */
function hasSymbolicConstraint(constraints: Value): boolean {
  const blocks = Array.isArray(constraints) ? constraints : [constraints];
  return blocks.some((b) => isSymbolic(b) || (typeof b === 'object' && b !== null && Object.values(b).some(isSymbolic)));
}

function describeGrantee(grantee: Value): string {
  return typeof grantee === 'string' ? grantee : isSymbolic(grantee) && grantee.$kind === 'ref' ? grantee.address : JSON.stringify(grantee);
}
