/** The command-line door: parses arguments and dispatches to one module per command. Thin. */
import { parseArgs } from 'node:util';
import { EXIT, type Io, UsageError, version } from './cli/common.js';
import { DIFF_USAGE, diffCommand } from './cli/diff.js';
import { INDEX_USAGE, indexCommand, ORG_REPORT_USAGE, orgReportCommand } from './cli/key-index.js';
import { SCAN_USAGE, scanCommand } from './cli/scan.js';
import { SPLIT_USAGE, splitCommand } from './cli/split.js';
import { WORKER_USAGE, workerCommand } from './cli/worker.js';

export type { Io };
export { EXIT };

/** Commands, in the order `--help` lists them. Each gets its positional arguments and the parsed options. */
const COMMANDS: Record<string, { usage: string; run: (args: string[], options: Record<string, string | undefined>, io: Io) => Promise<number> }> = {
  scan: { usage: SCAN_USAGE, run: scanCommand },
  split: { usage: SPLIT_USAGE, run: splitCommand },
  diff: { usage: DIFF_USAGE, run: diffCommand },
  worker: { usage: WORKER_USAGE, run: workerCommand },
  index: { usage: INDEX_USAGE, run: indexCommand },
  'org-report': { usage: ORG_REPORT_USAGE, run: orgReportCommand },
};

const USAGE = `Usage:\n\n${Object.values(COMMANDS)
  .map((c) => `  ${c.usage}`)
  .join('\n\n')}\n\n  -h, --help      this help\n  -v, --version   the version`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  config: { type: 'string', short: 'c' },
  'fail-on': { type: 'string' },
  base: { type: 'string' },
  head: { type: 'string' },
  patch: { type: 'string' },
  live: { type: 'boolean' },
  'live-recorded': { type: 'string' },
  all: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  'database-url': { type: 'string' },
  repository: { type: 'string' },
  commit: { type: 'string' },
  private: { type: 'boolean' },
  search: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export async function main(argv: string[], io: Io = process): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
    if (values.version) {
      io.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    const [name, ...args] = positionals;
    if (values.help || !name) {
      io.stdout.write(`${USAGE}\n`);
      return values.help ? EXIT.ok : EXIT.error;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}"`);
    const { help: _help, version: _version, ...rest } = values;
    // Commands take string options: a switch (`--live`, `--all`, `--quiet`) is passed as "true".
    const options: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(rest)) if (value !== false) options[name] = value === true ? 'true' : value;
    return await command.run(args, options, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`kms-review: ${(error as Error).message}\n\n${USAGE}\n`);
      return EXIT.error;
    }
    io.stderr.write(`kms-review: ${(error as Error).stack ?? error}\n`);
    return EXIT.error;
  }
}
