/** KMS203: another account may use the key with no condition on caller account, service, organisation or encryption context. */
import { keyAccountOf } from '../access/index.js';
import { isServiceId, serviceInfo } from '../catalog/services.js';
import type { Key } from '../inventory/types.js';
import { resourceById } from './support/governance.js';
import { accessByKey, entryLocation, isDataPlaneAction, keyName, listActions, principalName, viaName } from './support/policy.js';
import { joinWords } from './support/words.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

/**
 * The conditions to add: the organisation, or the services the key's consumers call KMS through
 * (`kms:ViaService`, with the key's region when known) together with the caller's account.
 */
function conditionAdvice(ctx: RuleContext, key: Key, account: string): string {
  const region = key.region ?? resourceById(ctx, key.id)?.region ?? '<region>';
  const hosts = [...new Set(key.consumers.flatMap((c) => (isServiceId(c.service) ? [serviceInfo(c.service).viaService] : [])))]
    .filter((h): h is string => h !== undefined)
    .sort()
    .map((h) => `${h}.${region}.amazonaws.com`);
  const via = hosts.length > 0 ? joinWords(hosts) : `<service>.${region}.amazonaws.com`;
  return `Add aws:PrincipalOrgID, or kms:ViaService ${via} together with kms:CallerAccount ${account}.`;
}

/** Conditions that confine a cross-account caller (`$unknown`: a condition block not known statically). */
const isConfining = (key: string) =>
  ['kms:calleraccount', 'kms:viaservice', 'aws:principalorgid', 'aws:principalorgpaths', 'kms:encryptioncontextkeys', '$unknown'].includes(key.toLowerCase()) ||
  key.toLowerCase().startsWith('kms:encryptioncontext:');

export const kms203: Rule = {
  id: 'KMS203',
  name: 'cross-account-unconstrained',
  principle: 'key-policy',
  defaultSeverity: 'medium',
  rationale:
    'A key shared with another account should be usable only from that account, through the intended services, within the organisation or for the intended encryption context; otherwise anything in the other account may decrypt.',
  check(ctx) {
    const drafts: FindingDraft[] = [];
    for (const { key, access } of accessByKey(ctx)) {
      const account = keyAccountOf(key);
      // Without the key's own account, "another account" cannot be told.
      if (!account) continue;
      for (const entry of access.entries) {
        const other = entry.principal.account;
        if (entry.via.kind !== 'key-policy' || !other || other === account || entry.restrictedBy.some(isConfining)) continue;
        const usage = entry.actions.filter(isDataPlaneAction);
        if (usage.length === 0) continue;
        const who = principalName(entry.principal);
        drafts.push({
          key: key.id,
          subjects: [key.id],
          identity: entry.principal.id,
          message:
            `Key ${keyName(key)} (account ${account}): ${viaName(entry.via)} lets ${who}${who.includes(other) ? '' : ` in account ${other}`} use it ` +
            `(${listActions(usage)}) with no condition on caller account, service, organisation or encryption context. ${conditionAdvice(ctx, key, other)}`,
          evidence: {
            keyAccount: account,
            account: other,
            principal: entry.principal,
            actions: usage,
            statement: entry.via.statement,
            conditions: entry.conditions,
          },
          location: entryLocation(ctx, entry),
        });
      }
    }
    return drafts;
  },
};
