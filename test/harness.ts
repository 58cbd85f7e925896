/** Runs the whole engine on in-memory files: what rule, access and inventory tests use. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_PATH, parseConfig } from '../src/config/load.js';
import { type Analysis, analyse, analyseChange, type ChangeAnalysis } from '../src/pipeline.js';
import type { Rule } from '../src/rules/types.js';
import { folderFileSet } from '../src/sources/folder.js';
import { memoryFileSet } from '../src/sources/memory.js';

export interface HarnessOptions {
  /** `.github/kms-review.yml` text. */
  config?: string;
  /** Only these rules (default: all registered). */
  rules?: readonly Rule[];
  today?: string;
}

export async function analyseFiles(files: Record<string, string>, options: HarnessOptions = {}): Promise<Analysis> {
  return analyse(memoryFileSet(files), loadedConfig(options), { ...(options.rules ? { rules: options.rules } : {}), today: options.today ?? '2026-11-22' });
}

/** Reads `<dir>/.github/kms-review.yml` when present and no config is given. */
export async function analyseFolder(dir: string, options: HarnessOptions = {}): Promise<Analysis> {
  const configFile = join(dir, CONFIG_PATH);
  const config = options.config ?? (existsSync(configFile) ? readFileSync(configFile, 'utf8') : undefined);
  return analyse(folderFileSet(dir), loadedConfig({ ...options, ...(config !== undefined ? { config } : {}) }), {
    ...(options.rules ? { rules: options.rules } : {}),
    today: options.today ?? '2026-11-22',
  });
}

function loadedConfig(options: HarnessOptions) {
  const loaded = parseConfig(options.config ?? '');
  if (loaded.errors.length > 0) throw new Error(`invalid test config: ${JSON.stringify(loaded.errors)}`);
  return loaded;
}

/**
 * Base vs head of two folders (a scenario's `before` / `after`): both analysed with the head's
 * `.github/kms-review.yml` when present (the PR's configuration), unless a config is given.
 */
export async function analyseChangeFolders(beforeDir: string, afterDir: string, options: HarnessOptions = {}): Promise<ChangeAnalysis> {
  const configFile = join(afterDir, CONFIG_PATH);
  const config = options.config ?? (existsSync(configFile) ? readFileSync(configFile, 'utf8') : undefined);
  return analyseChange(folderFileSet(beforeDir), folderFileSet(afterDir), loadedConfig({ ...options, ...(config !== undefined ? { config } : {}) }), {
    ...(options.rules ? { rules: options.rules } : {}),
    today: options.today ?? '2026-11-22',
  });
}
