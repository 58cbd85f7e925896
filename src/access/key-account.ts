/** The account a key lives in: from its ARN, or from the account root its own policy delegates to. */
import { actionGroup } from '../catalog/actions.js';
import type { Key } from '../inventory/types.js';
import { statementActions } from './actions.js';
import { readPrincipalSet } from './principals.js';

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
