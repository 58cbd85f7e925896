/** Policy statements → allowed access entries and deny rules. */
import type { Statement } from '../model/policy.js';
import { describeValue } from '../model/value.js';
import { groupsOf, statementActions } from './actions.js';
import { restrictingKeys } from './conditions.js';
import { principalKey, readPrincipalSet } from './principals.js';
import type { AccessEntry, AccessVia, Principal } from './types.js';

/** A Deny: whom it hits, which actions, and whether conditions make it a guard rather than a subtraction. */
export interface DenyRule {
  entry: AccessEntry;
  hits(principal: Principal): boolean;
  unconditional: boolean;
}

export interface Evaluated {
  allows: AccessEntry[];
  denies: DenyRule[];
  unknowns: string[];
}

/**
 * `principals` is set for identity policies and SCPs (no Principal element: the holders); key
 * policies read the statement's own Principal / NotPrincipal.
 */
export function evaluateStatement(statement: Statement, via: AccessVia, holders?: readonly Principal[]): Evaluated {
  const result: Evaluated = { allows: [], denies: [], unknowns: [] };
  const where = `${describeVia(via)}`;
  if (statement.effect !== 'Allow' && statement.effect !== 'Deny') {
    result.unknowns.push(`${where}: Effect ${describeValue(statement.effect)} is not known`);
    return result;
  }
  const { actions, unknown } = statementActions(statement);
  result.unknowns.push(...unknown.map((u) => `${where}: ${u}`));
  if (actions.length === 0) return result;
  // A statement whose Resource excludes everything (NotResource "*") applies to nothing.
  if (statement.notResource?.includes('*')) return result;

  const read = holders ? { principals: [...holders], unknown: [] } : readPrincipalSet(statement.principal ?? statement.notPrincipal ?? {});
  result.unknowns.push(...read.unknown.map((u) => `${where}: ${u}`));
  const conditions = statement.conditions;
  const entry = (principal: Principal): AccessEntry => ({
    principal,
    actions,
    groups: groupsOf(actions),
    via,
    conditions,
    restrictedBy: restrictingKeys(conditions),
  });

  if (statement.effect === 'Allow') {
    // NotPrincipal on an Allow admits everyone but the listed: as open as a wildcard.
    result.allows.push(...(statement.notPrincipal && !holders ? [entry({ kind: 'wildcard', id: '*' })] : read.principals.map(entry)));
    return result;
  }
  const unconditional = conditions.length === 0;
  if (statement.notPrincipal && !holders) {
    const spared = read.principals;
    result.denies.push({ entry: entry({ kind: 'wildcard', id: '*' }), hits: (p) => !spared.some((s) => samePrincipal(s, p)), unconditional });
  } else {
    for (const principal of read.principals) result.denies.push({ entry: entry(principal), hits: (p) => samePrincipal(principal, p), unconditional });
  }
  return result;
}

/** A rule about `denied` reaches `p`: the same principal, everyone (`*`), or anyone in a denied account. */
function samePrincipal(denied: Principal, p: Principal): boolean {
  if (denied.kind === 'wildcard') return true;
  if (denied.kind === 'account' && denied.account !== undefined && p.account === denied.account) return true;
  return principalKey(denied) === principalKey(p);
}

/** Removes the actions of unconditional denies from the entries they hit; entries left with nothing go. */
export function subtractDenies(entries: readonly AccessEntry[], denies: readonly DenyRule[], applies: (e: AccessEntry) => boolean = () => true): AccessEntry[] {
  const hard = denies.filter((d) => d.unconditional);
  return entries.flatMap((entry) => {
    if (!applies(entry)) return [entry];
    const denied = new Set(hard.filter((d) => d.hits(entry.principal)).flatMap((d) => d.entry.actions));
    if (denied.size === 0) return [entry];
    const actions = entry.actions.filter((a) => !denied.has(a));
    return actions.length === 0 ? [] : [{ ...entry, actions, groups: groupsOf(actions) }];
  });
}

export function describeVia(via: AccessVia): string {
  if (via.kind === 'key-policy') return `key policy statement ${via.statement}`;
  if (via.kind === 'grant') return `grant ${via.grant}`;
  return `IAM policy ${via.policy} statement ${via.statement}`;
}
