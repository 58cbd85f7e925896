/** FileSet → decoded SourceFiles for the parsers, and a located KMS000 for every file that cannot be one. */

import { fileLocation, type Limits, problem, type SourceFile } from '../model/source.js';
import type { Problem } from '../model/types.js';
import { batchesBySize } from './batches.js';
import { decodeText, formatBytes } from './decode.js';
import type { FileEntry, FileSet } from './fileset.js';

/** Per `readMany` call: few round trips, yet a bounded amount of file content in flight. */
const BATCH_FILES = 100;
const BATCH_BYTES = 32 * 1024 * 1024;
/** Parallel `read`s (within a batch) for sources without `readMany`. */
const READ_CONCURRENCY = 16;

const CANDIDATE_SUFFIXES = ['.tf', '.tfvars', '.hcl', '.json', '.yaml', '.yml', '.template', '.tpl', '.tftpl'];

/** The cheap name filter for files some parser might want (`.tf.json` and `.tfvars.json` end in `.json`). */
export function isCandidatePath(path: string): boolean {
  return CANDIDATE_SUFFIXES.some((suffix) => path.endsWith(suffix));
}

export interface LoadOptions {
  limits: Limits;
  wanted: (path: string) => boolean;
  /** Files read so far, of how many (after each batch). */
  progress?: (done: number, total: number) => void;
}

export interface Loaded {
  files: SourceFile[];
  problems: Problem[];
}

type Outcome = SourceFile | Problem;

function skipped(path: string, why: string): Problem {
  return problem(`skipped: ${why}`, fileLocation(path));
}

function tooLarge(path: string, size: number, limits: Limits): Problem {
  return skipped(path, `${formatBytes(size)} is over the ${formatBytes(limits.maxFileBytes)} limit (limits.maxFileBytes)`);
}

/** Decided from the listing alone, so an oversized or non-file entry is never read. */
function rejectUnread(entry: FileEntry, limits: Limits): Problem | undefined {
  if (entry.kind === 'submodule') return skipped(entry.path, 'git submodule (its files are in another repository)');
  if (entry.kind === 'symlink') return skipped(entry.path, 'symlink that does not lead to a file inside the scanned tree');
  if (entry.size > limits.maxFileBytes) return tooLarge(entry.path, entry.size, limits);
  return undefined;
}

function toOutcome(path: string, content: Buffer | Error, limits: Limits): Outcome {
  if (content instanceof Error) return skipped(path, `could not be read (${content.message})`);
  // The file may have grown since it was listed.
  if (content.length > limits.maxFileBytes) return tooLarge(path, content.length, limits);
  const decoded = decodeText(content);
  return 'error' in decoded ? skipped(path, decoded.error) : { path, text: decoded.text, size: content.length };
}

/** Groups entries into `readMany` calls of at most BATCH_FILES files and (unless one file alone is bigger) BATCH_BYTES. */
function batches(entries: FileEntry[]): FileEntry[][] {
  return batchesBySize(entries, BATCH_FILES, BATCH_BYTES);
}

/**
 * The raw contents of `entries`, batch by batch (a `readMany` call each, or parallel `read`s), so
 * a caller that only looks at each file once (hashing, comparing) never holds them all.
 */
export async function* readBatches(fileSet: FileSet, entries: readonly FileEntry[]): AsyncGenerator<Map<string, Buffer | Error>> {
  const readMany = fileSet.readMany?.bind(fileSet);
  for (const group of batches([...entries])) {
    const paths = group.map((entry) => entry.path);
    if (readMany) {
      const contents = await readMany(paths);
      yield new Map(paths.map((path) => [path, contents.get(path) ?? new Error('not returned by the source')]));
      continue;
    }
    const contents = new Map<string, Buffer | Error>();
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < paths.length; i = next++) {
        const path = paths[i];
        contents.set(path, await fileSet.read(path).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))));
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, paths.length) }, worker));
    yield contents;
  }
}

async function readAll(fileSet: FileSet, entries: FileEntry[], limits: Limits, progress?: LoadOptions['progress']): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  progress?.(0, entries.length);
  for await (const contents of readBatches(fileSet, entries)) {
    for (const [path, content] of contents) outcomes.set(path, toOutcome(path, content, limits));
    progress?.(outcomes.size, entries.length);
  }
  return outcomes;
}

/** Lists, filters by `wanted`, reads and decodes; the results keep the listing's path order. */
export async function loadSourceFiles(fileSet: FileSet, options: LoadOptions): Promise<Loaded> {
  const { limits, wanted } = options;
  const entries = (await fileSet.list()).filter((entry) => wanted(entry.path));
  const early = new Map<string, Problem>();
  const readable: FileEntry[] = [];
  for (const entry of entries) {
    const rejection = rejectUnread(entry, limits);
    if (rejection) early.set(entry.path, rejection);
    else readable.push(entry);
  }
  const read = await readAll(fileSet, readable, limits, options.progress);
  const loaded: Loaded = { files: [], problems: [] };
  for (const { path } of entries) {
    const outcome = early.get(path) ?? read.get(path);
    if (!outcome) continue;
    if ('rule' in outcome) loaded.problems.push(outcome);
    else loaded.files.push(outcome);
  }
  return loaded;
}
