/** A simulated GitHub Actions job: a temporary git repository, an event payload, runner files, a loopback "GitHub API". */
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const DIST_ENTRY = resolve('dist/index.js');
const SCENARIO = resolve('fixtures/scenarios/env-wide-shared-key');

const git = (cwd: string, ...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, encoding: 'utf8' }).trim();

export interface Job {
  dir: string;
  workspace: string;
  baseSha: string;
  headSha: string;
  eventPath: string;
  outputPath: string;
  summaryPath: string;
  cleanup(): void;
}

/** A repository with the scenario's `before` as the base commit and `after` as the head commit (checked out). */
export function createJob(options: { fork?: boolean; headExtra?: Record<string, string> } = {}): Job {
  const dir = mkdtempSync(join(tmpdir(), 'kms-review-action-'));
  const workspace = join(dir, 'workspace');
  mkdirSync(workspace);
  git(workspace, 'init', '-q', '-b', 'main');
  cpSync(join(SCENARIO, 'before'), workspace, { recursive: true });
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'base');
  const baseSha = git(workspace, 'rev-parse', 'HEAD');
  rmSync(join(workspace, 'envs'), { recursive: true });
  cpSync(join(SCENARIO, 'after'), workspace, { recursive: true });
  for (const [path, text] of Object.entries(options.headExtra ?? {})) {
    mkdirSync(join(workspace, path, '..'), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-q', '-m', 'head');
  const headSha = git(workspace, 'rev-parse', 'HEAD');

  // The recorded webhook payload of a real pull request, pointed at this repository's commits.
  const event = JSON.parse(readFileSync('fixtures/webhooks/pull_request.opened.json', 'utf8'));
  event.pull_request.base.sha = baseSha;
  event.pull_request.head.sha = headSha;
  if (options.fork) {
    event.pull_request.head.repo = {
      ...event.pull_request.head.repo,
      id: 999_001,
      full_name: 'mallory/platform-infra',
      fork: true,
      owner: { login: 'mallory' },
    };
  }
  const eventPath = join(dir, 'event.json');
  writeFileSync(eventPath, JSON.stringify(event, null, 2));
  const outputPath = join(dir, 'github_output');
  const summaryPath = join(dir, 'step_summary');
  writeFileSync(outputPath, '');
  writeFileSync(summaryPath, '');
  return { dir, workspace, baseSha, headSha, eventPath, outputPath, summaryPath, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export const PENDING_DELETION = 'fixtures/live/pending-deletion';

/** A pull request adding `queues/queues.tf`: a queue encrypted with a key that is pending deletion in the account (fixtures/live/pending-deletion). */
export function pendingDeletionJob(config: string, extra: Record<string, string> = {}): Job {
  return createJob({
    headExtra: {
      '.github/kms-review.yml': config,
      'queues/providers.tf': readFileSync(`${PENDING_DELETION}/providers.tf`, 'utf8'),
      'queues/queues.tf': readFileSync(`${PENDING_DELETION}/queues.tf`, 'utf8'),
      ...extra,
    },
  });
}

/** `pulls.listFiles` as GitHub answers it: one entry per changed file with its hunks as `patch`. */
export function pullFiles(job: Job): { filename: string; status: string; patch: string }[] {
  const names = git(job.workspace, 'diff', '--name-status', job.baseSha, job.headSha).split('\n').filter(Boolean);
  return names.map((line) => {
    const [status, filename] = line.split('\t');
    const diff = git(job.workspace, 'diff', '--no-color', job.baseSha, job.headSha, '--', filename);
    return { filename, status: status === 'A' ? 'added' : status === 'D' ? 'removed' : 'modified', patch: diff.slice(diff.indexOf('@@')) };
  });
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  body: unknown;
}

export type Route = (req: RecordedRequest) => { status: number; body: unknown } | undefined;

/** A loopback HTTP server standing in for the GitHub REST API; records every request. */
export async function fakeApi(route: Route): Promise<{ url: string; requests: RecordedRequest[]; close(): Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        body: text ? JSON.parse(text) : undefined,
      };
      requests.push(recorded);
      const answer = route(recorded) ?? { status: 404, body: { message: 'Not Found' } };
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((done) => server.close(() => done())) };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Runs the bundled action as the runner does: `node dist/index.js` with `INPUT_*` and `GITHUB_*` variables. */
export function runAction(job: Job, inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<RunResult> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: job.dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: job.eventPath,
    GITHUB_WORKSPACE: job.workspace,
    GITHUB_REPOSITORY: 'acme/platform-infra',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9', // nothing listens: a test that publishes passes its own
    GITHUB_SHA: job.headSha,
    GITHUB_OUTPUT: job.outputPath,
    GITHUB_STEP_SUMMARY: job.summaryPath,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...extraEnv,
  };
  return new Promise((done) => {
    execFile(process.execPath, [DIST_ENTRY], { cwd: job.workspace, env, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ code, stdout, stderr, outputs: parseOutputs(readFileSync(job.outputPath, 'utf8')), summary: readFileSync(job.summaryPath, 'utf8') });
    });
  });
}

/** Reads `name<<delimiter … delimiter` records (and `name=value` lines) as the runner does. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      if (end < 0) throw new Error(`unterminated output ${heredoc[1]}`);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (lines[i].includes('=')) {
      outputs[lines[i].slice(0, lines[i].indexOf('='))] = lines[i].slice(lines[i].indexOf('=') + 1);
    }
  }
  return outputs;
}
