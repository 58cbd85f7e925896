/**
 * A fake GitHub (Enterprise Server layout: `/api/v3/...`) on a loopback port, for apps running in
 * other processes (nock cannot reach them): installation tokens, check runs (create, update, get),
 * the config file (absent), the changed files of a pull request (no IaC: the review is "skipped",
 * after `filesDelayMs`, so a test can kill a worker mid-review) and the pull request's head.
 * It records every request and counts, per check run, how often it was completed.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Loose } from '../../support/loose.js';
import { closeLoopback, listenOnLoopback } from './loopback.js';

export interface CheckRun {
  id: number;
  installation: number;
  headSha: string;
  externalId?: string;
  status: string;
  conclusion?: string;
  title?: string;
  completions: number;
}

export class LoopbackGithub {
  readonly requests: { method: string; path: string; body?: Loose; installation?: number }[] = [];
  readonly runs = new Map<number, CheckRun>();
  /** Current head per pull request number (`pulls.get`). */
  readonly heads = new Map<number, string>();
  filesDelayMs = 0;
  /** Most reviews in progress at once, per installation (fairness checks). */
  readonly maxInProgress = new Map<number, number>();
  #server: Server | undefined;
  #nextId = 1000;
  port = 0;

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      void this.#handle(req).then(([status, body]) => {
        res.writeHead(status, { 'content-type': 'application/json' }).end(body === undefined ? '' : JSON.stringify(body));
      });
    });
    this.port = await listenOnLoopback(this.#server);
    return this;
  }

  async stop(): Promise<void> {
    await closeLoopback(this.#server);
  }

  completed(): CheckRun[] {
    return [...this.runs.values()].filter((r) => r.status === 'completed');
  }

  #inProgress(installation: number): number {
    return [...this.runs.values()].filter((r) => r.installation === installation && r.status === 'in_progress').length;
  }

  async #handle(req: IncomingMessage): Promise<[number, unknown?]> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? JSON.parse(text) : undefined;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname.replace(/^\/api\/v3/, '');
    const method = req.method ?? 'GET';
    const token = /ghs_installation_(\d+)/.exec(req.headers.authorization ?? '');
    const installation = token ? Number(token[1]) : undefined;
    this.requests.push({ method, path, ...(body ? { body } : {}), ...(installation ? { installation } : {}) });

    let m = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path);
    if (method === 'POST' && m) {
      return [201, { token: `ghs_installation_${m[1]}`, expires_at: '2099-01-01T00:00:00Z', permissions: {}, repository_selection: 'all' }];
    }
    if (method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/check-runs$/.test(path)) {
      const id = this.#nextId++;
      this.runs.set(id, {
        id,
        installation: installation ?? 0,
        headSha: body.head_sha,
        externalId: body.external_id,
        status: body.status ?? 'queued',
        title: body.output?.title,
        completions: 0,
      });
      this.#note(installation ?? 0);
      return [201, { id, html_url: `https://github.example/runs/${id}` }];
    }
    m = /^\/repos\/[^/]+\/[^/]+\/check-runs\/(\d+)$/.exec(path);
    if (m) {
      const run = this.runs.get(Number(m[1]));
      if (!run) return [404, { message: 'Not Found' }];
      if (method === 'GET') return [200, { id: run.id, status: run.status, conclusion: run.conclusion ?? null }];
      if (body.status) run.status = body.status;
      if (body.conclusion) run.conclusion = body.conclusion;
      if (body.output?.title) run.title = body.output.title;
      if (body.status === 'completed') run.completions++;
      this.#note(run.installation);
      return [200, { id: run.id }];
    }
    m = /^\/repos\/[^/]+\/[^/]+\/commits\/([0-9a-f]+)\/check-runs$/.exec(path);
    if (method === 'GET' && m) {
      const runs = [...this.runs.values()].filter((r) => r.headSha === m![1]);
      return [200, { total_count: runs.length, check_runs: runs.map((r) => ({ id: r.id, external_id: r.externalId, app: { slug: 'kms-review' } })) }];
    }
    if (method === 'GET' && path.includes('/contents/')) return [404, { message: 'Not Found' }];
    if (method === 'GET' && /\/(issues\/\d+\/comments|pulls\/\d+\/(comments|reviews))$/.test(path)) return [200, []];
    if (method === 'POST' && /\/(issues\/\d+\/comments|pulls\/\d+\/reviews)$/.test(path)) return [201, { id: this.#nextId++, body: body?.body }];
    if (method === 'PATCH' && /\/issues\/comments\/\d+$/.test(path)) return [200, { id: 1, body: body?.body }];
    m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)\/files$/.exec(path);
    if (method === 'GET' && m) {
      if (this.filesDelayMs) await new Promise((resolve) => setTimeout(resolve, this.filesDelayMs));
      return [200, [{ filename: 'README.md', status: 'modified', additions: 1, deletions: 1, changes: 2 }]];
    }
    m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(path);
    if (method === 'GET' && m) {
      const head = this.heads.get(Number(m[1])) ?? '2'.repeat(40);
      return [200, { number: Number(m[1]), state: 'open', head: { sha: head }, comments: 0 }];
    }
    return [404, { message: `Not Found (fake): ${method} ${path}` }];
  }

  #note(installation: number): void {
    this.maxInProgress.set(installation, Math.max(this.maxInProgress.get(installation) ?? 0, this.#inProgress(installation)));
  }
}
