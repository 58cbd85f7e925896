/** KMS202: `kms:*` (or `*`) to a principal other than the key's own account root. */
import { coversAllActions } from '../access/actions.js';
import { keyAccountOf } from '../access/index.js';
import { accessByKey, entryLocation, isOwnRoot, keyName, principalName, viaName } from './support/policy.js';
import type { FindingDraft, Rule } from './types.js';

export const kms202: Rule = {
  id: 'KMS202',
  name: 'full-access-to-principal',
  principle: 'key-policy',
  defaultSeverity: 'high',
  rationale:
    'kms:* gives one principal every duty at once (administration, policy, grants, cryptography). Only the account root statement, which delegates to IAM, should hold it.',
  check(ctx) {
    const drafts: FindingDraft[] = [];
    for (const { key, access } of accessByKey(ctx)) {
      const account = keyAccountOf(key);
      for (const entry of access.entries) {
        // Identity policies with kms:* are KMS204's concern; the own root is the standard delegation.
        if (entry.via.kind !== 'key-policy' || !coversAllActions(entry.actions) || isOwnRoot(entry.principal, account)) continue;
        const who = principalName(entry.principal);
        drafts.push({
          key: key.id,
          subjects: [key.id, ...(entry.principal.resource ? [entry.principal.resource] : [])],
          identity: entry.principal.resource ?? entry.principal.id,
          message:
            `Key ${keyName(key)}: ${viaName(entry.via)} gives ${who} every KMS action (kms:*). ` +
            'List the actions this principal needs: administration or usage, not both.',
          evidence: { principal: entry.principal, statement: entry.via.statement, conditions: entry.conditions },
          location: entryLocation(ctx, entry),
        });
      }
    }
    return drafts;
  },
};
