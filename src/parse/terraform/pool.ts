/**
 * tree-sitter's syntax stage (file → AST + problems, plain data) on every core, for the files the
 * direct reader leaves to it when there are many (a tree full of template directives, say): a few
 * `worker_threads` (each loads the grammar once) plus the main thread pull batches of files from
 * one queue. Results are the same `ParsedFile`s tree-sitter makes on the main thread, under the
 * same limits. A worker that dies costs the file it was reading (a KMS000 problem), not the run:
 * its other files go back to the queue, and the main thread finishes whatever is left.
 *
 * Workers run the compiled `worker.js` next to this module; from the TypeScript sources (vitest)
 * there is none, and callers use the single-threaded path.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Limits, SourceFile } from '../../model/source.js';
import { type ParsedFile, parseHclFile, syntaxStageFailure } from './syntax.js';

/** Below these, starting workers (~100 ms each, grammar included) costs more than it saves. */
export const POOL_MIN_BYTES = 2 * 1024 * 1024;
export const POOL_MIN_FILES = 1_000;
const MAX_WORKERS = 4;
/** Characters of source per batch: small enough to balance the load, large enough to amortise messages. */
const BATCH_CHARS = 64 * 1024;
/** Batches a worker holds at once, so it never waits for the main thread between two batches. */
const BATCHES_AHEAD = 2;

export type WorkerRequest = { batch: number; files: SourceFile[]; limits: Limits };
export type WorkerReply = { kind: 'ready' } | { kind: 'file'; batch: number; parsed: ParsedFile } | { kind: 'batch'; batch: number };

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** True when the compiled worker exists (not when running from the TypeScript sources). */
export function poolAvailable(): boolean {
  return existsSync(fileURLToPath(WORKER_URL));
}

/** Whether a file set is large enough for the pool (and the pool can run here). */
export function worthParallel(files: readonly SourceFile[]): boolean {
  if (files.length < 2) return false;
  const bytes = files.reduce((sum, f) => sum + f.size, 0);
  return (bytes >= POOL_MIN_BYTES || files.length >= POOL_MIN_FILES) && poolAvailable();
}

export interface PoolOptions {
  /** Worker threads besides the main thread; default: available cores − 1, at least 1, at most 4. */
  workers?: number;
  /** Whether the main thread parses a share too (default true); it always finishes what lost workers leave. */
  mainThread?: boolean;
  /** Worker entry (tests substitute a failing one). */
  workerUrl?: URL;
  /** Called once per file parsed (a progress count). */
  onFile?: () => void;
}

/** Workers kept ready between calls while `shareParserPool` bodies run (both sides of a diff). */
/** A worker serving one `parseInPool` call: its batches in flight, and how to take its listeners off. */
interface PoolWorker {
  worker: Worker;
  pending: Map<number, SourceFile[]>;
  detach(): void;
}

interface IdleWorker {
  worker: Worker;
  /** Removes the idle-time listeners (a call takes the worker). */
  take(): Worker;
}
const idle: IdleWorker[] = [];
let keeping = 0;

function release(worker: Worker): void {
  // An idle worker that dies is simply no longer there to reuse. (Only our own listeners are
  // ever removed: the Worker keeps internal ones that reference its message port.)
  const gone = () => {
    const at = idle.indexOf(entry);
    if (at >= 0) idle.splice(at, 1);
  };
  const ignore = () => undefined;
  const entry: IdleWorker = {
    worker,
    take: () => {
      worker.off('exit', gone);
      worker.off('error', ignore);
      return worker;
    },
  };
  worker.once('exit', gone);
  worker.on('error', ignore);
  idle.push(entry);
}

/**
 * Runs `body` with one parser pool for every `parseInPool` call inside it: workers started by the
 * first call (grammar loaded) serve the next ones, and all are stopped when the last body ends.
 */
export async function shareParserPool<T>(body: () => Promise<T>): Promise<T> {
  keeping++;
  try {
    return await body();
  } finally {
    keeping--;
    if (keeping === 0) for (const { worker } of idle.splice(0)) void worker.terminate();
  }
}

/** The workers kept ready right now (tests). */
export function idleParserWorkers(): number {
  return idle.length;
}

/** Parses every file; resolves to one `ParsedFile` per input path. Never rejects. */
export async function parseInPool(files: readonly SourceFile[], limits: Limits, options: PoolOptions = {}): Promise<Map<string, ParsedFile>> {
  const results = new Map<string, ParsedFile>();
  const queue = batches(files);
  const size = Math.max(1, Math.min(MAX_WORKERS, options.workers ?? availableParallelism() - 1));
  await new Promise<void>((resolve) => {
    const workers = new Set<PoolWorker>();
    let mainBusy = false;
    /** Done when nobody holds work; idle workers are let go as soon as the queue is empty. */
    const settle = () => {
      if (queue.length > 0 || mainBusy) return;
      for (const entry of workers) {
        if (entry.pending.size > 0) continue;
        if (keeping > 0) {
          // A shared pool keeps the worker for the next call (the other side of a diff).
          workers.delete(entry);
          entry.detach();
          release(entry.worker);
        } else void entry.worker.terminate();
      }
      if (workers.size === 0) resolve();
    };
    // The main thread takes a batch whenever it is free, between worker messages.
    const mainShare = () => {
      if (mainBusy || (options.mainThread === false && workers.size > 0)) return;
      const next = queue.shift();
      if (!next) return settle();
      mainBusy = true;
      setImmediate(() => {
        for (const file of next) {
          results.set(file.path, parseSafely(file, limits));
          options.onFile?.();
        }
        mainBusy = false;
        mainShare();
      });
    };
    const start = () => {
      const reused = options.workerUrl ? undefined : idle.pop()?.take();
      let worker: Worker;
      try {
        worker = reused ?? new Worker(options.workerUrl ?? WORKER_URL);
      } catch {
        return; // no worker: the main thread does its share
      }
      const self: PoolWorker = { worker, pending: new Map(), detach: () => undefined };
      const { pending } = self;
      workers.add(self);
      let ready = false;
      let nextBatch = 0;
      const feed = () => {
        while (pending.size < BATCHES_AHEAD && queue.length > 0) {
          const batchFiles = queue.shift() as SourceFile[];
          const batch = nextBatch++;
          pending.set(batch, batchFiles);
          // Only the plain fields cross the thread boundary (a SourceFile may carry more).
          const plain = batchFiles.map(({ path, text, size }) => ({ path, text, size }));
          worker.postMessage({ batch, files: plain, limits } satisfies WorkerRequest);
        }
        settle();
      };
      const onMessage = (reply: WorkerReply) => {
        if (reply.kind === 'ready') {
          ready = true;
          feed();
        } else if (reply.kind === 'file') {
          results.set(reply.parsed.path, reply.parsed);
          options.onFile?.();
        } else {
          pending.delete(reply.batch);
          feed();
        }
      };
      worker.on('message', onMessage);
      const lost = (error: unknown) => {
        if (!workers.delete(self)) return;
        // In-flight files not yet answered go back to the queue, but the first one was being read
        // when the worker died: it gets the problem instead of a second chance to kill another.
        let blamed = false;
        for (const batchFiles of pending.values()) {
          const left = batchFiles.filter((f) => !results.has(f.path));
          if (!blamed && ready && left.length > 0) {
            const [culprit] = left.splice(0, 1);
            results.set(culprit.path, syntaxStageFailure(culprit.path, error ?? 'the parser worker stopped'));
            blamed = true;
          }
          if (left.length > 0) queue.unshift(left);
        }
        pending.clear();
        mainShare();
        settle();
      };
      const exited = (code: number) => lost(`the parser worker exited with code ${code}`);
      worker.on('error', lost);
      worker.on('exit', exited);
      self.detach = () => {
        worker.off('message', onMessage);
        worker.off('error', lost);
        worker.off('exit', exited);
      };
      if (reused) {
        // Its grammar is loaded already: no second 'ready' comes.
        ready = true;
        setImmediate(feed);
      }
    };
    for (let i = 0; i < size; i++) start();
    mainShare();
  });
  // Anything nobody answered for (cannot normally happen) is parsed here.
  for (const file of files) if (!results.has(file.path)) results.set(file.path, parseSafely(file, limits));
  return results;
}

function parseSafely(file: SourceFile, limits: Limits): ParsedFile {
  try {
    return parseHclFile(file, limits, 'tree-sitter');
  } catch (error) {
    return syntaxStageFailure(file.path, error);
  }
}

/** Files in batches of about `BATCH_CHARS` characters, in input order. */
function batches(files: readonly SourceFile[]): SourceFile[][] {
  const out: SourceFile[][] = [];
  let current: SourceFile[] = [];
  let chars = 0;
  for (const file of files) {
    current.push(file);
    chars += file.text.length;
    if (chars >= BATCH_CHARS) {
      out.push(current);
      current = [];
      chars = 0;
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}
