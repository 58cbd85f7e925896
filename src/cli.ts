/** The command-line door: `kms-review scan [dir]`. Thin: parse arguments, call the pipeline, print. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_PATH, type LoadedConfig, parseConfig } from './config/load.js';
import { analyse } from './pipeline.js';
import { findingsMarkdown } from './report/findings-markdown.js';
import { findingsText } from './report/findings-text.js';
import { analysisJson } from './report/json.js';
import { inventoryMarkdown } from './report/markdown.js';
import { sarifLog } from './report/sarif.js';
import { styleFor } from './report/style.js';
import { inventoryText } from './report/text.js';
import { RULES } from './rules/registry.js';
import { atLeast } from './rules/run.js';
import type { Severity } from './rules/types.js';
import { SEVERITIES } from './rules/types.js';
import { folderFileSet } from './sources/folder.js';

export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

const USAGE = `Usage: kms-review scan [dir] [--format text|json|markdown|sarif] [--config file] [--fail-on severity]

Reviews the KMS key strategy of the infrastructure-as-code under dir (default: .):
the key inventory (keys, aliases, consumers by environment / workload / data class,
blast radius, unresolved references, parse problems) and the findings of every rule.

Options:
  --format <f>     text (default), json (stable, see docs/json-output.md), markdown, sarif
  --config <file>  configuration file (default: <dir>/${CONFIG_PATH})
  --fail-on <s>    exit 1 when an unsuppressed finding is at or above critical|high|medium|low|info
                   (default: never)
  -h, --help      this help
  -v, --version   the version`;

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

export async function main(argv: string[], io: Io = process): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (error) {
    io.stderr.write(`kms-review: ${(error as Error).message}\n\n${USAGE}\n`);
    return EXIT.error;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    io.stdout.write(`${USAGE}\n`);
    return values.help ? EXIT.ok : EXIT.error;
  }
  if (command !== 'scan') {
    io.stderr.write(`kms-review: unknown command "${command}"\n\n${USAGE}\n`);
    return EXIT.error;
  }
  const format = values.format ?? 'text';
  if (!['text', 'json', 'markdown', 'sarif'].includes(format)) {
    io.stderr.write(`kms-review: --format must be text, json, markdown or sarif (got "${format}")\n`);
    return EXIT.error;
  }
  const failOn = values['fail-on'] ?? 'never';
  if (failOn !== 'never' && !SEVERITIES.includes(failOn as Severity)) {
    io.stderr.write(`kms-review: --fail-on must be one of ${SEVERITIES.join(', ')} or never (got "${failOn}")\n`);
    return EXIT.error;
  }
  const dir = resolve(rest[0] ?? '.');
  if (!existsSync(dir)) {
    io.stderr.write(`kms-review: no such folder: ${dir}\n`);
    return EXIT.error;
  }
  const loaded = loadConfig(dir, values.config);
  if (loaded.errors.length > 0) {
    for (const e of loaded.errors) io.stderr.write(`${loaded.file}:${e.line}: ${e.path ? `${e.path}: ` : ''}${e.message}\n`);
    return EXIT.error;
  }
  try {
    const fileSet = folderFileSet(dir, { exclude: loaded.config.exclude });
    if (io.stderr.isTTY) io.stderr.write(`scanning ${rest[0] ?? '.'}…\r`);
    const { inventory, findings, stats } = await analyse(fileSet, loaded);
    if (io.stderr.isTTY) io.stderr.write(`scanned ${stats.files} files in ${Math.round(Object.values(stats.millis).reduce((a, b) => a + b, 0))} ms\n`);
    const label = rest[0] ?? '.';
    const renderers: Record<string, () => string> = {
      json: () => `${JSON.stringify(analysisJson(inventory, findings), null, 2)}\n`,
      sarif: () => `${JSON.stringify(sarifLog(findings, RULES, version()), null, 2)}\n`,
      markdown: () => `${inventoryMarkdown(inventory, label)}\n${findingsMarkdown(findings)}`,
      text: () => {
        const style = styleFor(io.stdout, io.env);
        return `${inventoryText(inventory, style, label)}\n${findingsText(findings, style)}`;
      },
    };
    io.stdout.write(renderers[format]());
    const failing = findings.filter((f) => !f.suppressed && atLeast(f.severity, failOn as Severity | 'never'));
    return failing.length > 0 ? EXIT.findings : EXIT.ok;
  } catch (error) {
    io.stderr.write(`kms-review: ${(error as Error).stack ?? error}\n`);
    return EXIT.error;
  }
}

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f' },
      config: { type: 'string', short: 'c' },
      'fail-on': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

function loadConfig(dir: string, explicit: string | undefined): LoadedConfig & { file: string } {
  const file = explicit ? resolve(explicit) : join(dir, CONFIG_PATH);
  if (!existsSync(file)) {
    if (explicit) return { ...parseConfig(''), errors: [{ path: '', message: 'config file not found', line: 1 }], file };
    return { ...parseConfig(''), file };
  }
  return { ...parseConfig(readFileSync(file, 'utf8')), file };
}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
