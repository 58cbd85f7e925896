/** KMS106: a non-root principal holds kms:PutKeyPolicy or an unconstrained kms:CreateGrant. */
import { keyAccountOf } from '../access/index.js';
import type { AccessEntry } from '../access/types.js';
import type { Location } from '../model/types.js';
import { lineRef } from './support/mix.js';
import { accessByKey, entryLocation, isOwnRoot, keyName, principalName, viaName } from './support/policy.js';
import { joinWords } from './support/words.js';
import type { FindingDraft, Rule } from './types.js';

const PUT_KEY_POLICY = 'kms:PutKeyPolicy';
const CREATE_GRANT = 'unconstrained kms:CreateGrant';

/** What each escalation path lets its holder do, and what to change: the advice follows the action that fired. */
const PATHS: Record<string, { does: string; fix: string; anyoneFix: string }> = {
  [PUT_KEY_POLICY]: {
    does: 'rewrite the key policy',
    fix: 'keep kms:PutKeyPolicy with the account root',
    anyoneFix: 'remove PutKeyPolicy',
  },
  [CREATE_GRANT]: {
    does: 'hand the key to any principal',
    fix: 'add the condition "kms:GrantIsForAWSResource": "true" to its kms:CreateGrant',
    anyoneFix: 'remove CreateGrant or require kms:GrantIsForAWSResource and aws:PrincipalOrgID',
  },
};

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
        const location = entryLocation(ctx, entry);
        drafts.push({
          key: key.id,
          subjects: [key.id, ...(entry.principal.resource ? [entry.principal.resource] : [])],
          identity: `${entry.principal.resource ?? entry.principal.id}|${paths.join(',')}`,
          message: entry.principal.kind === 'wildcard' ? anyoneMessage(keyName(key), paths, location) : holderMessage(keyName(key), paths, entry),
          evidence: { principal: entry.principal, actions: paths, via: entry.via, conditions: entry.conditions },
          location,
        });
      }
    }
    return drafts;
  },
};

/** `"*"` as principal: KMS201 already says anyone may use the key; this says what anyone may escalate to. */
function anyoneMessage(key: string, paths: string[], location: Location | undefined): string {
  const actions = paths.map((p) => (p === CREATE_GRANT ? 'kms:CreateGrant' : p));
  const where = location ? ` (${lineRef(location)})` : '';
  const does = joinWords(paths.map((p) => PATHS[p].does));
  const fixes = paths.map((p) => PATHS[p].anyoneFix);
  // The fixes contain "or" and "and" themselves: two of them are set apart with a comma.
  return paths.length === 1
    ? `Anyone may call ${actions[0]} on ${key}${where} and ${does}; ${fixes[0]}.`
    : `Anyone may call ${joinWords(actions)} on ${key}${where}, so anyone can ${does}; ${fixes.join(', and ')}.`;
}

function holderMessage(key: string, paths: string[], entry: AccessEntry): string {
  const fix = joinWords(paths.map((p) => PATHS[p].fix));
  return (
    `Key ${key}: ${principalName(entry.principal)} holds ${joinWords(paths)} via ${viaName(entry.via)}, ` +
    `so it can ${joinWords(paths.map((p) => PATHS[p].does))}. ${fix.charAt(0).toUpperCase()}${fix.slice(1)}.`
  );
}

function escalationPaths(entry: AccessEntry): string[] {
  const paths: string[] = [];
  if (entry.actions.includes('kms:PutKeyPolicy')) paths.push(PUT_KEY_POLICY);
  // `kms:GrantConstraintType` narrows how, not who, so it is not among `restrictedBy`.
  const constrained = entry.conditions.some((c) => c.key.toLowerCase() === 'kms:grantconstrainttype' && !/not|null/i.test(c.base));
  if (entry.actions.includes('kms:CreateGrant') && !constrained && !entry.restrictedBy.some(isGrantRestriction)) paths.push(CREATE_GRANT);
  return paths;
}
