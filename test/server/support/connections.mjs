// Preloaded into an app under test (NODE_OPTIONS=--import …): appends the destination of every
// outgoing TCP connection the process opens to $KMS_REVIEW_CONNECTIONS_LOG, one JSON line each, so
// a test can assert that nothing left for a host other than the loopback GitHub.
import { appendFileSync } from 'node:fs';
import net from 'node:net';

const log = process.env.KMS_REVIEW_CONNECTIONS_LOG;
if (log) {
  const connect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function (...args) {
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    const target =
      first && typeof first === 'object'
        ? { host: first.host ?? (first.path ? undefined : 'localhost'), port: first.port, path: first.path }
        : { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: first };
    if (target.host !== undefined || target.port !== undefined) appendFileSync(log, `${JSON.stringify({ pid: process.pid, ...target })}\n`);
    return connect.apply(this, args);
  };
}
