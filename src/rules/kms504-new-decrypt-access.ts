/** KMS504: a principal gains usage (decrypt, encrypt, sign…) of a key it could not use before. */
import { keyAccountOf } from '../access/index.js';
import type { AccessEntry, KeyAccess } from '../access/types.js';
import type { Key } from '../inventory/types.js';
import type { ConditionClause } from '../model/policy.js';
import { describeValue } from '../model/value.js';
import { classifiedData, keyPairs, keyText, listOf, servesProduction } from './support/change.js';
import { where } from './support/lifecycle.js';
import { entryLocation, isDataPlaneAction, isOwnRoot, listActions, policyCopiedFromKey, principalName, viaName } from './support/policy.js';
import type { ChangeContext, FindingDraft, Rule, RuleContext, Severity } from './types.js';

export const kms504: Rule = {
  id: 'KMS504',
  name: 'new-decrypt-access',
  principle: 'change',
  defaultSeverity: 'medium',
  rationale:
    'Who may decrypt is the security of everything a key protects. A pull request that lets a new principal use a key widens access to all of its data, and deserves an explicit review of who, through what, and under which conditions.',
  checkChange(ctx: ChangeContext): FindingDraft[] {
    const drafts: FindingDraft[] = [];
    for (const { diff, base, head } of keyPairs(ctx)) {
      if (!head) continue;
      const access = usableAccess(ctx.head, head);
      if (!access) continue;
      const before = new Set(
        base
          ? (usableAccess(ctx.base, base)
              ?.entries.filter((e) => e.actions.some(isDataPlaneAction))
              .map((e) => e.principal.id) ?? [])
          : [],
      );
      const account = keyAccountOf(head);
      const gained = new Map<string, AccessEntry[]>();
      for (const entry of access.entries) {
        if (!entry.actions.some(isDataPlaneAction) || before.has(entry.principal.id)) continue;
        // The key's own account root only delegates to IAM policies; what they grant shows up as `iam` entries.
        if (isOwnRoot(entry.principal, account)) continue;
        gained.set(entry.principal.id, [...(gained.get(entry.principal.id) ?? []), entry]);
      }
      for (const entries of gained.values()) drafts.push(draft(ctx.head, head, entries, diff.change === 'added'));
    }
    return drafts;
  },
};

/** A key's entries, without key-policy statements copied from another key (reported on that key). */
function usableAccess(side: RuleContext, key: Key): KeyAccess | undefined {
  const access = side.access.get(key.id);
  if (!access || !policyCopiedFromKey(side, key)) return access;
  return { ...access, entries: access.entries.filter((e) => e.via.kind !== 'key-policy') };
}

function conditionText(clause: ConditionClause): string {
  return `${clause.operator} ${clause.key} = ${clause.values.map((v) => describeValue(v)).join(' | ')}`;
}

function draft(side: RuleContext, key: Key, entries: AccessEntry[], newKey: boolean): FindingDraft {
  const [first] = entries;
  const principal = first.principal;
  const actions = [...new Set(entries.flatMap((e) => e.actions.filter(isDataPlaneAction)))].sort();
  const restricted = entries.every((e) => e.restrictedBy.length > 0);
  const vias = entries.map((e) => {
    const at = entryLocation(side, e);
    const conditions = e.conditions.length > 0 ? `under ${e.conditions.map(conditionText).join('; ')}` : 'with no condition';
    return `${viaName(e.via)}${at ? ` (${where(at)})` : ''} ${conditions}`;
  });
  const production = servesProduction(key);
  const classified = classifiedData(key);
  const context = [production ? 'a production key' : '', classified.length > 0 ? `${classified.join(', ')} data` : ''].filter(Boolean).join(' with ');
  const severity = severityOf({ newKey, restricted, wildcard: principal.kind === 'wildcard', sensitive: production || classified.length > 0 });
  const was = newKey ? 'This PR creates the key and' : 'Before this PR it could not use the key;';
  return {
    key: key.id,
    severity,
    subjects: [...new Set(entries.flatMap((e) => (e.via.kind === 'grant' ? [e.via.grant] : e.via.kind === 'iam' ? [e.via.policy] : [])))].sort(),
    identity: `${principal.id}|usage`,
    message:
      `${principalName(principal)} can now use key ${keyText(side, key)}${context ? ` (${context})` : ''}: ${listActions(actions)}, via ${listOf(vias)}. ` +
      `${was} ${newKey ? 'lets it in from the start.' : 'check that it needs this access and that conditions (kms:ViaService, kms:CallerAccount, encryption context) confine it.'}`,
    evidence: {
      principal: principal.id,
      principalKind: principal.kind,
      ...(principal.resource ? { principalResource: principal.resource } : {}),
      group: 'usage',
      actions,
      via: entries.map((e) => ({ ...e.via, ...(e.via.location ? { location: where(entryLocation(side, e) ?? e.via.location) } : {}) })),
      conditions: entries.flatMap((e) => e.conditions.map(conditionText)),
      restrictedBy: [...new Set(entries.flatMap((e) => e.restrictedBy))].sort(),
      production,
      dataClasses: classified,
      newKey,
    },
    location: entryLocation(side, first) ?? first.via.location ?? key.location,
  };
}

/**
 * Medium; high on a production key or one protecting classified data. Conditions on every granting
 * statement lower that one step; a new key's first users, or anyone only inside a condition-narrowed
 * `*`, are context (info).
 */
function severityOf(c: { newKey: boolean; restricted: boolean; wildcard: boolean; sensitive: boolean }): Severity {
  if (c.newKey || (c.wildcard && c.restricted)) return 'info';
  const base: Severity = c.sensitive ? 'high' : 'medium';
  if (!c.restricted) return base;
  return base === 'high' ? 'medium' : 'low';
}
