/**
 * `kms-review diff <before-dir> <after-dir>` and `kms-review diff --base <ref> [--head <ref>] [path]`:
 * what a change does to the keys (InventoryDiff), the change hazards, and the findings the change
 * introduces. Git refs are read from the object database: nothing is checked out.
 */
import { realpathSync } from 'node:fs';
import { relative } from 'node:path';
import { CONFIG_PATH, type LoadedConfig, parseConfig } from '../config/load.js';
import type { Config } from '../config/schema.js';
import { type Analysis, analyseChange } from '../pipeline.js';
import { diffJson } from '../report/diff-json.js';
import { diffMarkdown } from '../report/diff-markdown.js';
import { diffText } from '../report/diff-text.js';
import { sarifLog } from '../report/sarif.js';
import { scopeJson } from '../report/scope.js';
import { styleFor } from '../report/style.js';
import { RULES } from '../rules/registry.js';
import type { FileSet } from '../sources/fileset.js';
import { folderFileSet } from '../sources/folder.js';
import { changedPaths, gitFileSet, gitRepoRoot } from '../sources/git.js';
import { type ChangeScope, narrowForReview } from '../sources/scope.js';
import { planSplits, type SplitPlan } from '../split/index.js';
import { EXIT, existingFolder, exitFor, failOnOption, formatOption, type Io, loadConfig, reportConfigErrors, UsageError, version } from './common.js';
import { progressLine } from './progress.js';

export const DIFF_USAGE = `kms-review diff <before-dir> <after-dir> [--format text|json|markdown|sarif] [--config file] [--fail-on severity] [--all] [--quiet]
  kms-review diff --base <ref> [--head <ref>] [path] [--format …] [--config file] [--fail-on severity] [--all] [--quiet]

  Reviews a change: the keys it adds, removes or changes (attribute by attribute, with lines),
  consumers added / removed / moved to another key, access gained or lost per principal,
  blast radius before → after, the change hazards (KMS501–KMS505), and the findings the change
  introduces. In a git repository, --base (and --head, default: the folder on disk) name commits
  read from git without checking anything out; path (default: .) limits the review to a folder.
  Only the units the change affects are analysed (changed Terraform folders, the local modules
  they call and the roots that call a changed module, files read with file(), templates paired
  by exports); the output says which, of how many.

  --format <f>     text (default), json (see docs/json-output.md), markdown, sarif (new findings)
  --config <file>  configuration file (default: the head's ${CONFIG_PATH})
  --fail-on <s>    exit 1 when an unsuppressed NEW finding is at or above critical|high|medium|low|info
                   (default: never); pre-existing findings never fail the run
  --all            analyse every unit of both sides, not only the affected ones
  -q, --quiet      no progress line on stderr (shown on a terminal for runs over 2 s)`;

export interface DiffOptions {
  format?: string;
  config?: string;
  'fail-on'?: string;
  base?: string;
  head?: string;
  /** `"true"` for `--all`. */
  all?: string;
  /** `"true"` for `--quiet`. */
  quiet?: string;
}

interface Sides {
  base: FileSet;
  head: FileSet;
  loaded: LoadedConfig & { file: string };
  label: string;
  /** A commit against the work tree: the paths git says differ (relative to the reviewed folder). */
  differs?: () => Promise<Set<string>>;
}

export async function diffCommand(args: string[], options: DiffOptions, io: Io): Promise<number> {
  const format = formatOption(options.format);
  const failOn = failOnOption(options['fail-on']);
  const sides = options.base !== undefined ? await gitSides(args, options) : folderSides(args, options);
  if (reportConfigErrors(sides.loaded, io)) return EXIT.error;
  let change: Awaited<ReturnType<typeof analyseChange>>;
  let scope: ChangeScope;
  const quiet = options.quiet === 'true';
  const line = progressLine(io.stderr, { quiet });
  try {
    const narrowed = await narrowForReview(sides.base, sides.head, sides.loaded.config, {
      all: options.all === 'true',
      ...(sides.differs ? { differs: await sides.differs() } : {}),
    });
    scope = narrowed.scope;
    change = await analyseChange(narrowed.base, narrowed.head, sides.loaded, { progress: line.update });
  } finally {
    line.end();
    await Promise.all([sides.base.close?.(), sides.head.close?.()]);
  }
  const { base, head, diff, findings } = change;
  if (io.stderr.isTTY && !quiet) io.stderr.write(`compared ${base.stats.files} → ${head.stats.files} files\n`);
  const render: Record<typeof format, () => string> = {
    json: () =>
      `${JSON.stringify(
        diffJson(
          base.inventory,
          head.inventory,
          diff,
          findings,
          splitsOf(head, sides.loaded.config, io),
          scopeJson(scope, { base: base.stats, head: head.stats }),
        ),
        null,
        2,
      )}\n`,
    sarif: () => `${JSON.stringify(sarifLog(findings.new, RULES, version()), null, 2)}\n`,
    markdown: () => diffMarkdown(diff, findings, head.inventory, sides.label, scope),
    text: () => diffText(diff, findings, head.inventory, styleFor(io.stdout, io.env), sides.label, scope),
  };
  io.stdout.write(render[format]());
  return exitFor(findings.new, failOn);
}

/** The split stage's proposals for the head's over-shared keys; a failing proposal is reported, not fatal to the review. */
function splitsOf(head: Analysis, config: Config, io: Io): SplitPlan[] {
  try {
    return planSplits(head, config);
  } catch (error) {
    io.stderr.write(`kms-review: no split proposals: ${(error as Error).message}\n`);
    return [];
  }
}

function folderSides(args: string[], options: DiffOptions): Sides {
  if (options.head !== undefined) throw new UsageError('--head needs --base');
  if (args.length !== 2) throw new UsageError('diff needs <before-dir> <after-dir> (or --base <ref> inside a git repository)');
  const [before, after] = args.map(existingFolder) as [string, string];
  const loaded = loadConfig(after, options.config);
  return {
    base: folderFileSet(before, { exclude: loaded.config.exclude }),
    head: folderFileSet(after, { exclude: loaded.config.exclude }),
    loaded,
    label: `${args[0]} → ${args[1]}`,
  };
}

async function gitSides(args: string[], options: DiffOptions): Promise<Sides> {
  if (args.length > 1) throw new UsageError('diff --base takes at most one path');
  const path = args[0] ?? '.';
  const dir = realpathSync(existingFolder(path));
  const root = await gitRepoRoot(dir);
  const prefix = relative(realpathSync(root), dir).split('\\').join('/');
  const baseRef = options.base!;
  const headRef = options.head;
  let loaded: LoadedConfig & { file: string };
  let head: FileSet;
  if (headRef === undefined) {
    loaded = loadConfig(dir, options.config);
    head = folderFileSet(dir, { exclude: loaded.config.exclude });
  } else {
    // The head's configuration is the one in the head commit (a PR may change it), unless --config says otherwise.
    const probe = await gitFileSet(root, headRef, prefix ? { pathPrefix: prefix } : {});
    loaded = options.config ? loadConfig(dir, options.config) : await configAt(probe, `${headRef}:${prefix ? `${prefix}/` : ''}${CONFIG_PATH}`);
    await probe.close?.();
    head = await gitFileSet(root, headRef, { exclude: loaded.config.exclude, ...(prefix ? { pathPrefix: prefix } : {}) });
  }
  const base = await gitFileSet(root, baseRef, { exclude: loaded.config.exclude, ...(prefix ? { pathPrefix: prefix } : {}) });
  const differs = async () => {
    const paths = await changedPaths(root, baseRef, undefined, prefix || undefined);
    return new Set(prefix ? paths.map((p) => p.slice(prefix.length + 1)) : paths);
  };
  return { base, head, loaded, label: `${path} ${baseRef} → ${headRef ?? 'working tree'}`, ...(headRef === undefined ? { differs } : {}) };
}

async function configAt(files: FileSet, label: string): Promise<LoadedConfig & { file: string }> {
  const listed = (await files.list()).some((e) => e.path === CONFIG_PATH && e.kind === 'file');
  if (!listed) return { ...parseConfig(''), file: label };
  return { ...parseConfig((await files.read(CONFIG_PATH)).toString('utf8')), file: label };
}
