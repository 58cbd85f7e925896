/** What the action needs of the workflow run: the repository, and the pull request when the event has one. */
import { readFileSync } from 'node:fs';
import type { Env } from './runner.js';

export interface RepositoryContext {
  owner: string;
  repo: string;
  /** `html_url` of the repository (github.com or GitHub Enterprise Server), for links. */
  repoUrl: string;
  /** `GITHUB_API_URL`, e.g. `https://api.github.com`. */
  apiUrl: string;
}

export interface PullRequestContext {
  number: number;
  baseSha: string;
  headSha: string;
  /** `owner/repo` of the head and of the base repository. */
  headRepo: string;
  baseRepo: string;
  /** The head lives in another repository: the workflow's token is read-only. */
  fork: boolean;
  /** `pull_request.updated_at`: orders the sticky comment's runs. */
  updatedAt?: string;
}

export interface RunContext {
  eventName: string;
  repository: RepositoryContext;
  pullRequest?: PullRequestContext;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Reads `GITHUB_EVENT_PATH` (absent or unreadable: no event) and the `GITHUB_*` variables. */
export function readRunContext(env: Env): RunContext {
  let event: Json = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = obj(JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'))) ?? {};
    } catch (error) {
      throw new Error(`cannot read the event payload ${env.GITHUB_EVENT_PATH}: ${(error as Error).message}`);
    }
  }
  const repository = obj(event.repository);
  const fullName = str(repository?.full_name) ?? env.GITHUB_REPOSITORY ?? '';
  const [owner = '', repo = ''] = fullName.split('/');
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const context: RunContext = {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    repository: {
      owner,
      repo,
      repoUrl: str(repository?.html_url) ?? `${serverUrl}/${fullName}`,
      apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, ''),
    },
  };
  const pr = obj(event.pull_request);
  const base = obj(pr?.base);
  const head = obj(pr?.head);
  const number = typeof pr?.number === 'number' ? pr.number : typeof event.number === 'number' ? event.number : undefined;
  const baseSha = str(base?.sha);
  const headSha = str(head?.sha);
  if (pr && number !== undefined && baseSha && headSha) {
    const baseRepo = str(obj(base?.repo)?.full_name) ?? fullName;
    // A deleted fork has `head.repo: null`: still not this repository.
    const headRepo = str(obj(head?.repo)?.full_name) ?? '(deleted fork)';
    const updatedAt = str(pr.updated_at);
    context.pullRequest = { number, baseSha, headSha, headRepo, baseRepo, fork: headRepo !== baseRepo, ...(updatedAt ? { updatedAt } : {}) };
  }
  return context;
}
