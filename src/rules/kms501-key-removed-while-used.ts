/** KMS501: the PR deletes (or disables on the way to deletion) a key that base consumers still need. */
import type { KeyDiff } from '../diff/types.js';
import type { Consumer, Key } from '../inventory/types.js';
import type { Location } from '../model/types.js';
import { consumerEvidence, consumerText, hasResource, keyPairs, keyText, listOf, plural, referenceId } from './support/change.js';
import { isKnown, keyAttributeName, setting, where } from './support/lifecycle.js';
import { resourceById } from './support/lookup.js';
import type { ChangeContext, FindingDraft, Rule, RuleContext } from './types.js';

export const kms501: Rule = {
  id: 'KMS501',
  name: 'key-removed-while-used',
  principle: 'change',
  defaultSeverity: 'critical',
  rationale:
    'Deleting a KMS key destroys every ciphertext made under it once the waiting period ends: the resources that still use the key lose their data for good. A key must outlive everything it encrypted.',
  checkChange(ctx: ChangeContext): FindingDraft[] {
    const drafts: FindingDraft[] = [];
    for (const { diff, base, head } of keyPairs(ctx)) {
      if (!base?.declared || base.manager !== 'customer') continue;
      if (diff.change === 'removed' && !head) {
        const draft = removed(ctx, diff, base);
        if (draft) drafts.push(draft);
      } else if (head && base.enabled !== false && head.enabled === false) {
        const draft = disabled(ctx, diff, base, head);
        if (draft) drafts.push(draft);
      }
    }
    return drafts;
  },
};

/**
 * Base consumers of a removed key that head still has and that did not move to another key: a
 * consumer removed with the key, or pointed at another key in the same PR, no longer needs it.
 * The diff follows `moved {}` renames of consumers; its `removed` changes carry base locations.
 */
function stillNeeding(ctx: ChangeContext, diff: KeyDiff, base: Key): { consumer: Consumer; headResource: string }[] {
  const headKeys = new Map(ctx.head.inventory.keys.map((k) => [k.id, k]));
  return diff.consumers.flatMap((change) => {
    if (!hasResource(ctx.head, change.resource)) return [];
    // A move to a key known only by the removed key's own alias is no move: the alias goes with the key.
    const stale = change.change === 'moved' && namesSameKey(base, change.toKey ? headKeys.get(change.toKey) : undefined);
    if (change.change !== 'removed' && !stale) return [];
    const consumer = base.consumers.find(
      (c) => c.attribute === change.attribute && (c.resource === change.resource || sameLocation(c.location, change.location)),
    );
    return consumer ? [{ consumer, headResource: change.resource }] : [];
  });
}

function namesSameKey(base: Key, head: Key | undefined): boolean {
  if (!head || head.declared) return false;
  const names = [head.id, ...head.aliases];
  return base.aliases.some((alias) => names.some((name) => name === alias || name.endsWith(`:${alias}`)));
}

function sameLocation(a: Location, b: Location | undefined): boolean {
  return b !== undefined && a.file === b.file && a.startLine === b.startLine;
}

/** The key's resource is gone from head. */
function removed(ctx: ChangeContext, diff: KeyDiff, base: Key): FindingDraft | undefined {
  const still = stillNeeding(ctx, diff, base);
  if (still.length === 0) return undefined;
  const needing = still.map((s) => s.consumer);
  const cfn = base.source === 'cloudformation';
  const tool = cfn ? 'CloudFormation' : 'Terraform';
  const windowAttribute = keyAttributeName(base, 'deletionWindowDays') ?? 'deletion window';
  const days = isKnown(base.deletionWindowDays) ? base.deletionWindowDays : undefined;
  const windowAt = base.attributeLocations.deletionWindowDays;
  const window =
    days !== undefined
      ? `${days}-day waiting period${windowAt ? `, ${windowAttribute} at ${where(windowAt)}` : ' (the default)'}`
      : 'waiting period of the key';
  const retained = cfn && base.protectedFromDeletion === true;
  const protection = retained
    ? ' DeletionPolicy: Retain protects it: CloudFormation leaves the key in the account instead of deleting it, so the consumers keep working, but nothing manages the key any more — keep it in the template until they have moved.'
    : base.protectedFromDeletion
      ? ' lifecycle.prevent_destroy does not protect it: the setting leaves with the resource block, so Terraform destroys the key.'
      : '';
  const effect = retained
    ? `removes key ${keyText(ctx.base, base)} from the template`
    : `removes key ${keyText(ctx.base, base)}, so ${tool} schedules its deletion (${window})`;
  const users = needing.map((c) => consumerText(ctx.base, c));
  const resources = [...new Set(needing.map((c) => c.resource))].sort();
  return {
    key: base.id,
    severity: retained ? 'high' : undefined,
    subjects: resources,
    identity: 'removed',
    message:
      `This PR ${effect} while ${plural(resources.length, 'resource')} still ${resources.length === 1 ? 'uses' : 'use'} it: ${listOf(users)}.` +
      `${retained ? '' : ' Once the key is deleted their data cannot be decrypted.'}${protection}` +
      ' Move them to another key and re-encrypt their data first (or remove them too), then remove the key.',
    evidence: {
      change: 'removed',
      baseLocation: base.location ? where(base.location) : null,
      deletionWindowDays: days ?? null,
      protectedFromDeletion: base.protectedFromDeletion === true,
      protection: base.protectedFromDeletion ? (cfn ? 'DeletionPolicy: Retain' : 'lifecycle.prevent_destroy') : null,
      consumers: needing.map(consumerEvidence),
    },
    location: firstHeadLocation(ctx.head, still) ?? base.location,
  };
}

/** The key stays declared but is disabled while its consumers stay on it. */
function disabled(ctx: ChangeContext, diff: KeyDiff, base: Key, head: Key): FindingDraft | undefined {
  // Consumers that were on the key before and stay on it (not added or moved to it by this PR).
  const arrived = new Set(diff.consumers.filter((c) => c.toKey === head.id).map(referenceId));
  const needing = head.consumers.filter((c) => !arrived.has(referenceId(c)));
  if (needing.length === 0) return undefined;
  const attribute = keyAttributeName(head, 'enabled') ?? 'enabled';
  const at = head.attributeLocations.enabled;
  const before = isKnown(base.deletionWindowDays) ? base.deletionWindowDays : 30;
  const after = isKnown(head.deletionWindowDays) ? head.deletionWindowDays : 30;
  const windowAttribute = keyAttributeName(head, 'deletionWindowDays') ?? 'deletion window';
  const lowered = after < before ? ` and lowers ${windowAttribute} from ${before} to ${after} days (the way to a quick deletion),` : '';
  const users = needing.map((c) => consumerText(ctx.head, c));
  const resources = [...new Set(needing.map((c) => c.resource))].sort();
  return {
    key: head.id,
    subjects: resources,
    identity: 'disabled',
    message:
      `This PR disables key ${keyText(ctx.head, head)} (${setting(head, attribute, false)}${at ? ` at ${where(at)}` : ''})${lowered} while ` +
      `${plural(resources.length, 'resource')} still ${resources.length === 1 ? 'uses' : 'use'} it: ${listOf(users)}. ` +
      'Every request with the key fails from then on, and deleting it loses their data. Move them to another key and re-encrypt first.',
    evidence: {
      change: 'disabled',
      attribute,
      deletionWindowDays: { before, after },
      protectedFromDeletion: head.protectedFromDeletion === true,
      consumers: needing.map(consumerEvidence),
    },
    location: at ?? head.location,
  };
}

/** Where the first consumer's key reference sits in head (the line a reviewer sees in the PR). */
function firstHeadLocation(head: RuleContext, still: readonly { consumer: Consumer; headResource: string }[]): Location | undefined {
  for (const { consumer, headResource } of still) {
    const resource = resourceById(head.resources, headResource);
    if (resource) return resource.attrLocations[consumer.attribute] ?? resource.location;
  }
  return undefined;
}
