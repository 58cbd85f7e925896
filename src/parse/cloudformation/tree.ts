/**
 * A template as a plain tree with line numbers: the YAML/JSON document after aliases are expanded
 * and short-form intrinsic tags are rewritten to their long form (`!Ref X` → `{Ref: X}`).
 * Everything after loading reads this tree, never the `yaml` library's nodes.
 */
import type { Scalar } from '../../model/types.js';

/** 1-based inclusive lines of a node in its file. */
export interface Lines {
  start: number;
  end: number;
}

export interface ScalarNode {
  kind: 'scalar';
  value: Scalar;
  lines: Lines;
}

export interface SeqNode {
  kind: 'seq';
  items: TreeNode[];
  lines: Lines;
}

export interface MapEntry {
  key: string;
  keyLine: number;
  value: TreeNode;
}

export interface MapNode {
  kind: 'map';
  /** Keyed by name; with duplicate keys the last one wins (as `JSON.parse` does), in first-seen order. */
  entries: Map<string, MapEntry>;
  lines: Lines;
}

export type TreeNode = ScalarNode | SeqNode | MapNode;

export function isMap(node: TreeNode | undefined): node is MapNode {
  return node?.kind === 'map';
}

export function child(node: TreeNode | undefined, key: string): TreeNode | undefined {
  return isMap(node) ? node.entries.get(key)?.value : undefined;
}

/** The scalar string at `key` of a mapping, if it is one. */
export function childString(node: TreeNode | undefined, key: string): string | undefined {
  const value = child(node, key);
  return value?.kind === 'scalar' && typeof value.value === 'string' ? value.value : undefined;
}

/** Lines from an entry's key to the end of its value: what a reviewer points at for that entry. */
export function entryLines(entry: MapEntry): Lines {
  return { start: entry.keyLine, end: Math.max(entry.keyLine, entry.value.lines.end) };
}

/** A single-key mapping `{Ref: …}` or `{Fn::…: …}`. `Condition` is left alone: it is also a policy statement key. */
export function intrinsicCall(node: TreeNode): { name: string; arg: TreeNode } | undefined {
  if (node.kind !== 'map' || node.entries.size !== 1) return undefined;
  const [entry] = node.entries.values();
  return entry.key === 'Ref' || entry.key.startsWith('Fn::') ? { name: entry.key, arg: entry.value } : undefined;
}
