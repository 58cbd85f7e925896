/** What every command shares: I/O streams, exit codes, option checks, configuration loading. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CONFIG_PATH, type LoadedConfig, parseConfig } from '../config/load.js';
import { atLeast } from '../rules/run.js';
import { type Finding, SEVERITIES, type Severity } from '../rules/types.js';

export const EXIT = { ok: 0, findings: 1, error: 2 } as const;

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** A command-line mistake: printed with the command's usage, exit 2. */
export class UsageError extends Error {}

export const FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export function formatOption(value: string | undefined, allowed: readonly Format[] = FORMATS): Format {
  const format = (value ?? 'text') as Format;
  if (!allowed.includes(format)) throw new UsageError(`--format must be ${allowed.join(', ')} (got "${value}")`);
  return format;
}

export function failOnOption(value: string | undefined): Severity | 'never' {
  const failOn = value ?? 'never';
  if (failOn !== 'never' && !SEVERITIES.includes(failOn as Severity)) {
    throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')} or never (got "${failOn}")`);
  }
  return failOn as Severity | 'never';
}

export function exitFor(findings: readonly Finding[], failOn: Severity | 'never'): number {
  return findings.some((f) => !f.suppressed && atLeast(f.severity, failOn)) ? EXIT.findings : EXIT.ok;
}

export function existingFolder(path: string): string {
  const dir = resolve(path);
  if (!existsSync(dir)) throw new UsageError(`no such folder: ${dir}`);
  return dir;
}

/** `--config file`, else `<dir>/.github/kms-review.yml` when present, else the defaults. */
export function loadConfig(dir: string, explicit: string | undefined): LoadedConfig & { file: string } {
  const file = explicit ? resolve(explicit) : join(dir, CONFIG_PATH);
  if (!existsSync(file)) {
    if (explicit) return { ...parseConfig(''), errors: [{ path: '', message: 'config file not found', line: 1 }], file };
    return { ...parseConfig(''), file };
  }
  return { ...parseConfig(readFileSync(file, 'utf8')), file };
}

/** Prints config errors as `file:line: path: message`; true when there were any. */
export function reportConfigErrors(loaded: LoadedConfig & { file: string }, io: Io): boolean {
  for (const e of loaded.errors) io.stderr.write(`${loaded.file}:${e.line}: ${e.path ? `${e.path}: ` : ''}${e.message}\n`);
  return loaded.errors.length > 0;
}

export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
