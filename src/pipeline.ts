/** The engine's front: a FileSet in, inventory, access and findings out. The doors call this. */
import picomatch from 'picomatch';
import { analyseAccess } from './access/index.js';
import type { AccessMap } from './access/types.js';
import { type LoadedConfig, limitsOf } from './config/load.js';
import { diffFindings } from './diff/findings.js';
import { diffInventories } from './diff/inventory.js';
import type { FindingsDiff, InventoryDiff } from './diff/types.js';
import { buildInventory } from './inventory/build.js';
import { enrichInventory } from './inventory/enrich.js';
import type { Inventory } from './inventory/types.js';
import type { LiveFacts } from './live/types.js';
import type { ExternalUses } from './model/external.js';
import type { Resource } from './model/types.js';
import { initParsers, parseFiles, shareParserPool } from './parse/registry.js';
import { RULES } from './rules/registry.js';
import { runChangeRules, runRules, severityRank } from './rules/run.js';
import { findInlineSuppressions, type PrIgnore } from './rules/suppressions.js';
import type { Finding, Rule, RuleContext } from './rules/types.js';
import type { FileSet } from './sources/fileset.js';
import { isCandidatePath, loadSourceFiles } from './sources/load.js';

export interface StageMillis {
  load: number;
  parse: number;
  inventory: number;
  access: number;
  rules: number;
}

export interface ScanStats {
  files: number;
  bytes: number;
  millis: StageMillis;
}

export interface Analysis {
  inventory: Inventory;
  resources: readonly Resource[];
  access: AccessMap;
  findings: Finding[];
  /** What other indexed repositories do with this side's keys (set when the `external` hook ran). */
  external?: ExternalUses;
  stats: ScanStats;
  /** The lines of a scanned file, for code generation that follows the file's own style. */
  sourceLines(file: string): readonly string[] | undefined;
}

/** A step of a running analysis, for a progress line: the stage, and files done / total in `load` and `parse`. */
export interface Progress {
  /** Which side of a change (`analyseChange`); absent for a single scan. */
  side?: 'base' | 'head';
  stage: 'load' | 'parse' | 'inventory' | 'access' | 'rules';
  done: number;
  total: number;
}

export interface AnalyseOptions {
  rules?: readonly Rule[];
  /** `YYYY-MM-DD` for expiring ignores; defaults to today (UTC). */
  today?: string;
  /** The live account view (`createLiveHook` in src/live): its facts enrich the inventory before access and rules. */
  live?: (inventory: Inventory) => Promise<LiveFacts>;
  /** Pull-request-scoped ignores (the GitHub App's `/kms ignore`), honoured like config ignores. */
  prIgnores?: readonly PrIgnore[];
  /** Called as the stages go (often during load and parse): a progress line's input. */
  progress?: (event: Progress) => void;
  /** Tags the progress events (set by `analyseChange`). */
  side?: 'base' | 'head';
  /**
   * The organisation's key index, read by the door (src/index/): which other repositories use the
   * inventory's keys. Called once per side after the inventory is built; the rules see its answer.
   */
  external?: (inventory: Inventory) => Promise<ExternalUses>;
}

export async function analyse(fileSet: FileSet, { config }: LoadedConfig, options: AnalyseOptions = {}): Promise<Analysis> {
  const limits = limitsOf(config);
  const excluded = picomatch(config.exclude, { dot: true });
  const clock = stopwatch();
  const report = options.progress;
  const progress = (stage: Progress['stage'], done: number, total: number) => report?.({ ...(options.side ? { side: options.side } : {}), stage, done, total });
  await initParsers();
  const loaded = await loadSourceFiles(fileSet, {
    limits,
    wanted: (path) => isCandidatePath(path) && !excluded(path),
    ...(report ? { progress: (done: number, total: number) => progress('load', done, total) } : {}),
  });
  const load = clock();
  const files = new Map(loaded.files.map((f) => [f.path, f]));
  const total = loaded.files.length;
  const parsed = await parseFiles(loaded.files, {
    files,
    limits,
    scpPaths: config.policies.scpPaths,
    ...(report ? { progress: (done: number, claimed: number) => progress('parse', done, claimed) } : {}),
  });
  const inline = findInlineSuppressions(loaded.files);
  // Not unshift(...list): a hostile tree can hold more problems than a call may take arguments.
  parsed.problems = [...loaded.problems, ...inline.problems, ...parsed.problems];
  const parse = clock();
  progress('inventory', total, total);
  const built = buildInventory(parsed, config);
  const inventory = options.live ? enrichInventory(built, await options.live(built), { tags: config.tags }) : built;
  const external = options.external ? await options.external(inventory) : undefined;
  const inventoryMillis = clock();
  progress('access', total, total);
  const access = analyseAccess(inventory, parsed.resources, config);
  const accessMillis = clock();
  progress('rules', total, total);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const lineCache = new Map<string, string[]>();
  const sourceLines = (file: string) => {
    const text = files.get(file)?.text;
    if (text === undefined) return undefined;
    if (!lineCache.has(file)) lineCache.set(file, text.split('\n'));
    return lineCache.get(file);
  };
  const findings = runRules(
    options.rules ?? RULES,
    { inventory, resources: parsed.resources, access, config, sourceLines, ...(external ? { external } : {}) },
    { inline: inline.suppressions, today, ...(options.prIgnores ? { pr: options.prIgnores } : {}) },
  );
  const rules = clock();
  return {
    inventory,
    resources: parsed.resources,
    access,
    findings,
    sourceLines,
    ...(external ? { external } : {}),
    stats: {
      files: loaded.files.length,
      bytes: loaded.files.reduce((sum, f) => sum + f.size, 0),
      millis: { load, parse, inventory: inventoryMillis, access: accessMillis, rules },
    },
  };
}

/** Each call returns the milliseconds since the previous call. */
function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = now - last;
    last = now;
    return elapsed;
  };
}

export interface ChangeAnalysis {
  base: Analysis;
  head: Analysis;
  diff: InventoryDiff;
  /** New / fixed / unchanged; the change-hazard findings (KMS5xx) are always new. */
  findings: FindingsDiff;
  /** The change-hazard findings alone (they are also in `findings.new`). */
  changeFindings: Finding[];
}

/**
 * Base vs head: both sides analysed with the same configuration (the head's: the PR may change
 * it), their inventories diffed, the change rules run on top of the head's state findings, and
 * the findings diffed by fingerprint.
 */
export async function analyseChange(base: FileSet, head: FileSet, loaded: LoadedConfig, options: AnalyseOptions = {}): Promise<ChangeAnalysis> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const sides = { ...options, today };
  // One side after the other: the parser pool serves both in turn, and the syntax trees of one
  // side are gone before the other's are made (two in parallel only compete for the same cores).
  const [before, after] = await shareParserPool(async () => [
    await analyse(base, loaded, { ...sides, side: 'base' }),
    await analyse(head, loaded, { ...sides, side: 'head' }),
  ]);
  const diff = diffInventories(before, after);
  const context = (a: Analysis): RuleContext => ({
    inventory: a.inventory,
    resources: a.resources,
    access: a.access,
    config: loaded.config,
    sourceLines: a.sourceLines,
    ...(a.external ? { external: a.external } : {}),
  });
  // Inline suppressions of the head apply to change findings as to state findings.
  const headFiles = [...new Set([...after.inventory.units.flatMap((u) => u.files), ...after.resources.map((r) => r.location.file)])].flatMap((path) => {
    const lines = after.sourceLines(path);
    return lines ? [{ path, text: lines.join('\n'), size: 0 }] : [];
  });
  const changeFindings = runChangeRules(
    options.rules ?? RULES,
    { base: context(before), head: context(after), diff },
    { inline: findInlineSuppressions(headFiles).suppressions, today, ...(options.prIgnores ? { pr: options.prIgnores } : {}) },
  );
  const findings = diffFindings(before.findings, after.findings, diff.renamedKeys ? { renamedKeys: diff.renamedKeys } : {});
  // Most severe first; at equal severity the change hazards lead (stable sort).
  findings.new = [...changeFindings, ...findings.new].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  return { base: before, head: after, diff, findings, changeFindings };
}
