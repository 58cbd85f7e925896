/** `kms-review split <key> [dir]`: a per-workload split of an over-shared key, as code, with a migration plan. */
import { writeFileSync } from 'node:fs';
import { CONFIG_PATH } from '../config/load.js';
import { analyse } from '../pipeline.js';
import { splitMarkdown, splitText } from '../report/split-text.js';
import { styleFor } from '../report/style.js';
import { folderFileSet } from '../sources/folder.js';
import { findKey, planSplit } from '../split/index.js';
import { EXIT, existingFolder, formatOption, type Io, loadConfig, reportConfigErrors, UsageError } from './common.js';

export const SPLIT_USAGE = `kms-review split <key> [dir] [--patch out.patch] [--format text|json|markdown] [--config file]

  Proposes one key per environment × workload × data class of the consumers of <key> (an id,
  an alias like alias/platform-prod, or a unique address such as aws_kms_key.platform), as code
  in the language of the source, with the edit of every consumer's key reference, a migration
  plan per consumer, and a unified patch that git apply accepts.

  --patch <file>   also write the patch to file
  --format <f>     text (default), json, markdown
  --config <file>  configuration file (default: <dir>/${CONFIG_PATH})`;

export interface SplitOptions {
  format?: string;
  config?: string;
  patch?: string;
}

export async function splitCommand(args: string[], options: SplitOptions, io: Io): Promise<number> {
  const format = formatOption(options.format, ['text', 'json', 'markdown']);
  const [keyRef, label = '.'] = args;
  if (!keyRef) throw new UsageError('split needs a key: an id, alias or address');
  const dir = existingFolder(label);
  const loaded = loadConfig(dir, options.config);
  if (reportConfigErrors(loaded, io)) return EXIT.error;
  const analysis = await analyse(folderFileSet(dir, { exclude: loaded.config.exclude }), loaded);
  const { key, candidates } = findKey(analysis, keyRef);
  if (!key) {
    io.stderr.write(
      candidates.length > 1
        ? `kms-review: "${keyRef}" matches ${candidates.length} keys; name one of:\n${candidates.map((k) => `  ${k.id}`).join('\n')}\n`
        : `kms-review: no key "${keyRef}" under ${label}; known keys:\n${analysis.inventory.keys.map((k) => `  ${k.id}${k.aliases[0] ? `  ${k.aliases[0]}` : ''}`).join('\n')}\n`,
    );
    return EXIT.error;
  }
  const plan = planSplit(key.id, analysis, loaded.config);
  if (options.patch) {
    writeFileSync(options.patch, plan.patch);
    if (!plan.patch) io.stderr.write(`kms-review: no patch for ${key.id}${plan.reason ? `: ${plan.reason}` : ''}\n`);
  }
  const render: Record<typeof format, () => string> = {
    json: () => `${JSON.stringify({ version: 1, split: plan }, null, 2)}\n`,
    markdown: () => splitMarkdown(plan),
    text: () => splitText(plan, styleFor(io.stdout, io.env)),
    sarif: () => '',
  };
  io.stdout.write(render[format]());
  return EXIT.ok;
}
