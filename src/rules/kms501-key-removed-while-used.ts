/**
 * KMS501: the PR deletes (or disables on the way to deletion) a key that base consumers still need,
 * either because they stay on it or because the data they wrote before moving to another key is
 * still encrypted under it (src/catalog/data-at-rest.ts says which services leave data behind).
 */
import { type DataAtRest, dataAtRestFor, leavesDataBehind, type RetentionSpec, retentionSpecFor } from '../catalog/data-at-rest.js';
import type { ConsumerChange, KeyDiff } from '../diff/types.js';
import type { Consumer, Key } from '../inventory/types.js';
import type { Classified, Location } from '../model/types.js';
import { asNumber } from '../model/value.js';
import { consumerEvidence, consumerText, hasResource, keyPairs, keyText, listOf, plural, referenceId, referencesOf } from './support/change.js';
import { elsewhereSentence, externalEvidence, externalPhrase, externalUsersText, usersElsewhere } from './support/external.js';
import { isProduction } from './support/governance.js';
import { isKnown, keyAttributeName, setting, where } from './support/lifecycle.js';
import { keyById, resourceById } from './support/lookup.js';
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
        // A key CloudFormation retains stays in the account and still decrypts what was written under it.
        const retained = base.source === 'cloudformation' && base.protectedFromDeletion === true;
        const left = retained
          ? undefined
          : dataLeft(ctx, diff, base, removal(ctx, base).effect, 'A key pending deletion decrypts nothing: do this first, and remove the key in a later PR.');
        if (left) drafts.push(left);
      } else if (head && base.enabled !== false && head.enabled === false) {
        const draft = disabled(ctx, diff, base, head);
        if (draft) drafts.push(draft);
        const left = dataLeft(
          ctx,
          diff,
          base,
          disabling(ctx, head).effect,
          'A disabled key decrypts nothing: do this first, and disable the key in a later PR.',
        );
        if (left) drafts.push(left);
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
    const consumer = baseConsumer(base, change);
    return consumer ? [{ consumer, headResource: change.resource }] : [];
  });
}

/** The base consumer behind a consumer change: same attribute, same resource or (renamed) same place. */
function baseConsumer(base: Key, change: ConsumerChange): Consumer | undefined {
  const at = change.change === 'moved' ? change.baseLocation : change.location;
  return base.consumers.find((c) => c.attribute === change.attribute && (c.resource === change.resource || sameLocation(c.location, at)));
}

function namesSameKey(base: Key, head: Key | undefined): boolean {
  if (!head || head.declared) return false;
  const names = [head.id, ...head.aliases];
  return base.aliases.some((alias) => names.some((name) => name === alias || name.endsWith(`:${alias}`)));
}

function sameLocation(a: Location, b: Location | undefined): boolean {
  return b !== undefined && a.file === b.file && a.startLine === b.startLine;
}

/** What removing the key does, as the messages say it: the deletion it schedules and what protects it. */
function removal(ctx: ChangeContext, base: Key): { effect: string; protection: string; retained: boolean; days: number | undefined } {
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
  return { effect, protection, retained, days };
}

/** What disabling the key does, as the messages say it: `disables key aws_kms_key.x (is_enabled = false at main.tf:14)`. */
function disabling(ctx: ChangeContext, head: Key): { effect: string; attribute: string; at: Location | undefined } {
  const attribute = keyAttributeName(head, 'enabled') ?? 'enabled';
  const at = head.attributeLocations.enabled;
  return { effect: `disables key ${keyText(ctx.head, head)} (${setting(head, attribute, false)}${at ? ` at ${where(at)}` : ''})`, attribute, at };
}

/** The key's resource is gone from head. */
function removed(ctx: ChangeContext, diff: KeyDiff, base: Key): FindingDraft | undefined {
  const still = stillNeeding(ctx, diff, base);
  const others = usersElsewhere(ctx.base, base.id);
  if (still.length === 0 && others.length === 0) return undefined;
  const needing = still.map((s) => s.consumer);
  const { effect, protection, retained, days } = removal(ctx, base);
  const users = needing.map((c) => consumerText(ctx.base, c));
  const resources = [...new Set(needing.map((c) => c.resource))].sort();
  const here =
    resources.length > 0
      ? `This PR ${effect} while ${plural(resources.length, 'resource')} still ${resources.length === 1 ? 'uses' : 'use'} it: ${listOf(users)}.${elsewhereSentence(others, 'too')}`
      : `This PR ${effect}: no resource of this repository uses it any more, but ${externalPhrase(others)} still do: ${externalUsersText(others)}.`;
  return {
    key: base.id,
    severity: retained ? 'high' : undefined,
    subjects: resources,
    identity: 'removed',
    message:
      here +
      `${retained ? '' : ' Once the key is deleted their data cannot be decrypted.'}${protection}` +
      ` Move them to another key and re-encrypt their data first${others.length > 0 ? ' (in their repositories too)' : ' (or remove them too)'}, then remove the key.`,
    evidence: {
      change: 'removed',
      baseLocation: base.location ? where(base.location) : null,
      deletionWindowDays: days ?? null,
      protectedFromDeletion: base.protectedFromDeletion === true,
      protection: base.protectedFromDeletion ? (base.source === 'cloudformation' ? 'DeletionPolicy: Retain' : 'lifecycle.prevent_destroy') : null,
      consumers: needing.map(consumerEvidence),
      ...(others.length > 0 ? { otherRepositories: externalEvidence(others) } : {}),
    },
    location: firstHeadLocation(ctx.head, still) ?? base.location,
  };
}

/** The key stays declared but is disabled while its consumers stay on it. */
function disabled(ctx: ChangeContext, diff: KeyDiff, base: Key, head: Key): FindingDraft | undefined {
  // Consumers that were on the key before and stay on it (not added or moved to it by this PR).
  const arrived = new Set(diff.consumers.filter((c) => c.toKey === head.id).map(referenceId));
  const needing = head.consumers.filter((c) => !arrived.has(referenceId(c)));
  const others = usersElsewhere(ctx.head, head.id);
  if (needing.length === 0 && others.length === 0) return undefined;
  const { effect, attribute, at } = disabling(ctx, head);
  const before = isKnown(base.deletionWindowDays) ? base.deletionWindowDays : 30;
  const after = isKnown(head.deletionWindowDays) ? head.deletionWindowDays : 30;
  const windowAttribute = keyAttributeName(head, 'deletionWindowDays') ?? 'deletion window';
  const lowered = after < before ? ` and lowers ${windowAttribute} from ${before} to ${after} days (the way to a quick deletion),` : '';
  const users = needing.map((c) => consumerText(ctx.head, c));
  const resources = [...new Set(needing.map((c) => c.resource))].sort();
  const here =
    resources.length > 0
      ? `${plural(resources.length, 'resource')} still ${resources.length === 1 ? 'uses' : 'use'} it: ${listOf(users)}.${elsewhereSentence(others, 'too')}`
      : `no resource of this repository uses it, but ${externalPhrase(others)} do: ${externalUsersText(others)}.`;
  return {
    key: head.id,
    subjects: resources,
    identity: 'disabled',
    message:
      `This PR ${effect}${lowered} while ${here} ` +
      `Every request with the key fails from then on, and deleting it loses their data. Move them to another key and re-encrypt first${others.length > 0 ? ' (in their repositories too)' : ''}.`,
    evidence: {
      change: 'disabled',
      attribute,
      deletionWindowDays: { before, after },
      protectedFromDeletion: head.protectedFromDeletion === true,
      consumers: needing.map(consumerEvidence),
      ...(others.length > 0 ? { otherRepositories: externalEvidence(others) } : {}),
    },
    location: at ?? head.location,
  };
}

// ---------------------------------------------------------------------------------------------
// Data left under the old key: consumers this PR moves to another key keep what they wrote before

/** Consumers described one by one in the message; the evidence lists them all. */
const MAX_DESCRIBED = 5;

interface Moved {
  change: ConsumerChange;
  /** The head-side consumer (on its new key) when the head inventory has it, else the base one. */
  consumer: Consumer;
  toKey: string;
  environment: Classified;
  row: DataAtRest | undefined;
}

/** Consumers that leave the key for another one in this PR (not a stale move to the key's own alias). */
function movedAway(ctx: ChangeContext, diff: KeyDiff, base: Key): Moved[] {
  const headRefs = referencesOf(ctx.head);
  return diff.consumers.flatMap((change) => {
    if (change.change !== 'moved' || change.fromKey !== diff.key || !change.toKey || change.toKey === diff.key) return [];
    const to = keyById(ctx.head.inventory.keys, change.toKey);
    if (namesSameKey(base, to)) return [];
    const before = baseConsumer(base, change);
    const consumer = headRefs.get(referenceId(change))?.consumer ?? before;
    if (!consumer) return [];
    const environment = consumer.environment ?? before?.environment ?? null;
    return [{ change, consumer, toKey: change.toKey, environment, row: dataAtRestFor(consumer.service, consumer.purpose) }];
  });
}

/**
 * The key leaves (removed or disabled) after its consumers moved to other keys, and some of them
 * keep data written before the move: it stays under this key, and a key pending deletion or disabled
 * decrypts nothing. Services that re-encrypt (DynamoDB) or keep nothing at rest (SNS) stay quiet;
 * services the catalog does not know are named as not known, never guessed.
 */
function dataLeft(ctx: ChangeContext, diff: KeyDiff, base: Key, effect: string, first: string): FindingDraft | undefined {
  const moved = movedAway(ctx, diff, base);
  const left = moved.filter((m) => m.row && leavesDataBehind(m.row));
  const unknown = moved.filter((m) => !m.row);
  if (left.length === 0 && unknown.length === 0) return undefined;
  const prod = left.some((m) => isProduction(m.environment));
  const resources = [...new Set([...left, ...unknown].map((m) => m.change.resource))].sort();
  const described = left.map((m) => ({ m, retention: retentionOf(ctx, m) }));
  const parts = described.map(({ m, retention }) => `${movedText(ctx, m)}: ${m.row!.stays}${retention ? ` — ${retention.text}` : ''}; ${m.row!.migrate}`);
  if (parts.length > MAX_DESCRIBED) parts.splice(MAX_DESCRIBED, parts.length, `and ${parts.length - MAX_DESCRIBED} more (in the evidence)`);
  const unknownText = unknown.map((m) => movedText(ctx, m));
  const headline =
    left.length > 0
      ? `This PR ${effect}, but ${plural(left.length, 'resource')} it moves to another key ${left.length === 1 ? 'keeps' : 'keep'} data written under this one: ${parts.join('. ')}.`
      : `This PR ${effect} and moves ${plural(unknown.length, 'resource')} to another key; whether ${unknown.length === 1 ? 'it keeps' : 'they keep'} data written under this one is not known: ${listOf(unknownText)}.`;
  const notKnown =
    left.length > 0 && unknown.length > 0 ? ` Not known for ${listOf(unknownText)}: check what ${unknown.length === 1 ? 'it keeps' : 'they keep'}.` : '';
  const closing = left.length > 0 ? ` ${first}` : ` Check what ${unknown.length === 1 ? 'it keeps' : 'they keep'} before the key goes.`;
  return {
    key: base.id,
    severity: left.length === 0 ? 'info' : prod ? 'critical' : 'high',
    subjects: resources,
    identity: 'data-left',
    message: `${headline}${notKnown}${closing}`,
    evidence: {
      change: 'data-left',
      consumers: described.map(({ m, retention }) => ({
        ...movedEvidence(m),
        after: m.row!.after,
        retention: retention?.evidence ?? null,
      })),
      unknown: unknown.map(movedEvidence),
    },
    location: (left[0] ?? unknown[0]).change.location ?? base.location,
  };
}

/** `aws_sqs_queue.orders (sqs messages) at main.tf:28, environment prod, now on aws_kms_key.orders` */
function movedText(ctx: ChangeContext, m: Moved): string {
  const to = keyById(ctx.head.inventory.keys, m.toKey);
  const environment = m.environment ? `environment ${m.environment.value}` : 'environment unknown';
  return `${consumerText(ctx.head, { ...m.consumer, location: m.change.location ?? m.consumer.location })}, ${environment}, now on ${to ? keyText(ctx.head, to) : m.toKey}`;
}

function movedEvidence(m: Moved) {
  return {
    ...consumerEvidence({ ...m.consumer, location: m.change.location ?? m.consumer.location }),
    toKey: m.toKey,
    environment: m.environment?.value ?? null,
  };
}

const SECONDS: Record<RetentionSpec['unit'], number> = { seconds: 1, hours: 3600, days: 86400 };

/** `4 days`, `36 hours`, `90 seconds` */
function duration(amount: number, unit: RetentionSpec['unit']): string {
  const seconds = amount * SECONDS[unit];
  if (seconds % 86400 === 0) return plural(seconds / 86400, 'day');
  if (seconds % 3600 === 0) return plural(seconds / 3600, 'hour');
  return plural(seconds, 'second');
}

/** How long the data stays, as the head code says (or the service default): what "keep the old key until it expires" means. */
function retentionOf(ctx: ChangeContext, m: Moved): { text: string; evidence: Record<string, unknown> } | undefined {
  const resource = resourceById(ctx.head.resources, m.change.resource) ?? resourceById(ctx.base.resources, m.consumer.resource);
  const spec = resource && m.row ? retentionSpecFor(m.row, resource.type) : undefined;
  if (!resource || !spec) return undefined;
  const written = resource.attrs[spec.attribute];
  const at = resource.attrLocations[spec.attribute];
  const place = at ? ` at ${where(at)}` : '';
  if (written === undefined) {
    if (spec.default === undefined)
      return { text: `kept until deleted (${spec.attribute} not set)`, evidence: { attribute: spec.attribute, value: null, days: null } };
    return {
      text: `kept ${duration(spec.default, spec.unit)} (${spec.attribute} not set: the default)`,
      evidence: { attribute: spec.attribute, value: null, days: (spec.default * SECONDS[spec.unit]) / 86400 },
    };
  }
  const amount = asNumber(written);
  if (amount === undefined)
    return { text: `kept for a time not known statically (${spec.attribute}${place})`, evidence: { attribute: spec.attribute, value: 'unknown', days: null } };
  if (amount === spec.forever)
    return { text: `kept until deleted (${spec.attribute} = ${amount}${place})`, evidence: { attribute: spec.attribute, value: amount, days: null } };
  return {
    text: `kept ${duration(amount, spec.unit)} (${spec.attribute} = ${amount}${place})`,
    evidence: { attribute: spec.attribute, value: amount, days: (amount * SECONDS[spec.unit]) / 86400 },
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
