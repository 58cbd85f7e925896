/** KMS105: one principal may both administer and use a key (separation of duties). */
import { keyAccountOf } from '../access/index.js';
import { principalKey } from '../access/principals.js';
import type { AccessEntry } from '../access/types.js';
import { accessByKey, entryLocation, isAdminAction, isDataPlaneAction, isOwnRoot, keyName, listActions, principalName, viaName } from './support/policy.js';
import type { FindingDraft, Rule } from './types.js';

export const kms105: Rule = {
  id: 'KMS105',
  name: 'admin-and-user-same-principal',
  principle: 'separation-of-duties',
  defaultSeverity: 'high',
  rationale:
    'Key administrators should not be key users: a principal that can both change the key (its policy, state, deletion) and decrypt with it defeats separation of duties.',
  check(ctx) {
    const drafts: FindingDraft[] = [];
    for (const { key, access } of accessByKey(ctx)) {
      const account = keyAccountOf(key);
      const byPrincipal = new Map<string, AccessEntry[]>();
      for (const entry of access.entries) {
        // Services act for their callers; the own account root is the delegation to IAM.
        if (entry.principal.kind === 'service' || entry.principal.kind === 'unknown' || isOwnRoot(entry.principal, account)) continue;
        const id = principalKey(entry.principal);
        byPrincipal.set(id, [...(byPrincipal.get(id) ?? []), entry]);
      }
      for (const [id, entries] of byPrincipal) {
        const admin = holding(entries, isAdminAction);
        const usage = holding(entries, isDataPlaneAction);
        if (!admin || !usage) continue;
        const principal = entries[0].principal;
        // Written twice with a deploy-time part: the identical text is what makes it one principal.
        const twice = admin.entry !== usage.entry && principal.account === undefined && principal.id.includes('${');
        const who = `${principalName(principal)}${twice ? ' (written the same way in both; its account is known only at deploy time)' : ''}`;
        drafts.push({
          key: key.id,
          subjects: [key.id, ...(principal.resource ? [principal.resource] : [])],
          identity: id,
          message:
            `Key ${keyName(key)}: ${who} can administer it (${listActions(admin.actions, 3)} via ${viaName(admin.entry.via)}) ` +
            `and use it (${listActions(usage.actions, 3)} via ${viaName(usage.entry.via)}). Give administration and usage to different principals.`,
          evidence: {
            principal,
            admin: { actions: admin.actions, via: admin.entry.via },
            usage: { actions: usage.actions, via: usage.entry.via },
          },
          location: entryLocation(ctx, admin.entry),
        });
      }
    }
    return drafts;
  },
};

/** The first entry holding actions of the kind, and all such actions across the entries. */
function holding(entries: readonly AccessEntry[], kind: (action: string) => boolean): { entry: AccessEntry; actions: string[] } | undefined {
  const entry = entries.find((e) => e.actions.some(kind));
  if (!entry) return undefined;
  return { entry, actions: [...new Set(entries.flatMap((e) => e.actions.filter(kind)))] };
}
