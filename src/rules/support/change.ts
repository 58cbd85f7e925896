/**
 * Helpers shared by the change-hazard rules (KMS501–KMS505): pairing base and head keys through
 * the diff, finding a consumer's key on either side, naming keys, consumers and their places.
 */

import type { KeyDiff } from '../../diff/types.js';
import { moduleNote } from '../../inventory/blast-radius.js';
import type { Consumer, Key } from '../../inventory/types.js';
import type { Classified, Location } from '../../model/types.js';
import type { ChangeContext, RuleContext } from '../types.js';
import { isClassifiedData, isProduction, serviceName } from './governance.js';
import { keyLabel, where } from './lifecycle.js';
import { resourceById } from './lookup.js';

/** A key of the diff with its base and head inventory entries (absent on the side it does not exist). */
export interface KeyPair {
  diff: KeyDiff;
  base?: Key;
  head?: Key;
}

const PAIRS = new WeakMap<ChangeContext, KeyPair[]>();

/** Every key of the diff, with both sides looked up. */
export function keyPairs(ctx: ChangeContext): KeyPair[] {
  let pairs = PAIRS.get(ctx);
  if (!pairs) {
    const baseKeys = new Map(ctx.base.inventory.keys.map((k) => [k.id, k]));
    const headKeys = new Map(ctx.head.inventory.keys.map((k) => [k.id, k]));
    pairs = ctx.diff.keys.map((diff) => {
      const base = diff.change === 'added' ? undefined : baseKeys.get(diff.baseKey ?? diff.key);
      const head = diff.change === 'removed' ? undefined : headKeys.get(diff.key);
      return { diff, ...(base ? { base } : {}), ...(head ? { head } : {}) };
    });
    PAIRS.set(ctx, pairs);
  }
  return pairs;
}

/** Base key id → head key id, for keys on both sides (a `moved {}` rename maps the old id to the new). */
export function headIdOf(ctx: ChangeContext, baseKeyId: string): string {
  const pair = keyPairs(ctx).find((p) => p.base?.id === baseKeyId && p.head);
  return pair?.head?.id ?? baseKeyId;
}

export interface Placed {
  key: Key;
  consumer: Consumer;
}

/** `<resource>|<attribute>`: one key reference of one resource. */
export function referenceId(consumer: Pick<Consumer, 'resource' | 'attribute'>): string {
  return `${consumer.resource}|${consumer.attribute}`;
}

const REFERENCES = new WeakMap<RuleContext, Map<string, Placed>>();

/** Every key reference of a side, by `<resource>|<attribute>`. */
export function referencesOf(side: RuleContext): Map<string, Placed> {
  let index = REFERENCES.get(side);
  if (!index) {
    index = new Map();
    for (const key of side.inventory.keys) for (const consumer of key.consumers) index.set(referenceId(consumer), { key, consumer });
    REFERENCES.set(side, index);
  }
  return index;
}

export function hasResource(side: RuleContext, id: string): boolean {
  return side.resources.some((r) => r.id === id);
}

/** How messages name a key on one side: `aws_kms_key.data (alias/orders-prod)`, or the ARN of a referenced key. */
export function keyText(side: RuleContext, key: Key): string {
  return keyLabel(side, key);
}

/** `aws_s3_bucket.logs (Amazon S3 storage) at s3.tf:12` */
export function consumerText(side: RuleContext, consumer: Consumer): string {
  const address = resourceById(side.resources, consumer.resource)?.address ?? consumer.resource;
  const use = consumer.purpose === consumer.service ? consumer.service : `${consumer.service} ${consumer.purpose}`;
  const note = moduleNote(consumer);
  return `${address} (${note ? `${note}: ${consumer.purpose}` : use}) at ${where(consumer.location)}`;
}

/** The address part of a resource id. */
export function addressIn(side: RuleContext, id: string): string {
  return resourceById(side.resources, id)?.address ?? id.slice(id.indexOf(':') + 1);
}

/** `a, b and c`, or `a, b, c and 4 more` */
export function listOf(items: readonly string[], max = 5): string {
  if (items.length <= 1) return items.join('');
  if (items.length > max) return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A consumer as evidence: stable, JSON-friendly. */
export function consumerEvidence(consumer: Consumer): { resource: string; service: string; attribute: string; location: string } {
  return { resource: consumer.resource, service: consumer.service, attribute: consumer.attribute, location: where(consumer.location) };
}

/** The key and its consumers say production (any of them). */
export function servesProduction(key: Key): boolean {
  return [key.environment, ...key.consumers.map((c) => c.environment)].some((e) => isProduction(e));
}

/** Classified data classes the key or its consumers carry (known, not public/internal), distinct and sorted. */
export function classifiedData(key: Key): string[] {
  const classes: Classified[] = [key.dataClass, ...key.consumers.map((c) => c.dataClass)];
  return [...new Set(classes.filter((c) => isClassifiedData(c)).map((c) => c?.value ?? ''))].sort();
}

export function locationText(location: Location | undefined): string {
  return location ? where(location) : 'an unknown place';
}

/** What breaks for a consumer's service: `Amazon S3` for `s3`. */
export { serviceName };
