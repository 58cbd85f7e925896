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
}
