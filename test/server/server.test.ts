/**
 * The container's entry command (`node lib/server.js`, what the Dockerfile's CMD runs) outside
 * Docker: configured only by the environment, GitHub at a loopback fake (`GHE_HOST`), a signed
 * webhook reviews the pull request (the check run is created and completed), a bad signature is
 * refused, `/healthz` answers.
 */
import { readFileSync } from 'node:fs';
import { sign } from '@octokit/webhooks-methods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, repo } from './support/build.js';
import { LoopbackGithub } from './support/github.js';
import { appEnv, type Child, freePort, SECRET, spawnNode, until } from './support/process.js';

let github: LoopbackGithub;
let server: Child;
let base: string;

beforeAll(async () => {
  await ensureBuilt(['server.js']);
  github = await new LoopbackGithub().start();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawnNode(['lib/server.js'], appEnv(github.host, { PORT: String(port), HOST: '127.0.0.1' }), repo);
  await until(
    'the server',
    () =>
      fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      ),
    20_000,
    server.output,
  );
}, 120_000);

afterAll(async () => {
  server?.process.kill('SIGTERM');
  if (server) expect(await server.exited).toBe(0);
  await github?.stop();
});

const body = readFileSync('fixtures/webhooks/pull_request.opened.json', 'utf8');
const post = (signature: string, delivery = 'd-1') =>
  fetch(`${base}/api/github/webhooks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': delivery, 'x-hub-signature-256': signature },
    body,
  });

describe('node lib/server.js', () => {
  it('answers GET /healthz with 200 {"status":"ok"}', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
    expect((await fetch(`${base}/nothing-here`)).status).toBe(404);
  });

  it('a signed webhook: 200, and the review creates and completes the check run at the GitHub host', async () => {
    const res = await post(await sign(SECRET, body));
    expect(res.status).toBe(200);
    const runs = [...github.runs.values()];
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ installation: 77, headSha: '2'.repeat(40), status: 'completed', conclusion: 'success', completions: 1 });
    expect(github.requests[0]).toMatchObject({ method: 'POST', path: '/app/installations/77/access_tokens' });
    expect(github.requests.find((r) => r.method === 'POST' && r.path.endsWith('/check-runs'))?.body).toMatchObject({
      name: 'KMS key strategy',
      status: 'in_progress',
    });
  });

  it('a bad signature: 400, nothing sent to GitHub', async () => {
    const before = github.requests.length;
    const res = await post(await sign('not-the-secret', body), 'd-2');
    expect(res.status).toBe(400);
    expect(github.requests.length).toBe(before);
  });
});
