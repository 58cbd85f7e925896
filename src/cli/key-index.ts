/**
 * `kms-review index <dir> --database-url …` and `kms-review org-report --database-url …`: the
 * organisation-wide key index for teams without the App. `index` scans a folder as `scan` does and
 * stores the result per (repository, commit); `org-report` lists every key across the indexed
 * repositories with the repositories that declare and use it.
 */
import { execFileSync } from 'node:child_process';
import { basename } from 'node:path';
import { openIndexDb } from '../index/db.js';
import { orgReportMarkdown, orgReportText } from '../index/render.js';
import { orgReport } from '../index/report.js';
import { storeSnapshot } from '../index/store.js';
import { analyse } from '../pipeline.js';
import { folderFileSet } from '../sources/folder.js';
import { EXIT, existingFolder, formatOption, type Io, loadConfig, reportConfigErrors, UsageError } from './common.js';

export const INDEX_USAGE = `kms-review index <dir> --database-url <url> [--repository owner/name] [--commit sha] [--private] [--config file]

  Scans dir (every unit, as scan does) and stores its key inventory in the organisation's
  key index (PostgreSQL; migrations applied first): keys, aliases, consumers, grants, access,
  classification with provenance, findings and unresolved references, per repository and
  commit. Indexing the same commit again replaces it. The commit becomes the repository's
  current one, which other repositories' reviews and org-report read.

  --database-url <url>  postgres://… (default: DATABASE_URL)
  --repository <name>   owner/name (default: the origin remote's, else the folder's name)
  --commit <sha>        the commit indexed (default: git HEAD of dir; required outside git)
  --private             the repository is private (the dashboard shows it to its readers only)`;

export const ORG_REPORT_USAGE = `kms-review org-report --database-url <url> [--format text|json|markdown] [--search text]

  Every customer managed key across the indexed repositories (their current commits): keys
  that other repositories use by key ARN, alias ARN, alias name within an account or key id are
  one key, listed with the repository that declares it and each repository that uses it
  (resources, environments, workloads, data classes, services). Shared keys first.

  --database-url <url>  postgres://… (default: DATABASE_URL)
  --search <text>       only keys whose ARN, alias or id contains the text`;

export interface IndexOptions {
  'database-url'?: string;
  repository?: string;
  commit?: string;
  /** `"true"` for `--private`. */
  private?: string;
  config?: string;
  format?: string;
  search?: string;
}

function databaseUrl(options: IndexOptions, io: Io): string {
  const url = options['database-url'] || io.env.DATABASE_URL;
  if (!url) throw new UsageError('--database-url (or DATABASE_URL) is required');
  return url;
}

function git(dir: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** `owner/name` from `git@github.com:owner/name.git` or `https://host/owner/name(.git)`. */
export function repositoryOfRemote(url: string | undefined): string | undefined {
  const m = url ? /[:/]([^/:]+\/[^/]+?)(?:\.git)?\/?$/.exec(url) : null;
  return m?.[1];
}

export async function indexCommand(args: string[], options: IndexOptions, io: Io): Promise<number> {
  if (args.length !== 1) throw new UsageError('index takes one folder');
  const url = databaseUrl(options, io);
  const dir = existingFolder(args[0]);
  const commit = options.commit ?? git(dir, ['rev-parse', 'HEAD']);
  if (!commit) throw new UsageError(`${dir} is not a git checkout: say which commit it is with --commit`);
  const repository = options.repository ?? repositoryOfRemote(git(dir, ['remote', 'get-url', 'origin'])) ?? basename(dir);
  const loaded = loadConfig(dir, options.config);
  if (reportConfigErrors(loaded, io)) return EXIT.error;
  const started = performance.now();
  const analysis = await analyse(folderFileSet(dir, { exclude: loaded.config.exclude }), loaded);
  const db = await openIndexDb(url, { max: 2 });
  try {
    const stored = await storeSnapshot(db.pool, {
      repository: { fullName: repository, private: options.private === 'true' },
      commit,
      inventory: analysis.inventory,
      access: analysis.access,
      findings: analysis.findings,
      files: analysis.stats.files,
    });
    const millis = Math.round(performance.now() - started);
    io.stdout.write(
      `indexed ${repository} at ${commit.slice(0, 12)}: ${analysis.stats.files} files, ${stored.keys} keys, ${stored.consumers} consumers, ${stored.findings} findings, ${analysis.inventory.unresolved.length} unresolved (${millis} ms)\n`,
    );
    return EXIT.ok;
  } finally {
    await db.close();
  }
}

export async function orgReportCommand(args: string[], options: IndexOptions, io: Io): Promise<number> {
  if (args.length > 0) throw new UsageError('org-report takes no folder');
  const format = formatOption(options.format, ['text', 'json', 'markdown']);
  const db = await openIndexDb(databaseUrl(options, io), { max: 2 });
  try {
    const report = await orgReport(db.pool, options.search ? { search: options.search } : {});
    const render = { text: orgReportText, markdown: orgReportMarkdown, json: (r: typeof report) => `${JSON.stringify({ version: 1, ...r }, null, 2)}\n` };
    io.stdout.write(render[format as keyof typeof render](report));
    return EXIT.ok;
  } finally {
    await db.close();
  }
}
