/**
 * What a slash command runs with: the pull request (read again: the answer is about its current
 * head), both sides with the base tree's configuration (`readPullRequest`, as a review reads them),
 * the PR-scoped ignores, and the analysis of the head computed the same way a review computes it.
 * Each is read at most once per comment, however many commands it holds; an ignore written by
 * one command is seen by the next.
 */
import { limitsOf } from '../../config/load.js';
import { type LiveHook, liveHookFor } from '../../live/index.js';
import { type Analysis, analyse, analyseChange, type ChangeAnalysis } from '../../pipeline.js';
import type { ReplyContext } from '../../report/command-replies.js';
import { createApiCallCounter } from '../../sources/api-calls.js';
import { githubFileSet } from '../../sources/github.js';
import { isCandidatePath } from '../../sources/load.js';
import { excludeMatcher } from '../../sources/paths.js';
import type { RepoConfig } from '../config.js';
import type { HandlerDeps } from '../handlers.js';
import type { ReviewTarget } from '../publisher.js';
import { blobCacheOf, externalOf, type PullRequestRead, type ReviewClient, readPullRequest } from '../review.js';
import { activeIgnores, type IgnoresClient, type PrIgnore, readIgnores, type StoredIgnores, writeIgnores } from './ignores.js';

type Repo = { owner: string; repo: string };

export interface PullInfo {
  number: number;
  state: string;
  comments?: number;
  changed_files?: number;
  head: { sha: string; repo?: { id: number } | null };
  base: { sha: string; repo?: { id: number } | null };
}

export type Reaction = 'eyes' | 'rocket' | 'confused';

/** What the commands use of an Octokit (`ProbotOctokit` fits). */
export type CommandClient = Omit<ReviewClient, 'rest'> & {
  rest: ReviewClient['rest'] &
    IgnoresClient['rest'] & {
      pulls: {
        get(params: Repo & { pull_number: number }): Promise<{ data: PullInfo }>;
        getReviewComment(
          params: Repo & { comment_id: number },
        ): Promise<{ data: { id: number; body?: string | null; user?: { login?: string; type?: string } | null } }>;
        createReplyForReviewComment(params: Repo & { pull_number: number; comment_id: number; body: string }): Promise<unknown>;
      };
      reactions: {
        createForIssueComment(params: Repo & { comment_id: number; content: Reaction }): Promise<unknown>;
        createForPullRequestReviewComment(params: Repo & { comment_id: number; content: Reaction }): Promise<unknown>;
      };
    };
};

/** Where the command was written. */
export type Place =
  | { kind: 'issue'; commentId: number }
  /** A review comment; `rootId` is the first comment of its thread (itself when it starts one). */
  | { kind: 'review'; commentId: number; rootId: number };

export type Analysed =
  | { ok: true; change: ChangeAnalysis; config: RepoConfig; pull: PullInfo; reply: ReplyContext; units: number }
  | { ok: false; why: string };

export class Invocation {
  #pull?: Promise<PullInfo>;
  #read?: Promise<PullRequestRead>;
  #ignores?: Promise<StoredIgnores>;
  #analysis?: Promise<Analysed>;
  #whole?: Promise<Analysis>;
  #liveHook?: LiveHook | null;

  constructor(
    readonly octokit: CommandClient,
    readonly repo: Repo & { repoUrl: string },
    readonly pullNumber: number,
    readonly author: string,
    readonly place: Place,
    readonly deps: HandlerDeps,
  ) {}

  get today(): string {
    return this.deps.today ?? new Date().toISOString().slice(0, 10);
  }

  get log() {
    return this.deps.log;
  }

  pull(): Promise<PullInfo> {
    this.#pull ??= this.octokit.rest.pulls.get({ ...this.repoRef, pull_number: this.pullNumber }).then((r) => r.data);
    return this.#pull;
  }

  get repoRef(): Repo {
    return { owner: this.repo.owner, repo: this.repo.repo };
  }

  async config(): Promise<RepoConfig> {
    return (await this.read()).loaded;
  }

  /** The marker comment's ignores, read once per comment (however many commands it holds). */
  ignores(): Promise<StoredIgnores> {
    this.#ignores ??= readIgnores(this.octokit, this.repoRef, this.pullNumber, this.deps.appId);
    return this.#ignores;
  }

  /** Writes the marker comment; the next command of the same comment sees the new list without reading it again. */
  async saveIgnores(next: readonly PrIgnore[]): Promise<void> {
    const stored = await writeIgnores(this.octokit, this.repoRef, this.pullNumber, await this.ignores(), next);
    this.#ignores = Promise.resolve(stored);
    // Later commands of the comment answer with the new ignores (the sources are kept: no new reads).
    this.#analysis = undefined;
    this.#whole = undefined;
  }

  async activeIgnores(): Promise<PrIgnore[]> {
    // A pull request without comments has no marker comment: no call.
    if (!this.#ignores && (await this.pull()).comments === 0) return [];
    return activeIgnores((await this.ignores()).ignores, this.today);
  }

  async target(): Promise<ReviewTarget & { changedFiles?: number }> {
    const pr = await this.pull();
    return {
      owner: this.repo.owner,
      repo: this.repo.repo,
      repoUrl: this.repo.repoUrl,
      pullNumber: this.pullNumber,
      baseSha: pr.base.sha,
      headSha: pr.head.sha,
      fork: !!pr.head.repo && !!pr.base.repo && pr.head.repo.id !== pr.base.repo.id,
      ...(pr.changed_files !== undefined ? { changedFiles: pr.changed_files } : {}),
    };
  }

  /** Both sides and the configuration, read as a review reads them (the base tree's file). */
  read(): Promise<PullRequestRead> {
    this.#read ??= this.target().then((target) => readPullRequest(this.octokit, target, this.deps, createApiCallCounter()));
    return this.#read;
  }

  /** Base vs head of the pull request's current head, as the review computes it, with the PR's ignores. */
  analysis(): Promise<Analysed> {
    this.#analysis ??= this.#analyse();
    return this.#analysis;
  }

  async #analyse(): Promise<Analysed> {
    const { loaded, sources } = await this.read();
    if (loaded.errors.length > 0)
      return { ok: false, why: `the configuration \`${loaded.files[0] ?? '.github/kms-review.yml'}\` is invalid (see the check run); fix it first` };
    if (sources.skipped) return { ok: false, why: 'this pull request changes no Terraform, CloudFormation or policy file that can affect a KMS key' };
    const prIgnores = await this.activeIgnores();
    const change = await analyseChange(sources.base, sources.head, loaded, {
      today: this.today,
      prIgnores,
      ...this.#live(loaded),
      ...externalOf(this.deps, this.repo),
    });
    const target = await this.target();
    return {
      ok: true,
      change,
      config: loaded,
      pull: await this.pull(),
      reply: { repoUrl: this.repo.repoUrl, baseSha: target.baseSha, headSha: target.headSha },
      units: change.head.inventory.units.length,
    };
  }

  /** The live account view when the configuration turns it on: answers then say what the account holds (grants, state). */
  #live(loaded: RepoConfig): { live?: LiveHook } {
    this.#liveHook ??= liveHookFor(loaded.config.live, {}, this.deps.live) ?? null;
    return this.#liveHook ? { live: this.#liveHook } : {};
  }

  /** The whole repository at the head (`/kms inventory --all`): one more tree call, blobs from the cache. */
  wholeHead(): Promise<Analysis> {
    this.#whole ??= (async () => {
      const loaded = await this.config();
      const target = await this.target();
      const excluded = excludeMatcher(loaded.config.exclude);
      const head = await githubFileSet(
        this.octokit,
        { owner: target.owner, repo: target.repo, commitSha: target.headSha },
        {
          cache: blobCacheOf(this.deps),
          calls: createApiCallCounter(),
          maxFileBytes: limitsOf(loaded.config).maxFileBytes,
          wanted: (path) => isCandidatePath(path) && !excluded(path),
        },
      );
      return analyse(head, loaded, { today: this.today, prIgnores: await this.activeIgnores(), ...this.#live(loaded) });
    })();
    return this.#whole;
  }

  async react(content: Reaction): Promise<void> {
    const params = { ...this.repoRef, comment_id: this.place.commentId, content };
    if (this.place.kind === 'issue') await this.octokit.rest.reactions.createForIssueComment(params);
    else await this.octokit.rest.reactions.createForPullRequestReviewComment(params);
  }

  /** Answers where the command was written: the conversation, or the review thread. */
  async reply(body: string): Promise<void> {
    if (this.place.kind === 'issue') await this.octokit.rest.issues.createComment({ ...this.repoRef, issue_number: this.pullNumber, body });
    else await this.octokit.rest.pulls.createReplyForReviewComment({ ...this.repoRef, pull_number: this.pullNumber, comment_id: this.place.rootId, body });
  }
}

/** What one command answers: the reply, and whether it did what was asked. */
export interface Answer {
  body: string;
  ok: boolean;
}
