/** The command-line door: parses arguments and dispatches to one module per command. Thin. */
import { parseArgs } from 'node:util';
import { EXIT, type Io, UsageError, version } from './cli/common.js';

export type { Io };
export { EXIT };

type Command = { usage: string; run: (args: string[], options: Record<string, string | undefined>, io: Io) => Promise<number> };

/**
 * Commands, in the order `--help` lists them, loaded when used: a `diff` need not load the queue
 * client of `worker` or the database driver of `index` (each costs a few hundred ms at start-up).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  scan: () => command(import('./cli/scan.js'), 'SCAN_USAGE', 'scanCommand'),
  split: () => command(import('./cli/split.js'), 'SPLIT_USAGE', 'splitCommand'),
  diff: () => command(import('./cli/diff.js'), 'DIFF_USAGE', 'diffCommand'),
  worker: () => command(import('./cli/worker.js'), 'WORKER_USAGE', 'workerCommand'),
  index: () => command(import('./cli/key-index.js'), 'INDEX_USAGE', 'indexCommand'),
  'org-report': () => command(import('./cli/key-index.js'), 'ORG_REPORT_USAGE', 'orgReportCommand'),
};

async function command<M>(module: Promise<M>, usage: keyof M, run: keyof M): Promise<Command> {
  const loaded = await module;
  return { usage: loaded[usage] as string, run: loaded[run] as Command['run'] };
}

async function usage(): Promise<string> {
  const commands = await Promise.all(Object.values(COMMANDS).map((load) => load()));
  return `Usage:\n\n${commands.map((c) => `  ${c.usage}`).join('\n\n')}\n\n  -h, --help      this help\n  -v, --version   the version`;
}

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
      io.stdout.write(`${await usage()}\n`);
      return values.help ? EXIT.ok : EXIT.error;
    }
    const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!load) throw new UsageError(`unknown command "${name}"`);
    const command = await load();
    const { help: _help, version: _version, ...rest } = values;
    // Commands take string options: a switch (`--live`, `--all`, `--quiet`) is passed as "true".
    const options: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(rest)) if (value !== false) options[name] = value === true ? 'true' : value;
    return await command.run(args, options, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`kms-review: ${(error as Error).message}\n\n${await usage()}\n`);
      return EXIT.error;
    }
    io.stderr.write(`kms-review: ${(error as Error).stack ?? error}\n`);
    return EXIT.error;
  }
}
