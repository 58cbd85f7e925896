/** The account a key lives in: from its ARN, or from the account root its own policy delegates to. */
import { actionGroup } from '../catalog/actions.js';
import type { Key } from '../inventory/types.js';
import { statementActions } from './actions.js';
import { readPrincipalSet } from './principals.js';
import type { AccessEntry } from './types.js';

/**
 * A referenced key's ARN names its account. A declared key's ARN is computed, but its policy
 * lets its own account's root administer it (AWS's default statement, written out): the first
 * Allow to an account root that includes administrative actions names the account.
 * Undefined when neither says (`${AWS::AccountId}`, a policy not known statically).
 */
export function keyAccountOf(key: Key): string | undefined {
  if (key.account) return key.account;
  for (const statement of key.policy?.document.statements ?? []) {
    if (statement.effect !== 'Allow' || !statement.principal) continue;
    const administers = statementActions(statement).actions.some((a) => actionGroup(a) === 'admin' || actionGroup(a) === 'policy');
    if (!administers) continue;
    const root = readPrincipalSet(statement.principal).principals.find((p) => p.kind === 'account');
    if (root) return root.account;
  }
  return undefined;
}

/**
 * When the key's own account is not written (`${AWS::AccountId}`, `data.aws_caller_identity`):
 * the one account whose principals the key policy lets administer the key. Administrative
 * operations (`kms:PutKeyPolicy`, `kms:ScheduleKeyDeletion`, `kms:DisableKey`…) work only from
 * the key's own account, so a policy granting them to literal principals of a single account
 * names that account. Undefined when none, or several accounts, administer it.
 */
export function administeringAccountOf(entries: readonly AccessEntry[]): string | undefined {
  const accounts = new Set<string>();
  for (const entry of entries) {
    if (entry.via.kind !== 'key-policy' || entry.principal.account === undefined) continue;
    if (entry.groups.includes('admin') || entry.groups.includes('policy')) accounts.add(entry.principal.account);
  }
  return accounts.size === 1 ? [...accounts][0] : undefined;
}
