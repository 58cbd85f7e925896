#!/usr/bin/env node
/**
 * `npm run load` (not a test): queue mode under load, all on loopback. Starts a throwaway
 * `redis-server`, a fake GitHub (Enterprise layout, in this process), the receiver
 * (`node lib/server.js` with REDIS_URL) and W workers (`node lib/worker.js`), fires N signed
 * `pull_request` webhooks (distinct pull requests over several installations) with C in flight,
 * waits until every check run is completed, and prints the webhook answer throughput and latency
 * (p50/p99 — GitHub gives up after 10 s), how long after the answer the `queued` check run
 * appeared (it is created in the background), the end-to-end review throughput, and whether every
 * check run was completed exactly once. Bounded: N ≤ 2000, at most 180 s.
 *
 *   npm run load -- --webhooks 300 --workers 2 --concurrency 20
 */
import { spawn } from 'node:child_process';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    webhooks: { type: 'string', default: '300' },
    workers: { type: 'string', default: '2' },
    concurrency: { type: 'string', default: '20' },
    installations: { type: 'string', default: '5' },
    'github-latency': { type: 'string', default: '20' },
  },
});
const N = Math.min(2000, Math.max(1, Number(values.webhooks)));
const WORKERS = Math.min(8, Math.max(1, Number(values.workers)));
const CONCURRENCY = Math.min(100, Math.max(1, Number(values.concurrency)));
const INSTALLATIONS = Math.max(1, Number(values.installations));
const LATENCY_MS = Math.max(0, Number(values['github-latency']));
const DEADLINE = Date.now() + 180_000;
const SECRET = 'load-test-secret';

for (const entry of ['lib/server.js', 'lib/worker.js']) {
  if (!existsSync(join(root, entry))) throw new Error(`${entry} missing: run npm run build first`);
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(what, probe, timeoutMs = 20_000) {
  const end = Math.min(Date.now() + timeoutMs, DEADLINE);
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

// --- A fake GitHub: tokens, check runs, no config, a pull request without IaC changes. ---
const runs = new Map();
let nextId = 1;
let githubRequests = 0;
const github = createServer(async (req, res) => {
  githubRequests++;
  let text = '';
  for await (const chunk of req) text += chunk;
  const body = text ? JSON.parse(text) : {};
  const path = new URL(req.url, 'http://x').pathname.replace(/^\/api\/v3/, '');
  const reply = (status, data) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(data));
  if (LATENCY_MS) await sleep(LATENCY_MS);
  const token = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path);
  const headRuns = /\/commits\/([0-9a-f]{40})\/check-runs$/.exec(path);
  const runPath = /\/check-runs\/(\d+)$/.exec(path);
  const pullPath = /\/pulls\/(\d+)$/.exec(path);
  if (req.method === 'POST' && token) {
    return reply(201, { token: `ghs_${token[1]}`, expires_at: '2099-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' });
  }
  if (req.method === 'GET' && headRuns) {
    const found = [...runs.values()].filter((r) => r.head === headRuns[1]);
    return reply(200, { total_count: found.length, check_runs: found.map((r) => ({ id: r.id, external_id: r.externalId, app: { slug: 'kms-review' } })) });
  }
  if (req.method === 'POST' && /\/check-runs$/.test(path)) {
    const id = nextId++;
    runs.set(id, { id, head: body.head_sha, externalId: body.external_id, status: body.status, completions: 0, createdAt: performance.now() });
    return reply(201, { id });
  }
  if (runPath) {
    const run = runs.get(Number(runPath[1]));
    if (!run) return reply(404, { message: 'Not Found' });
    if (req.method === 'PATCH') {
      if (body.status) run.status = body.status;
      if (body.status === 'completed') {
        run.completions++;
        run.completedAt = Date.now();
      }
    }
    return reply(200, { id: run.id, status: run.status });
  }
  if (req.method === 'GET' && /\/pulls\/\d+\/files$/.test(path)) return reply(200, [{ filename: 'README.md', status: 'modified' }]);
  if (req.method === 'GET' && pullPath) {
    return reply(200, { number: Number(pullPath[1]), state: 'open', head: { sha: shaOf(Number(pullPath[1])) }, comments: 0 });
  }
  if (req.method === 'GET' && /\/(issues\/\d+\/comments|pulls\/\d+\/(comments|reviews))$/.test(path)) return reply(200, []);
  if (req.method === 'POST' && /\/(issues\/\d+\/comments|pulls\/\d+\/reviews)$/.test(path)) return reply(201, { id: nextId++ });
  return reply(404, { message: 'Not Found' });
});
const shaOf = (n) => n.toString(16).padStart(40, 'c');

const children = [];
function start(name, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d) => (err = (err + d).slice(-4000)));
  child.on('exit', (code) => {
    if (code && !stopping) console.error(`${name} exited with ${code}\n${err}`);
  });
  children.push(child);
  return child;
}
let stopping = false;
async function stopAll() {
  stopping = true;
  await Promise.all(
    children.map(
      (c) =>
        new Promise((resolve) => {
          if (c.exitCode !== null) return resolve();
          c.once('exit', resolve);
          c.kill('SIGTERM');
          setTimeout(() => c.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
  github.closeAllConnections();
  github.close();
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

try {
  await new Promise((resolve) => github.listen(0, '127.0.0.1', resolve));
  const redisPort = await freePort();
  const redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  children.push(redis);
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const port = await freePort();
  const env = {
    APP_ID: '1',
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: SECRET,
    GHE_HOST: `127.0.0.1:${github.address().port}`,
    GHE_PROTOCOL: 'http',
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    LOG_LEVEL: 'error',
    LOG_FORMAT: 'json',
    KMS_REVIEW_CONCURRENCY: '8',
    KMS_REVIEW_INSTALLATION_LIMIT: '4',
  };
  await sleep(200);
  start('receiver', ['lib/server.js'], { ...env, PORT: String(port), HOST: '127.0.0.1' });
  for (let i = 0; i < WORKERS; i++) start(`worker ${i + 1}`, ['lib/worker.js'], env);
  const base = `http://127.0.0.1:${port}`;
  await until('the receiver', () =>
    fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    ),
  );
  await sleep(1500); // workers connect

  const template = JSON.parse(readFileSync(join(root, 'fixtures/webhooks/pull_request.opened.json'), 'utf8'));
  const latencies = [];
  /** Head sha → when its webhook was answered (the check run is created after the answer). */
  const answeredAt = new Map();
  const statuses = new Map();
  let sent = 0;
  const firstSent = Date.now();
  async function fire() {
    while (sent < N && Date.now() < DEADLINE) {
      const n = ++sent;
      const payload = structuredClone(template);
      payload.number = n;
      payload.pull_request.number = n;
      payload.pull_request.head.sha = shaOf(n);
      payload.installation.id = 1000 + (n % INSTALLATIONS);
      const body = JSON.stringify(payload);
      const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
      const t0 = performance.now();
      const res = await fetch(`${base}/api/github/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': `load-${n}`, 'x-hub-signature-256': signature },
        body,
      });
      await res.arrayBuffer();
      answeredAt.set(payload.pull_request.head.sha, performance.now());
      latencies.push(performance.now() - t0);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, fire));
  const answered = Date.now();
  // On timeout the numbers are still printed (and the exit code says it).
  const finished = await until(`${N} completed check runs`, () => [...runs.values()].filter((r) => r.status === 'completed').length >= N, 170_000).then(
    () => true,
    (error) => {
      console.error(error.message);
      return false;
    },
  );
  await sleep(500); // a late duplicate completion would show up here
  const done = Date.now();

  const sorted = [...latencies].sort((a, b) => a - b);
  const all = [...runs.values()];
  const once = all.filter((r) => r.completions === 1).length;
  const twice = all.filter((r) => r.completions > 1).length;
  console.log(
    `kms-review load: ${N} webhooks, ${CONCURRENCY} in flight, ${WORKERS} workers × 8, ${INSTALLATIONS} installations, GitHub latency ${LATENCY_MS} ms`,
  );
  console.log(
    `  answers:     ${[...statuses].map(([s, c]) => `${c}× ${s}`).join(', ')} in ${((answered - firstSent) / 1000).toFixed(2)} s → ${(N / ((answered - firstSent) / 1000)).toFixed(0)} webhooks/s`,
  );
  console.log(`  latency:     p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, max ${sorted.at(-1).toFixed(0)} ms`);
  const queuedAfter = all
    .filter((r) => answeredAt.has(r.head))
    .map((r) => (r.createdAt - answeredAt.get(r.head)) / 1000)
    .sort((a, b) => a - b);
  if (queuedAfter.length > 0) {
    console.log(
      `  queued run:  created p50 ${percentile(queuedAfter, 50).toFixed(1)} s, p99 ${percentile(queuedAfter, 99).toFixed(1)} s, max ${queuedAfter.at(-1).toFixed(1)} s after the answer`,
    );
  }
  console.log(
    `  reviews:     ${all.filter((r) => r.status === 'completed').length} completed in ${((done - firstSent) / 1000).toFixed(2)} s → ${(N / ((done - 500 - firstSent) / 1000)).toFixed(1)} reviews/s end to end`,
  );
  const queued = all.filter((r) => r.status !== 'completed').length;
  console.log(`  check runs:  ${all.length} created, ${once} completed exactly once, ${twice} completed more than once, ${queued} not completed`);
  console.log(`  GitHub API:  ${githubRequests} requests (${(githubRequests / N).toFixed(1)} per webhook)`);
  process.exitCode = finished && all.length === N && once === N && statuses.get(200) === N ? 0 : 1;
} finally {
  await stopAll();
}
