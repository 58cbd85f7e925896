/** KMS201: the key policy allows `*` (anyone) without a condition that narrows who. */
import type { AccessEntry } from '../access/types.js';
import { accessByKey, entryLocation, keyName, listActions, viaName } from './support/policy.js';
import type { FindingDraft, Rule } from './types.js';

/**
 * Conditions that pin an open principal to known callers. `kms:ViaService` alone is not among
 * them: any account's principals may call through the service. `$unknown` is a condition block
 * not known statically: it may restrict, so it is not reported.
 */
const WHO_RESTRICTIONS = new Set([
  'aws:principalorgid',
  'aws:principalorgpaths',
  'aws:principalaccount',
  'aws:principalarn',
  'kms:calleraccount',
  'aws:sourceaccount',
  'aws:sourcevpce',
  'aws:sourcevpc',
  'aws:sourcearn',
  '$unknown',
]);

export const kms201: Rule = {
  id: 'KMS201',
  name: 'wildcard-principal',
  principle: 'key-policy',
  defaultSeverity: 'critical',
  rationale: 'A key policy statement that allows "*" without a condition on the caller lets any AWS principal, in any account, use or manage the key.',
  check(ctx) {
    const drafts: FindingDraft[] = [];
    for (const { key, access } of accessByKey(ctx)) {
      for (const entry of access.entries) {
        if (entry.principal.kind !== 'wildcard' || entry.via.kind !== 'key-policy' || isPinned(entry)) continue;
        const narrowedBy = entry.restrictedBy.length > 0 ? ` Its conditions (${entry.restrictedBy.join(', ')}) do not say who may call.` : '';
        drafts.push({
          key: key.id,
          subjects: [key.id],
          identity: entry.via.statement,
          message:
            `Key ${keyName(key)}: ${viaName(entry.via)} allows any AWS principal ("*") ${listActions(entry.actions)}.${narrowedBy} ` +
            'Name the principals, or add a condition such as aws:PrincipalOrgID or kms:CallerAccount.',
          evidence: { statement: entry.via.statement, actions: entry.actions, conditions: entry.conditions, restrictedBy: entry.restrictedBy },
          location: entryLocation(ctx, entry),
        });
      }
    }
    return drafts;
  },
};

function isPinned(entry: AccessEntry): boolean {
  return entry.restrictedBy.some((key) => WHO_RESTRICTIONS.has(key.toLowerCase()));
}
