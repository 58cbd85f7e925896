/** KMS203: another account may use the key with no condition on caller account, service, organisation or encryption context. */
import { administeringAccountOf, keyAccountOf } from '../access/index.js';
import { isServiceId, serviceInfo } from '../catalog/services.js';
import { CONFIG_PATH } from '../config/load.js';
import type { Key } from '../inventory/types.js';
import { where } from './support/lifecycle.js';
import { resourceById } from './support/lookup.js';
import { accessByKey, entryLocation, isDataPlaneAction, keyName, listActions, principalName, viaName } from './support/policy.js';
import { joinWords } from './support/words.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

/**
 * The conditions to add: the organisation, or the services the key's consumers call KMS through
 * (`kms:ViaService`, with the key's region when known) together with the caller's account.
 */
function conditionAdvice(ctx: RuleContext, key: Key, account: string): string {
  const region = key.region ?? resourceById(ctx.resources, key.id)?.region ?? '<region>';
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
    // The organisation's own accounts (config `accounts:`): never "another account".
    const listed = new Set(ctx.config.accounts.map((a) => a.id));
    for (const { key, access } of accessByKey(ctx)) {
      // Written (ARN, own root), else where its administrators are; still unknown (`${AWS::AccountId}`,
      // `data.aws_caller_identity`), a literal account is another one unless listed.
      const written = keyAccountOf(key);
      const account = written ?? administeringAccountOf(access.entries);
      const accountFrom = written ? 'policy' : account ? 'administrators' : null;
      for (const entry of access.entries) {
        const other = entry.principal.account;
        if (entry.via.kind !== 'key-policy' || !other || other === account || listed.has(other) || entry.restrictedBy.some(isConfining)) continue;
        const usage = entry.actions.filter(isDataPlaneAction);
        if (usage.length === 0) continue;
        const who = principalName(entry.principal);
        const location = entryLocation(ctx, entry);
        const statement = `${viaName(entry.via)}${location ? ` (${where(location)})` : ''}`;
        const grant =
          `${statement} lets ${who}${who.includes(other) ? '' : ` in account ${other}`} use it ` +
          `(${listActions(usage)}) with no condition on caller account, service, organisation or encryption context.`;
        drafts.push({
          key: key.id,
          subjects: [key.id],
          identity: entry.principal.id,
          message: account
            ? `Key ${keyName(key)} (account ${account}${accountFrom === 'administrators' ? ', where its administrators are' : ''}): ${grant} ${conditionAdvice(ctx, key, other)}`
            : `Key ${keyName(key)} (its account is known only at deploy time): ${grant} ${other} is not in accounts: of ${CONFIG_PATH}; ` +
              `if it is one of yours, list it there, else ${lowerFirst(conditionAdvice(ctx, key, other))}`,
          evidence: {
            keyAccount: account ?? null,
            keyAccountFrom: accountFrom,
            account: other,
            listedAccounts: [...listed],
            principal: entry.principal,
            actions: usage,
            statement: entry.via.statement,
            conditions: entry.conditions,
          },
          ...(location ? { location } : {}),
        });
      }
    }
    return drafts;
  },
};

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
