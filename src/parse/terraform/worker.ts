/**
 * A syntax worker of `pool.ts`: loads the grammar once, then turns batches of files into
 * `ParsedFile`s (plain data) with the same code and limits as the main thread. One result message
 * per file, so the pool knows which file a crash was reading.
 */
import { parentPort } from 'node:worker_threads';
import { loadGrammar } from './grammar.js';
import type { WorkerReply, WorkerRequest } from './pool.js';
import { parseHclFile, syntaxStageFailure } from './syntax.js';

const port = parentPort;
if (port) {
  await loadGrammar();
  port.on('message', ({ batch, files, limits }: WorkerRequest) => {
    for (const file of files) {
      let parsed: ReturnType<typeof parseHclFile>;
      try {
        parsed = parseHclFile(file, limits, 'tree-sitter');
      } catch (error) {
        parsed = syntaxStageFailure(file.path, error);
      }
      port.postMessage({ kind: 'file', batch, parsed } satisfies WorkerReply);
    }
    port.postMessage({ kind: 'batch', batch } satisfies WorkerReply);
  });
  port.postMessage({ kind: 'ready' } satisfies WorkerReply);
}
