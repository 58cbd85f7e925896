/**
 * Review comments for new findings (reviewdog's model): one review (event `COMMENT`) per head,
 * inline comments on the right side of the diff for the lines the filter accepts, at most
 * `maxComments` of them, everything else new listed in the review body. Each comment starts with
 * a hidden marker carrying the finding's fingerprint, so a re-run never posts a fingerprint twice;
 * a fixed finding gets "Fixed in <sha>." in its thread and the thread is resolved — unless a
 * human replied there, in which case the conversation stays open for them.
 *
 * Filters (where an inline comment may sit; a finding is never dropped, only moved to the body):
 * - `added` (default): a line of the finding's range that the PR added or changed;
 * - `diff_context`: any right-side line of the diff (added or context) in the range;
 * - `file`, `nofilter`: as `diff_context`; when the range has no diff line but its file is in the
 *   diff, the comment sits on the file's nearest diff line and says where the finding is. GitHub
 *   cannot comment on a file outside the diff, so those go to the body in every mode.
 *
 * Calls: one paginated `GET …/pulls/{n}/comments` (none when the caller knows the PR has no review
 * comment: `knownReviewComments: 0`); `GET …/pulls/{n}/reviews` only when the body
 * would list findings (to skip those an earlier review already listed; none with `noEarlierReview`); one `POST …/reviews` when
 * something is new; per fixed thread one reply, then one paginated GraphQL thread query and one
 * `resolveReviewThread` mutation per thread to resolve.
 */
import type { ChangeAnalysis } from '../pipeline.js';
import { findingComment, fixedMarker, type NotInlineReason, reviewBody } from '../report/pr-comment.js';
import type { Finding, Rule } from '../rules/types.js';
import type { ApiCallCounter } from '../sources/api-calls.js';
import { allPages, type Page, PER_PAGE } from '../sources/pages.js';
import { type ChangedLinesMap, listChangedLines, type PullFilesClient } from './patch-lines.js';
import type { Publisher, ReviewOutcome, ReviewTarget } from './publisher.js';
import { isBotUser, type User } from './users.js';

export type ReviewFilter = 'added' | 'diff_context' | 'file' | 'nofilter';
export const DEFAULT_MAX_COMMENTS = 30;

export interface PullRequestHead {
  owner: string;
  repo: string;
  pull_number: number;
  headSha: string;
}

export interface ReviewInput {
  newFindings: readonly Finding[];
  fixedFindings: readonly Finding[];
  /** Right-side diff lines per head path (`changedLinesOf` on the PR's `pulls.listFiles`). */
  changedLines: ChangedLinesMap;
  filter?: ReviewFilter;
  maxComments?: number;
  /**
   * Fingerprints of every finding at head (state and change findings, suppressed included). When
   * given, a commented fingerprint missing from it counts as fixed too: a finding an earlier commit
   * of this PR introduced and a later one removed is in neither `new` nor `fixed` (base vs head).
   */
  headFingerprints?: ReadonlySet<string>;
  rules?: readonly Rule[];
  /** `html_url` of the repository, for links in the review body. */
  repoUrl?: string;
  /**
   * The pull request's `review_comments` count when the caller just read it (`pulls.get`): 0 means
   * there is nothing to find again, so the listing call is skipped.
   */
  knownReviewComments?: number;
  /**
   * The caller knows no review by the app exists on the pull request, so nothing listed before can
   * be found in one: the reviews are not listed. (The app knows it when the PR has neither review
   * comments nor issue comments and the sticky comment is on: every review it posts has new
   * findings, and the sticky comment is posted right after it.)
   */
  noEarlierReview?: boolean;
}

export interface ExistingReviewComment {
  id: number;
  body?: string | null;
  user?: User;
  in_reply_to_id?: number;
}

type PullParams = { owner: string; repo: string; pull_number: number };

export interface InlineComment {
  path: string;
  line: number;
  side: 'RIGHT';
  start_line?: number;
  start_side?: 'RIGHT';
  body: string;
}

/** What this needs of an Octokit (`@octokit/rest` and `ProbotOctokit` fit). */
export interface ReviewCommentsClient {
  rest: {
    pulls: {
      listReviewComments(params: PullParams & { per_page?: number; page?: number }): Promise<Page<ExistingReviewComment>>;
      listReviews(params: PullParams & { per_page?: number; page?: number }): Promise<Page<{ id: number; body?: string | null; user?: User }>>;
      createReview(params: PullParams & { commit_id: string; event: 'COMMENT'; body: string; comments: InlineComment[] }): Promise<{ data: { id: number } }>;
      createReplyForReviewComment(params: PullParams & { comment_id: number; body: string }): Promise<unknown>;
    };
  };
  graphql: <T>(query: string, variables: Record<string, unknown>) => Promise<T>;
  hook?: unknown;
}

export interface ReviewPublishResult {
  /** Id of the review posted, when one was. */
  reviewId?: number;
  /** Fingerprints posted as inline comments / listed in the body by this run. */
  inline: string[];
  listed: string[];
  /** New findings already commented or listed by an earlier run. */
  alreadyPresent: string[];
  /** Fixed findings answered "Fixed in …" / whose thread was resolved / left open because a human replied. */
  replied: string[];
  resolved: string[];
  keptOpen: string[];
}

const MAX_PAGES = 100;
const listAll = <T>(call: (page: number) => Promise<Page<T>>) => allPages(call, MAX_PAGES);

const FINDING = /^<!-- kms-review:finding ([\w.:-]+) -->/;
const LISTED = /<!-- kms-review:listed ([\w.:\- ]*) -->/g;

interface Thread {
  root: ExistingReviewComment;
  replies: ExistingReviewComment[];
}

/** Fingerprint → the threads our comments started (only comments by bots count: a marker typed by a human is ignored). */
function indexThreads(comments: readonly ExistingReviewComment[]): Map<string, Thread[]> {
  const byId = new Map(comments.map((c) => [c.id, c]));
  const rootOf = (c: ExistingReviewComment) => {
    let at = c;
    for (let hops = 0; at.in_reply_to_id !== undefined && byId.has(at.in_reply_to_id) && hops < 1000; hops++)
      at = byId.get(at.in_reply_to_id) as ExistingReviewComment;
    return at;
  };
  const threads = new Map<number, Thread>();
  for (const c of comments) {
    const root = c.in_reply_to_id === undefined ? c : rootOf(c);
    const t = threads.get(root.id) ?? { root, replies: [] };
    if (c !== root) t.replies.push(c);
    threads.set(root.id, t);
  }
  const index = new Map<string, Thread[]>();
  for (const t of threads.values()) {
    const fp = isBotUser(t.root.user) ? FINDING.exec(t.root.body ?? '')?.[1] : undefined;
    if (fp) index.set(fp, [...(index.get(fp) ?? []), t]);
  }
  return index;
}

type Placement = { comment: Omit<InlineComment, 'body'>; suggestion: boolean; outsideDiff?: boolean } | { reason: NotInlineReason };

/** Where a finding's comment goes under a filter, or why it cannot be inline. */
export function placeFinding(f: Finding, changed: ChangedLinesMap, filter: ReviewFilter): Placement {
  const loc = f.location;
  if (!loc) return { reason: 'no-location' };
  const lines = (file: string) => changed.get(file);
  const onRight = (file: string, n: number) => {
    const l = lines(file);
    return l !== undefined && (l.added.has(n) || l.context.has(n));
  };
  const accepted = (file: string, n: number) => (filter === 'added' ? (lines(file)?.added.has(n) ?? false) : onRight(file, n));
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const inRange = range(loc.startLine, Math.max(loc.startLine, loc.endLine)).filter((n) => accepted(loc.file, n));
  const fix = f.fix;
  if (fix) {
    const fixLines = range(fix.location.startLine, Math.max(fix.location.startLine, fix.location.endLine));
    const fixAccepted = fixLines.some((n) => accepted(fix.location.file, n));
    if ((inRange.length > 0 || fixAccepted) && fixLines.every((n) => onRight(fix.location.file, n))) {
      const { startLine, endLine } = fix.location;
      return {
        comment: {
          path: fix.location.file,
          line: Math.max(startLine, endLine),
          side: 'RIGHT',
          ...(endLine > startLine ? { start_line: startLine, start_side: 'RIGHT' } : {}),
        },
        suggestion: true,
      };
    }
  }
  if (inRange.length > 0) return { comment: { path: loc.file, line: inRange[0], side: 'RIGHT' }, suggestion: false };
  if ((filter === 'file' || filter === 'nofilter') && lines(loc.file)) {
    const l = lines(loc.file) as { added: Set<number>; context: Set<number> };
    const all = [...l.added, ...l.context];
    if (all.length > 0) {
      const nearest = all.reduce((best, n) => (Math.abs(n - loc.startLine) < Math.abs(best - loc.startLine) ? n : best));
      return { comment: { path: loc.file, line: nearest, side: 'RIGHT' }, suggestion: false, outsideDiff: true };
    }
  }
  return { reason: 'outside-diff' };
}

export const RESOLVE_MUTATION = 'mutation($threadId: ID!) { resolveReviewThread(input: { threadId: $threadId }) { thread { id isResolved } } }';
export const THREADS_QUERY =
  'query($owner: String!, $name: String!, $number: Int!, $after: String) { repository(owner: $owner, name: $name) { pullRequest(number: $number) { reviewThreads(first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id isResolved comments(first: 1) { nodes { databaseId } } } } } } }';

type ThreadsPage = {
  repository: {
    pullRequest: {
      reviewThreads: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: { id: string; isResolved: boolean; comments: { nodes: { databaseId: number | null }[] } }[];
      };
    } | null;
  } | null;
};

/** Root comment database id → review thread (node id, resolved?), all pages. */
async function reviewThreads(octokit: ReviewCommentsClient, pr: PullRequestHead): Promise<Map<number, { id: string; isResolved: boolean }>> {
  const out = new Map<number, { id: string; isResolved: boolean }>();
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data: ThreadsPage = await octokit.graphql<ThreadsPage>(THREADS_QUERY, { owner: pr.owner, name: pr.repo, number: pr.pull_number, after });
    const threads = data.repository?.pullRequest?.reviewThreads;
    if (!threads) break;
    for (const t of threads.nodes) {
      const first = t.comments.nodes[0]?.databaseId;
      if (typeof first === 'number') out.set(first, { id: t.id, isResolved: t.isResolved });
    }
    if (!threads.pageInfo.hasNextPage || !threads.pageInfo.endCursor) break;
    after = threads.pageInfo.endCursor;
  }
  return out;
}

/** Posts the review for this head (if anything is new) and closes the threads of fixed findings. */
export async function publishReview(
  octokit: ReviewCommentsClient,
  pr: PullRequestHead,
  input: ReviewInput,
  calls?: ApiCallCounter,
): Promise<ReviewPublishResult> {
  if (calls && octokit.hook) calls.attach(octokit as unknown as Parameters<ApiCallCounter['attach']>[0]);
  const filter = input.filter ?? 'added';
  const maxComments = Math.max(0, input.maxComments ?? DEFAULT_MAX_COMMENTS);
  const params = { owner: pr.owner, repo: pr.repo, pull_number: pr.pull_number };
  const result: ReviewPublishResult = { inline: [], listed: [], alreadyPresent: [], replied: [], resolved: [], keptOpen: [] };

  const existing =
    input.knownReviewComments === 0 ? [] : await listAll((page) => octokit.rest.pulls.listReviewComments({ ...params, per_page: PER_PAGE, page }));
  const threads = indexThreads(existing);

  // New findings --------------------------------------------------------------------------------
  const seen = new Set<string>();
  const inline: { finding: Finding; comment: InlineComment }[] = [];
  let listed: { finding: Finding; reason: NotInlineReason }[] = [];
  for (const f of input.newFindings) {
    if (f.suppressed || seen.has(f.fingerprint)) continue;
    seen.add(f.fingerprint);
    if (threads.has(f.fingerprint)) {
      result.alreadyPresent.push(f.fingerprint);
      continue;
    }
    const placed = placeFinding(f, input.changedLines, filter);
    if ('reason' in placed) listed.push({ finding: f, reason: placed.reason });
    else if (inline.length >= maxComments) listed.push({ finding: f, reason: 'over-limit' });
    else {
      const body = findingComment(f, {
        suggestion: placed.suggestion,
        ...(input.rules ? { rules: input.rules } : {}),
        ...(placed.outsideDiff ? { outsideDiff: true } : {}),
      });
      inline.push({ finding: f, comment: { ...placed.comment, body } });
    }
  }
  if (listed.length > 0 && !input.noEarlierReview) {
    // Listed by an earlier review of this PR (by a bot): not listed again.
    const reviews = await listAll((page) => octokit.rest.pulls.listReviews({ ...params, per_page: PER_PAGE, page }));
    const before = new Set(
      reviews.filter((r) => isBotUser(r.user)).flatMap((r) => [...(r.body ?? '').matchAll(LISTED)].flatMap((m) => m[1].split(' ').filter(Boolean))),
    );
    const fresh = listed.filter((l) => !before.has(l.finding.fingerprint));
    result.alreadyPresent.push(...listed.filter((l) => before.has(l.finding.fingerprint)).map((l) => l.finding.fingerprint));
    listed = fresh;
  }
  if (inline.length > 0 || listed.length > 0) {
    const bodyOf = (inl: number, lst: typeof listed) =>
      reviewBody({
        headSha: pr.headSha,
        repoUrl: input.repoUrl ?? `https://github.com/${pr.owner}/${pr.repo}`,
        inline: inl,
        listed: lst,
        maxComments,
        ...(input.rules ? { rules: input.rules } : {}),
      });
    try {
      const { data } = await octokit.rest.pulls.createReview({
        ...params,
        commit_id: pr.headSha,
        event: 'COMMENT',
        body: bodyOf(inline.length, listed),
        comments: inline.map((i) => i.comment),
      });
      result.reviewId = data.id;
      result.inline = inline.map((i) => i.finding.fingerprint);
    } catch (error) {
      // 422: GitHub could not place a comment (the diff moved under us): everything goes to the body.
      if ((error as { status?: number }).status !== 422 || inline.length === 0) throw error;
      listed = [...inline.map((i) => ({ finding: i.finding, reason: 'outside-diff' as const })), ...listed];
      const { data } = await octokit.rest.pulls.createReview({ ...params, commit_id: pr.headSha, event: 'COMMENT', body: bodyOf(0, listed), comments: [] });
      result.reviewId = data.id;
    }
    result.listed = listed.map((l) => l.finding.fingerprint);
  }

  // Fixed findings ------------------------------------------------------------------------------
  const fixed = new Set(input.fixedFindings.map((f) => f.fingerprint));
  if (input.headFingerprints) for (const fp of threads.keys()) if (!input.headFingerprints.has(fp) && !seen.has(fp)) fixed.add(fp);
  const toResolve: { fp: string; rootId: number }[] = [];
  for (const fp of fixed) {
    for (const t of threads.get(fp) ?? []) {
      const answered = t.replies.some((r) => isBotUser(r.user) && (r.body ?? '').startsWith(fixedMarker(fp)));
      if (answered) continue; // handled by an earlier run
      await octokit.rest.pulls.createReplyForReviewComment({ ...params, comment_id: t.root.id, body: `${fixedMarker(fp)}\nFixed in ${pr.headSha}.` });
      result.replied.push(fp);
      if (t.replies.some((r) => !isBotUser(r.user))) result.keptOpen.push(fp);
      else toResolve.push({ fp, rootId: t.root.id });
    }
  }
  if (toResolve.length > 0) {
    const ids = await reviewThreads(octokit, pr);
    for (const { fp, rootId } of toResolve) {
      const thread = ids.get(rootId);
      if (!thread || thread.isResolved) continue;
      await octokit.graphql(RESOLVE_MUTATION, { threadId: thread.id });
      result.resolved.push(fp);
    }
  }
  return result;
}

/** The right-side lines of a review, when the caller has them from its own `pulls.listFiles` (with `patch`). */
export type ChangedLinesSource = () => Promise<ChangedLinesMap>;

/** Review comments as a Publisher: acts on a `reviewed` outcome only, with the filter and limit of the configuration. */
export class ReviewCommentsPublisher implements Publisher {
  readonly name = 'review-comments';
  result: ReviewPublishResult | undefined;

  constructor(
    private readonly octokit: ReviewCommentsClient & PullFilesClient,
    private readonly target: ReviewTarget,
    private readonly options: { changedLines?: ChangedLinesSource; calls?: ApiCallCounter; rules?: readonly Rule[] } = {},
  ) {}

  async begin(): Promise<void> {}

  async publish(outcome: ReviewOutcome): Promise<void> {
    if (outcome.kind !== 'reviewed') return;
    const pr = { owner: this.target.owner, repo: this.target.repo, pull_number: this.target.pullNumber, headSha: this.target.headSha };
    // The review's own file listing when it has one (no second `pulls.listFiles`).
    const changedLines = this.options.changedLines
      ? await this.options.changedLines()
      : (outcome.pull?.changedLines ?? (await listChangedLines(this.octokit, pr)));
    const review = outcome.config.review;
    this.result = await publishReview(
      this.octokit,
      pr,
      {
        newFindings: outcome.change.findings.new,
        fixedFindings: outcome.change.findings.fixed,
        headFingerprints: headFingerprints(outcome.change),
        changedLines,
        filter: review.filter,
        maxComments: review.maxComments,
        repoUrl: this.target.repoUrl,
        ...(this.options.rules ? { rules: this.options.rules } : {}),
        ...(outcome.pull?.reviewComments !== undefined ? { knownReviewComments: outcome.pull.reviewComments } : {}),
        ...(outcome.pull?.reviewComments === 0 && outcome.pull.comments === 0 && outcome.config.comment !== 'off' ? { noEarlierReview: true } : {}),
      },
      this.options.calls,
    );
  }
}

/** Every finding at head (state findings, suppressed included, and change findings). */
export function headFingerprints(change: ChangeAnalysis): Set<string> {
  return new Set([...change.head.findings, ...change.changeFindings, ...change.findings.new].map((f) => f.fingerprint));
}
