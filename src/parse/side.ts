/**
 * The self-contained parser plug-ins (CloudFormation, policies, plans: no grammar, no other files)
 * on one worker thread while Terraform runs on this one, when their files are many enough to be
 * worth a thread: on two cores, a large tree's templates then cost the Terraform parse nothing.
 * Only their outputs cross back (resources, units, problems: small next to the texts), and a
 * parser that fails there fails as it would here.
 *
 * The worker is the compiled `side-worker.js` next to this module (the Action bundle ships one
 * beside its entry); from the TypeScript sources (vitest) there is none and the registry parses
 * on this thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Limits, SourceFile } from '../model/source.js';
import type { ParseOutput, SourceKind } from '../model/types.js';

/** Below this many bytes of their files, a worker (about 100 ms from start to a first answer, measured) costs more than it saves. */
export const SIDE_MIN_BYTES = 256 * 1024;

export interface SideJob {
  parser: SourceKind;
  files: SourceFile[];
}

export interface SideRequest {
  jobs: SideJob[];
  limits: Limits;
  scpPaths: string[];
}

/** One reply per job: the parser's output, or why it failed. */
export type SideReply = { parser: SourceKind; output: ParseOutput } | { parser: SourceKind; error: string };

const WORKER_URL = new URL('./side-worker.js', import.meta.url);

/** Whether these jobs are worth a worker, and one can run here. */
export function worthSideThread(jobs: readonly SideJob[]): boolean {
  const bytes = jobs.reduce((sum, job) => sum + job.files.reduce((n, f) => n + f.size, 0), 0);
  return bytes >= SIDE_MIN_BYTES && existsSync(fileURLToPath(WORKER_URL));
}

/**
 * Runs the jobs on a worker. Resolves (never rejects) to what each parser gave, by name; a job
 * the worker never answered (it could not start, or died) is missing, for the caller to run itself.
 */
export function parseOnSideThread(request: SideRequest, workerUrl: URL = WORKER_URL): Promise<Map<SourceKind, ParseOutput | Error>> {
  const replies = new Map<SourceKind, ParseOutput | Error>();
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(workerUrl);
    } catch {
      resolve(replies);
      return;
    }
    const done = () => {
      worker.removeAllListeners();
      void worker.terminate();
      resolve(replies);
    };
    worker.on('message', (reply: SideReply) => {
      replies.set(reply.parser, 'output' in reply ? reply.output : new Error(reply.error));
      if (replies.size === request.jobs.length) done();
    });
    worker.on('error', done);
    worker.on('exit', done);
    worker.postMessage(request);
  });
}
