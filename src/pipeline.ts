/** The engine's front: a FileSet in, an inventory out. The doors (CLI, app, action) call this. */
import picomatch from 'picomatch';
import { type LoadedConfig, limitsOf } from './config/load.js';
import { buildInventory } from './inventory/build.js';
import type { Inventory } from './inventory/types.js';
import { initParsers, parseFiles } from './parse/registry.js';
import type { FileSet } from './sources/fileset.js';
import { isCandidatePath, loadSourceFiles } from './sources/load.js';

export interface ScanStats {
  files: number;
  bytes: number;
  millis: { load: number; parse: number; inventory: number };
}

export interface ScanResult {
  inventory: Inventory;
  stats: ScanStats;
}

export async function scan(fileSet: FileSet, { config }: LoadedConfig): Promise<ScanResult> {
  const limits = limitsOf(config);
  const excluded = picomatch(config.exclude, { dot: true });
  const t0 = performance.now();
  await initParsers();
  const loaded = await loadSourceFiles(fileSet, { limits, wanted: (path) => isCandidatePath(path) && !excluded(path) });
  const t1 = performance.now();
  const files = new Map(loaded.files.map((f) => [f.path, f]));
  const parsed = parseFiles(loaded.files, { files, limits, scpPaths: config.policies.scpPaths });
  parsed.problems.unshift(...loaded.problems);
  const t2 = performance.now();
  const inventory = buildInventory(parsed, config);
  const t3 = performance.now();
  return {
    inventory,
    stats: {
      files: loaded.files.length,
      bytes: loaded.files.reduce((sum, f) => sum + f.size, 0),
      millis: { load: t1 - t0, parse: t2 - t1, inventory: t3 - t2 },
    },
  };
}
