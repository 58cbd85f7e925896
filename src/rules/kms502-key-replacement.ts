/** KMS502: the PR changes a key attribute that forces the key to be replaced. */
import { type KeyField, keyTypeSpecFor } from '../catalog/keys.js';
import type { Key } from '../inventory/types.js';
import type { Resource, Value } from '../model/types.js';
import { describeValue, isOneOf, isRef, isUnknown } from '../model/value.js';
import { consumerEvidence, consumerText, headIdOf, keyPairs, keyText, listOf, plural } from './support/change.js';
import { elsewhereSentence, externalEvidence, externalPhrase, externalUsersText, usersElsewhere } from './support/external.js';
import { where } from './support/lifecycle.js';
import { resourceById } from './support/lookup.js';
import type { ChangeContext, FindingDraft, Rule } from './types.js';

export const kms502: Rule = {
  id: 'KMS502',
  name: 'key-replacement',
  principle: 'change',
  defaultSeverity: 'critical',
  rationale:
    'Key spec, usage, multi-region, origin and custom key store cannot change on an existing key: the tool replaces the key, and everything encrypted under the old one cannot be decrypted by the new one.',
  checkChange(ctx: ChangeContext): FindingDraft[] {
    const drafts: FindingDraft[] = [];
    for (const { base, head } of keyPairs(ctx)) {
      if (!base?.declared || !head?.declared || !head.source || !head.type || base.type !== head.type) continue;
      const spec = keyTypeSpecFor(head.source, head.type);
      const baseResource = resourceById(ctx.base.resources, base.id);
      const headResource = resourceById(ctx.head.resources, head.id);
      if (!spec || !baseResource || !headResource) continue;
      for (const attribute of spec.replacingAttributes) {
        const field = (Object.keys(spec.attributes) as KeyField[]).find((f) => spec.attributes[f] === attribute);
        const fallback = field !== undefined ? (spec.defaults[field] ?? null) : null;
        const before = writtenValue(baseResource, attribute, fallback);
        const after = writtenValue(headResource, attribute, fallback);
        // Rules never turn an unknown into a finding.
        if (before === undefined || after === undefined) continue;
        if (comparable(before, (id) => headIdOf(ctx, id)) === comparable(after, (id) => id)) continue;
        drafts.push(draft(ctx, base, head, headResource, attribute, before, after));
      }
    }
    return drafts;
  },
};

/** The written value, the catalog's default when absent; undefined when not known statically. */
function writtenValue(resource: Resource, attribute: string, fallback: Value): Value | undefined {
  const value = Object.hasOwn(resource.attrs, attribute) ? resource.attrs[attribute] : fallback;
  return isUnknown(value) || isOneOf(value) ? undefined : value;
}

/** A form to compare: references by the (head) id of what they point at; scalars as text. */
function comparable(value: Value, keyId: (id: string) => string): string {
  if (isRef(value)) return `ref:${keyId(`${value.unit}:${value.address}`)}.${value.attr}`;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase();
  return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
}

function shown(value: Value): string {
  if (value === null) return '(none)';
  if (isRef(value)) return `${value.address}.${value.attr}`;
  return typeof value === 'object' ? describeValue(value) : String(value);
}

function draft(ctx: ChangeContext, base: Key, head: Key, resource: Resource, attribute: string, before: Value, after: Value): FindingDraft {
  const at = resource.attrLocations[attribute];
  const consumers = head.consumers.length > 0 ? head.consumers : base.consumers;
  const side = head.consumers.length > 0 ? ctx.head : ctx.base;
  const users = consumers.map((c) => consumerText(side, c));
  const resources = [...new Set(consumers.map((c) => c.resource))].sort();
  const change = `${attribute} ${shown(before)} → ${shown(after)}${at ? ` at ${where(at)}` : ''}`;
  const cfn = head.source === 'cloudformation';
  const effect = cfn
    ? 'CloudFormation treats this as a replacement and fails the stack update rather than delete the key: a key with another value has to be a new key'
    : 'Terraform destroys the key (scheduling its deletion) and creates a new one';
  const others = usersElsewhere(ctx.head, head.id);
  const impact =
    consumers.length > 0
      ? `everything encrypted under the old key — ${plural(resources.length, 'resource')}: ${listOf(users)} — cannot be decrypted by the new one.${elsewhereSentence(others, 'too')}`
      : others.length > 0
        ? `whatever was encrypted under the old key cannot be decrypted by the new one: no resource of this repository uses it, but ${externalPhrase(others)} do: ${externalUsersText(others)}.`
        : 'whatever was encrypted under the old key (here no resource of the repository uses it; applications may) cannot be decrypted by the new one.';
  return {
    key: head.id,
    // CloudFormation refuses the update: a failed deployment, not lost data.
    severity: cfn ? 'high' : undefined,
    subjects: resources,
    identity: attribute,
    message:
      `Key ${keyText(ctx.head, head)}: ${change}. That cannot change on an existing key: ${effect}, and ${impact} ` +
      'Create a new key beside the old one, move the consumers to it and re-encrypt their data, then retire the old key.',
    evidence: {
      attribute,
      before: isRef(before) ? shown(before) : before,
      after: isRef(after) ? shown(after) : after,
      consumers: consumers.map(consumerEvidence),
      ...(others.length > 0 ? { otherRepositories: externalEvidence(others) } : {}),
    },
    location: at ?? head.location,
  };
}
