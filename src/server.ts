/**
 * The container's entry (`node lib/server.js`): Probot's webhook middleware on `node:http`,
 * `GET /healthz` for the orchestrator, configured only by the environment (`src/queue/env.ts`,
 * plus `PORT`, default 3000, and `HOST`). With `REDIS_URL` it only queues reviews
 * (`kms-review worker` runs them). SIGTERM/SIGINT: stop accepting, finish answering, exit.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createNodeMiddleware } from 'probot';
import { receiverFromEnv } from './queue/env.js';

export interface RunningServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<RunningServer> {
  const receiver = receiverFromEnv(env);
  const middleware = await createNodeMiddleware(receiver.app, { probot: receiver.probot });
  const log = receiver.probot.log;
  const server = createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/healthz' || req.url?.startsWith('/healthz?'))) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
      return;
    }
    void middleware(req, res, () => {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(Number(env.PORT ?? 3000), env.HOST ?? '0.0.0.0', resolve));
  const port = (server.address() as AddressInfo).port;
  log.info({ port, queue: !!receiver.producer }, `kms-review listening on port ${port}${receiver.producer ? ' (queue mode)' : ''}`);
  return {
    server,
    port,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await receiver.close();
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const running = await startServer();
  const stop = () => {
    running.server.closeIdleConnections();
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
