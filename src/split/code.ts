/** What the code generators share: the scanned files' lines, units and resources, and their output. */
import type { Resource, UnitInfo } from '../model/types.js';
import type { ConsumerEdit } from './types.js';

export interface CodeContext {
  sourceLines(file: string): readonly string[] | undefined;
  units: ReadonlyMap<string, UnitInfo>;
  resources: readonly Resource[];
  unitOf(resource: string): string;
}

/** Replace `deleteCount` lines from 1-based line `start` of an existing file (0: insert before `start`). */
export interface LineChange {
  file: string;
  start: number;
  deleteCount: number;
  lines: string[];
}

export interface Generated {
  /** New files, whole text. */
  files: Map<string, string>;
  /** Changes of existing files (new resources inserted into a template); consumer edits come as `edits`. */
  changes: LineChange[];
  edits: ConsumerEdit[];
  notes: string[];
  /** Consumers whose key reference the patch does not change, and why: the migration plan says so. */
  manual: Map<string, string>;
}

/** An empty result, or one with only `note`, every consumer of `consumers` left to do by hand. */
export function nothingGenerated(note?: string, consumers: readonly string[] = []): Generated {
  return {
    files: new Map(),
    changes: [],
    edits: [],
    notes: note ? [note] : [],
    manual: new Map(note ? consumers.map((c) => [c, note]) : []),
  };
}

/** A consumer the patch leaves on the old key: a note, and the reason in its migration plan. */
export function manual(out: Generated, resource: string, why: string): void {
  if (!out.notes.includes(why)) out.notes.push(why);
  if (!out.manual.has(resource)) out.manual.set(resource, why);
}

/** `value` with every string in it (at any depth of arrays and objects) replaced by `f(string)`. */
export function mapStrings<T>(value: unknown, f: (s: string) => T): unknown {
  if (typeof value === 'string') return f(value);
  if (Array.isArray(value)) return value.map((x) => mapStrings(x, f));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, mapStrings(x, f)]));
  return value;
}
