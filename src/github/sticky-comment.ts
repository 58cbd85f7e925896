/**
 * The sticky summary comment (Infracost's model): one issue comment per pull request, found again
 * by a hidden marker (`<!-- kms-review:summary -->`, in a comment by a bot), edited in place.
 *
 * Modes (`comment:` in `.github/kms-review.yml`):
 * - `update` (default): create it when the run has findings, edit it otherwise — skipped when the
 *   content is identical; a PR that never had one and has no findings gets nothing; a PR that
 *   becomes clean gets it edited to a one-line ✅.
 * - `new`: delete the old one and post a new one (same rules for clean PRs; identical → nothing).
 * - `off`: no call at all.
 *
 * Ordering — never overwritten by an older run: every comment records the head SHA it describes and
 * the run's timestamp (`<!-- kms-review:run sha=… at=… -->`). A run whose timestamp is older than
 * the recorded one leaves the comment alone. Timestamps rather than commit order because commit
 * order needs a call (`pulls.listCommits`) and breaks on force-pushes, while a timestamp orders
 * re-deliveries too. Pass the time of the *event* (e.g. the webhook's `pull_request.updated_at`,
 * set by GitHub: no clock skew between instances, and a re-delivered old webhook keeps its old time);
 * it defaults to now. A manual re-run of an old head is the check run's job to refuse (`superseded`:
 * the app re-reads the PR head before publishing and does not publish a superseded outcome).
 *
 * Calls: one paginated `GET …/issues/{n}/comments` (none when the caller knows there is no comment:
 * `knownComments: 0`), then at most one `PATCH`, or `DELETE` + `POST`.
 */
import type { ChangeAnalysis } from '../pipeline.js';
import { COMMENT_LIMIT, cleanSummary, fitComment, SUMMARY_MARKER, summaryComment } from '../report/pr-comment.js';
import type { Rule } from '../rules/types.js';
import type { ApiCallCounter } from '../sources/api-calls.js';
import { allPages, PER_PAGE } from '../sources/pages.js';
import type { Publisher, ReviewOutcome, ReviewTarget } from './publisher.js';
import { isBotUser, type User } from './users.js';

export type CommentMode = 'update' | 'new' | 'off';

export interface StickyPr {
  owner: string;
  repo: string;
  pull_number: number;
  headSha: string;
  /** When the event this run answers happened (ISO string or Date); defaults to now. */
  runAt?: string | Date;
  /** The pull request's `comments` count when the caller just read it: 0 skips the listing call. */
  knownComments?: number;
}

type IssueParams = { owner: string; repo: string; issue_number: number };

/** What this needs of an Octokit (`@octokit/rest` and `ProbotOctokit` fit). */
export interface StickyClient {
  rest: {
    issues: {
      listComments(
        params: IssueParams & { per_page?: number; page?: number },
      ): Promise<{ headers: { link?: string }; data: { id: number; body?: string | null; user?: User }[] }>;
      createComment(params: IssueParams & { body: string }): Promise<{ data: { id: number } }>;
      updateComment(params: { owner: string; repo: string; comment_id: number; body: string }): Promise<unknown>;
      deleteComment(params: { owner: string; repo: string; comment_id: number }): Promise<unknown>;
    };
  };
  hook?: unknown;
}

export type StickyAction = 'off' | 'nothing' | 'created' | 'updated' | 'replaced' | 'unchanged' | 'stale';

export interface StickyResult {
  action: StickyAction;
  commentId?: number;
  /** For `stale`: what the comment records. */
  recorded?: { sha: string; at: string };
}

const RUN = /^<!-- kms-review:run sha=([0-9a-f]+) at=(\S+) -->$/m;
const runMarker = (sha: string, at: string) => `<!-- kms-review:run sha=${sha} at=${at} -->`;
/** Pages of the conversation read at most, looking for the summary. */
const MAX_PAGES = 100;

/** The comment minus its markers: what "identical" compares. */
function contentOf(body: string): string {
  const lines = body.split('\n');
  return lines.filter((l, i) => !(i < 3 && (l === SUMMARY_MARKER || RUN.test(l)))).join('\n');
}

/** The full comment: markers, then the content fitted to GitHub's limit with an honest notice. */
export function stickyBody(content: string, headSha: string, at: string): string {
  const header = `${SUMMARY_MARKER}\n${runMarker(headSha, at)}\n`;
  return header + fitComment(content, COMMENT_LIMIT - header.length);
}

export async function publishSticky(
  octokit: StickyClient,
  pr: StickyPr,
  body: string,
  mode: CommentMode = 'update',
  hadFindings = true,
  calls?: ApiCallCounter,
): Promise<StickyResult> {
  if (mode === 'off') return { action: 'off' };
  if (calls && octokit.hook) calls.attach(octokit as unknown as Parameters<ApiCallCounter['attach']>[0]);
  const at = new Date(pr.runAt ?? Date.now()).toISOString();
  const repo = { owner: pr.owner, repo: pr.repo };
  const issue = { ...repo, issue_number: pr.pull_number };

  const all = pr.knownComments === 0 ? [] : await allPages((page) => octokit.rest.issues.listComments({ ...issue, per_page: PER_PAGE, page }), MAX_PAGES);
  const ours = all
    .filter((c) => isBotUser(c.user) && (c.body ?? '').startsWith(SUMMARY_MARKER))
    .map((c) => {
      const m = RUN.exec(c.body ?? '');
      return { id: c.id, body: c.body ?? '', sha: m?.[1] ?? '', at: m?.[2] ?? '' };
    })
    // The authoritative one is the newest run (then the newest comment); ISO strings sort by time.
    .sort((a, b) => (a.at === b.at ? a.id - b.id : a.at < b.at ? -1 : 1));
  const current = ours.at(-1);

  if (!current && !hadFindings) return { action: 'nothing' };
  const content = hadFindings ? body : cleanSummary(pr.headSha);
  const next = stickyBody(content, pr.headSha, at);
  if (current) {
    if (current.at && current.at > at) return { action: 'stale', commentId: current.id, recorded: { sha: current.sha, at: current.at } };
    if (contentOf(current.body) === contentOf(next)) return { action: 'unchanged', commentId: current.id };
  }
  const extras = ours.slice(0, -1);
  if (mode === 'update' && current) {
    await octokit.rest.issues.updateComment({ ...repo, comment_id: current.id, body: next });
    for (const e of extras) await octokit.rest.issues.deleteComment({ ...repo, comment_id: e.id });
    return { action: 'updated', commentId: current.id };
  }
  for (const old of ours) await octokit.rest.issues.deleteComment({ ...repo, comment_id: old.id });
  const { data } = await octokit.rest.issues.createComment({ ...issue, body: next });
  return { action: current ? 'replaced' : 'created', commentId: data.id };
}

/** The sticky comment as a Publisher: acts on a `reviewed` outcome only, in the configured mode. */
export class StickyCommentPublisher implements Publisher {
  readonly name = 'sticky-comment';
  result: StickyResult | undefined;

  constructor(
    private readonly octokit: StickyClient,
    private readonly target: ReviewTarget,
    private readonly options: { runAt?: string | Date; calls?: ApiCallCounter; rules?: readonly Rule[] } = {},
  ) {}

  async begin(): Promise<void> {}

  async publish(outcome: ReviewOutcome): Promise<void> {
    if (outcome.kind !== 'reviewed') return;
    const mode = outcome.config.comment;
    const body = summaryComment(outcome.change, {
      repoUrl: this.target.repoUrl,
      baseSha: this.target.baseSha,
      headSha: this.target.headSha,
      ...(this.options.rules ? { rules: this.options.rules } : {}),
    });
    this.result = await publishSticky(
      this.octokit,
      {
        owner: this.target.owner,
        repo: this.target.repo,
        pull_number: this.target.pullNumber,
        headSha: this.target.headSha,
        ...(this.options.runAt !== undefined ? { runAt: this.options.runAt } : {}),
        ...(outcome.pull?.comments !== undefined ? { knownComments: outcome.pull.comments } : {}),
      },
      body,
      mode,
      hasFindings(outcome.change),
      this.options.calls,
    );
  }
}

/** True when the change has new findings that are not suppressed. */
export function hasFindings(change: ChangeAnalysis): boolean {
  return change.findings.new.some((f) => !f.suppressed);
}
