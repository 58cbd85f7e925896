/** KMS204: an IAM identity policy allows KMS usage actions on `Resource: "*"` (every key). */
import { statementActions } from '../access/actions.js';
import { collectIdentityPolicies } from '../access/index.js';
import type { Value } from '../model/types.js';
import { addressOf, isDataPlaneAction, listActions, statementLocation } from './support/policy.js';
import type { FindingDraft, Rule } from './types.js';

/** `*`, or a key ARN pattern that names every key (`arn:aws:kms:*:*:key/*`). */
const ANY_KEY = /^arn:[^:]*:kms:[^:]*:[^:]*:(key\/)?\*$/;
/** Conditions that pick keys by alias or tag (ABAC): the statement no longer reaches every key. */
const picksKeys = (key: string) => /^(kms:resourcealiases|kms:requestalias|aws:resourcetag\/.*|\$unknown)$/i.test(key);

export const kms204: Rule = {
  id: 'KMS204',
  name: 'identity-policy-wildcard-kms',
  principle: 'key-policy',
  defaultSeverity: 'high',
  rationale:
    'An identity policy that allows Decrypt (or other usage) on every key gives its holders every key whose policy delegates to IAM, today and in future: least privilege across keys is lost.',
  check(ctx) {
    const drafts: FindingDraft[] = [];
    for (const policy of collectIdentityPolicies(ctx.resources)) {
      policy.document.statements.forEach((statement, index) => {
        if (statement.effect !== 'Allow' || !(statement.resource ?? []).some(isAnyKey)) return;
        if (statement.conditions.some((c) => picksKeys(c.key) && !/not|null/i.test(c.base))) return;
        const usage = statementActions(statement).actions.filter(isDataPlaneAction);
        if (usage.length === 0) return;
        const label = statement.sid ? `statement "${statement.sid}"` : `statement #${index}`;
        const holders = policy.holders.map((h) => h.id);
        const heldBy = holders.length > 0 ? `held by ${holders.join(', ')}` : 'not attached to anything in this repository';
        drafts.push({
          subjects: [policy.resource.id, ...policy.holders.flatMap((h) => (h.resource ? [h.resource] : []))],
          identity: `${addressOf(policy.resource.id)}|${policy.label}|${statement.sid ?? index}`,
          message:
            `IAM policy ${policy.label} (${label}, ${heldBy}) allows ${listActions(usage)} on Resource "*": every key that delegates to IAM. ` +
            'Name the key ARNs, or select keys with a kms:ResourceAliases or aws:ResourceTag condition.',
          evidence: { policy: policy.resource.id, statement: statement.sid ?? `#${index}`, actions: usage, holders: policy.holders },
          location: statement.location ?? statementLocation(ctx, policy.location, statement.sid),
        });
      });
    }
    return drafts;
  },
};

function isAnyKey(value: Value): boolean {
  return value === '*' || (typeof value === 'string' && ANY_KEY.test(value));
}
