/** One template resource → `Resource`: evaluated properties, their locations, tags and lifecycle flags. */

import { problem } from '../../model/source.js';
import type { Location, Problem, Resource, Value } from '../../model/types.js';
import { type Evaluator, NO_VALUE } from './evaluate.js';
import { withGlobals } from './sam.js';
import { childString, entryLines, intrinsicCall, isMap, type Lines, type MapEntry, type TreeNode } from './tree.js';
import { isTextual, setOwn } from './values.js';

/** `DeletionPolicy` values that keep the physical resource when the stack deletes it. */
const RETAINING_DELETION_POLICIES = new Set(['Retain', 'RetainExceptOnCreate']);

export function buildResource(evaluator: Evaluator, entry: MapEntry): Resource | Problem {
  const { template } = evaluator;
  const location = toLocation(template.path, entryLines(entry));
  const type = childString(entry.value, 'Type');
  if (!isMap(entry.value) || type === undefined) return problem(`resource ${entry.key} has no Type; skipped`, location);

  const properties = withGlobals(template, type, entry.value.entries.get('Properties')?.value);
  const attrs: Record<string, Value> = {};
  const attrLocations: Record<string, Location> = {};
  if (isMap(properties)) {
    for (const property of properties.entries.values()) {
      const value = evaluator.evaluate(property.value);
      if (value !== NO_VALUE) setOwn(attrs, property.key, value);
    }
    recordLocations(template.path, properties, '', attrLocations);
  }

  const resource: Resource = {
    id: `${template.path}:${entry.key}`,
    source: 'cloudformation',
    type,
    mode: 'managed',
    address: entry.key,
    unit: template.path,
    attrs,
    tags: staticTags(attrs.Tags),
    location,
    attrLocations,
  };
  if (RETAINING_DELETION_POLICIES.has(childString(entry.value, 'DeletionPolicy') ?? '')) resource.protectedFromDeletion = true;
  const condition = childString(entry.value, 'Condition');
  if (condition !== undefined) resource.conditional = condition;
  const cdkPath = childString(entry.value.entries.get('Metadata')?.value, 'aws:cdk:path');
  if (cdkPath !== undefined) resource.displayName = cdkPath;
  return resource;
}

function toLocation(file: string, lines: Lines): Location {
  return { file, startLine: lines.start, endLine: lines.end };
}

/**
 * Every property path (dotted, list indexes left out) → its lines. Inside lists the first
 * occurrence of a path is kept; intrinsic calls are values, so their insides have no paths.
 */
function recordLocations(file: string, node: TreeNode, prefix: string, into: Record<string, Location>): void {
  if (intrinsicCall(node)) return;
  if (node.kind === 'seq') {
    for (const item of node.items) recordLocations(file, item, prefix, into);
    return;
  }
  if (node.kind !== 'map') return;
  for (const entry of node.entries.values()) {
    const path = prefix ? `${prefix}.${entry.key}` : entry.key;
    if (!Object.hasOwn(into, path)) setOwn(into, path, toLocation(file, entryLines(entry)));
    recordLocations(file, entry.value, path, into);
  }
}

/** `Tags` as a list of `{Key, Value}` (CloudFormation) or a mapping (SAM); values not known statically are dropped. */
function staticTags(tags: Value | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  const pairs: [Value, Value][] = Array.isArray(tags)
    ? tags.flatMap((tag) => (isRecord(tag) ? [[tag.Key, tag.Value] as [Value, Value]] : []))
    : isRecord(tags)
      ? Object.entries(tags)
      : [];
  for (const [key, value] of pairs) if (typeof key === 'string' && isTextual(value)) setOwn(result, key, String(value));
  return result;
}

/** A plain mapping value (not a list, `Ref`, `Unknown` or `OneOf`). */
function isRecord(value: Value | undefined): value is Record<string, Value> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('$kind' in value);
}
