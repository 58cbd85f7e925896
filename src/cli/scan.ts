/** `kms-review scan [dir]`: the inventory and the findings of one tree. */
import { existsSync } from 'node:fs';
import { CONFIG_PATH } from '../config/load.js';
import { LiveCache, liveHookFor } from '../live/index.js';
import { analyse } from '../pipeline.js';
import { findingsMarkdown } from '../report/findings-markdown.js';
import { findingsText } from '../report/findings-text.js';
import { analysisJson } from '../report/json.js';
import { inventoryMarkdown } from '../report/markdown.js';
import { sarifLog } from '../report/sarif.js';
import { styleFor } from '../report/style.js';
import { inventoryText } from '../report/text.js';
import { RULES } from '../rules/registry.js';
import { folderFileSet } from '../sources/folder.js';
import { EXIT, existingFolder, exitFor, failOnOption, formatOption, type Io, loadConfig, reportConfigErrors, UsageError, version } from './common.js';
import { progressLine } from './progress.js';

export const SCAN_USAGE = `kms-review scan [dir] [--format text|json|markdown|sarif] [--config file] [--fail-on severity] [--live | --live-recorded file] [--quiet]

  Reviews the KMS key strategy of the infrastructure-as-code under dir (default: .):
  the key inventory (keys, aliases, consumers by environment / workload / data class,
  blast radius, unresolved references, parse problems) and the findings of every rule.

  --format <f>     text (default), json (stable, see docs/json-output.md), markdown, sarif
  --config <file>  configuration file (default: <dir>/${CONFIG_PATH})
  --fail-on <s>    exit 1 when an unsuppressed finding is at or above critical|high|medium|low|info
                   (default: never)
  --live           also read the keys from the AWS account, read-only (live: in the config;
                   standard AWS credentials; see docs/live.md). With no live.accounts, the
                   caller's own account (STS GetCallerIdentity): the keys whose ARN names it
  --live-recorded <file>
                   the same from recorded responses (live.json), without AWS
  -q, --quiet      no progress line on stderr (shown on a terminal for runs over 2 s)`;

export interface ScanOptions {
  format?: string;
  config?: string;
  'fail-on'?: string;
  /** `"true"` for `--live`. */
  live?: string;
  'live-recorded'?: string;
  /** `"true"` for `--quiet`. */
  quiet?: string;
}

export async function scanCommand(args: string[], options: ScanOptions, io: Io): Promise<number> {
  const format = formatOption(options.format);
  const failOn = failOnOption(options['fail-on']);
  const label = args[0] ?? '.';
  const dir = existingFolder(label);
  const loaded = loadConfig(dir, options.config);
  if (reportConfigErrors(loaded, io)) return EXIT.error;
  if (options.live && options['live-recorded']) throw new UsageError('--live and --live-recorded exclude each other');
  const recorded = options['live-recorded'];
  if (recorded && !existsSync(recorded)) throw new UsageError(`no such file: ${recorded}`);
  // The CLI alone may read the caller's own account when no accounts are configured; one run, one cache.
  const region = io.env.AWS_REGION || io.env.AWS_DEFAULT_REGION;
  const live = liveHookFor(
    loaded.config.live,
    { live: options.live === 'true', ...(recorded ? { recorded } : {}) },
    { caller: region ? { region } : {}, cache: new LiveCache(loaded.config.live.cacheTtlSeconds) },
  );
  const quiet = options.quiet === 'true';
  const line = progressLine(io.stderr, { quiet });
  let analysis: Awaited<ReturnType<typeof analyse>>;
  try {
    analysis = await analyse(folderFileSet(dir, { exclude: loaded.config.exclude }), loaded, { progress: line.update, ...(live ? { live } : {}) });
  } finally {
    line.end();
  }
  const { inventory, findings, stats } = analysis;
  if (io.stderr.isTTY && !quiet) io.stderr.write(`scanned ${stats.files} files in ${Math.round(Object.values(stats.millis).reduce((a, b) => a + b, 0))} ms\n`);
  const render: Record<typeof format, () => string> = {
    json: () => `${JSON.stringify(analysisJson(inventory, findings), null, 2)}\n`,
    sarif: () => `${JSON.stringify(sarifLog(findings, RULES, version()), null, 2)}\n`,
    markdown: () => `${inventoryMarkdown(inventory, label)}\n${findingsMarkdown(findings)}`,
    text: () => {
      const style = styleFor(io.stdout, io.env);
      return `${inventoryText(inventory, style, label)}\n${findingsText(findings, style)}`;
    },
  };
  io.stdout.write(render[format]());
  return exitFor(findings, failOn);
}
