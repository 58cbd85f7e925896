/** The worker of `side.ts`: runs each self-contained parser on its files and answers once per parser. */
import { parentPort } from 'node:worker_threads';
import { PARSERS } from './registry.js';
import type { SideReply, SideRequest } from './side.js';

const port = parentPort;
port?.once('message', ({ jobs, limits, scpPaths }: SideRequest) => {
  for (const { parser: name, files } of jobs) {
    const parser = PARSERS.find((p) => p.name === name && p.selfContained);
    let reply: SideReply;
    try {
      if (!parser) throw new Error(`no self-contained parser named ${name}`);
      reply = { parser: name, output: parser.parse(files, { files: new Map(), limits, scpPaths }) };
    } catch (error) {
      reply = { parser: name, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  }
});
