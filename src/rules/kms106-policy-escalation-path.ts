/** KMS106: a non-root principal holds kms:PutKeyPolicy or an unconstrained kms:CreateGrant. */
import { keyAccountOf } from '../access/index.js';
import type { AccessEntry } from '../access/types.js';
import { accessByKey, entryLocation, isOwnRoot, keyName, principalName, viaName } from './support/policy.js';
import type { FindingDraft, Rule } from './types.js';

/**
 * Conditions that keep `kms:CreateGrant` from re-delegating at will: grants only for AWS
 * resources, grants only through a service, or grants that must carry constraints.
 */
const GRANT_RESTRICTIONS = ['kms:grantisforawsresource', 'kms:viaservice', 'kms:encryptioncontextkeys', '$unknown'];
const isGrantRestriction = (key: string) => GRANT_RESTRICTIONS.includes(key.toLowerCase()) || key.toLowerCase().startsWith('kms:encryptioncontext:');

export const kms106: Rule = {
  id: 'KMS106',
  name: 'policy-escalation-path',
  principle: 'separation-of-duties',
  defaultSeverity: 'medium',
  rationale:
    'kms:PutKeyPolicy lets its holder rewrite the policy and give itself anything; an unconstrained kms:CreateGrant lets it hand the key to any principal. Only the account root should hold them.',
  check(ctx) {
    const drafts: FindingDraft[] = [];
    for (const { key, access } of accessByKey(ctx)) {
      const account = keyAccountOf(key);
      for (const entry of access.entries) {
        // Grants that re-delegate are KMS207's; services act for callers; the own root is the delegation.
        if (entry.via.kind === 'grant' || entry.principal.kind === 'service' || isOwnRoot(entry.principal, account)) continue;
        const paths = escalationPaths(entry);
        if (paths.length === 0) continue;
        const who = principalName(entry.principal);
        drafts.push({
          key: key.id,
          subjects: [key.id, ...(entry.principal.resource ? [entry.principal.resource] : [])],
          identity: `${entry.principal.resource ?? entry.principal.id}|${paths.join(',')}`,
          message:
            `Key ${keyName(key)}: ${who} holds ${paths.join(' and ')} via ${viaName(entry.via)}, so it can give itself or others any access. ` +
            `Keep kms:PutKeyPolicy with the account root and restrict kms:CreateGrant with "kms:GrantIsForAWSResource": "true".`,
          evidence: { principal: entry.principal, actions: paths, via: entry.via, conditions: entry.conditions },
          location: entryLocation(ctx, entry),
        });
      }
    }
    return drafts;
  },
};

function escalationPaths(entry: AccessEntry): string[] {
  const paths: string[] = [];
  if (entry.actions.includes('kms:PutKeyPolicy')) paths.push('kms:PutKeyPolicy');
  // `kms:GrantConstraintType` narrows how, not who, so it is not among `restrictedBy`.
  const constrained = entry.conditions.some((c) => c.key.toLowerCase() === 'kms:grantconstrainttype' && !/not|null/i.test(c.base));
  if (entry.actions.includes('kms:CreateGrant') && !constrained && !entry.restrictedBy.some(isGrantRestriction)) paths.push('unconstrained kms:CreateGrant');
  return paths;
}
