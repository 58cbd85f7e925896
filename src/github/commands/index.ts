/**
 * Slash commands in pull requests: `issue_comment.created` on a pull request and
 * `pull_request_review_comment.created` (a reply in a finding's thread). Edits, comments by bots
 * (the app's own replies included) and comments without a `/kms` line are ignored. A comment with
 * commands gets 👀 at once, one reply per command (in the conversation, or in the review thread),
 * then 🚀 when every command did what was asked, 😕 otherwise. Nothing here throws at Probot:
 * a failing command answers with an error and the others still run.
 */
import type { Context } from 'probot';
import { fitComment } from '../../report/pr-comment.js';
import type { HandlerDeps } from '../handlers.js';
import { DEFAULT_POLICY, octokitFor } from '../octokit.js';
import { isBotUser, type User } from '../users.js';
import { blastRadius } from './blast-radius.js';
import { type Answer, type CommandClient, Invocation, type Place } from './context.js';
import { explain } from './explain.js';
import { help, malformed, unknownVerb } from './help.js';
import { ignore, unignore } from './ignore.js';
import { inventory } from './inventory.js';
import { type Parsed, parseCommands } from './parse.js';
import { rerun } from './rerun.js';
import { split } from './split.js';

export { parseCommands } from './parse.js';

interface RepoLike {
  name: string;
  html_url: string;
  owner: { login: string };
}

export async function runCommand(inv: Invocation, parsed: Parsed): Promise<Answer> {
  if (parsed.kind === 'unknown') return unknownVerb(parsed.verb, parsed.suggestions);
  if (parsed.kind === 'error') return malformed(parsed.line, parsed.message);
  const c = parsed.command;
  switch (c.verb) {
    case 'help':
      return help();
    case 'explain':
      return explain(inv, parsed.line, c.target);
    case 'inventory':
      return inventory(inv, parsed.line, c.all);
    case 'blast-radius':
      return blastRadius(inv, parsed.line, c.key);
    case 'split':
      return split(inv, parsed.line, c.key);
    case 'ignore':
      return ignore(inv, parsed.line, c);
    case 'unignore':
      return unignore(inv, parsed.line, c);
    case 'rerun':
      return rerun(inv, parsed.line);
  }
}

/** 👀, one reply per command, then 🚀 or 😕. */
export async function runCommands(inv: Invocation, commands: readonly Parsed[]): Promise<{ ok: boolean; answers: Answer[] }> {
  const warn = (err: unknown, msg: string) => inv.log?.warn({ err, pull: inv.pullNumber }, msg);
  await inv.react('eyes').catch((err) => warn(err, 'kms-review: could not react to a command'));
  const answers: Answer[] = [];
  for (const parsed of commands) {
    let answer: Answer;
    try {
      answer = await runCommand(inv, parsed);
    } catch (err) {
      warn(err, 'kms-review: command failed');
      const status = (err as { status?: number }).status;
      answer = {
        ok: false,
        body: `😕 **kms-review** could not finish \`${parsed.line.slice(0, 200).replace(/`/g, "'")}\`: ${typeof status === 'number' ? `GitHub answered HTTP ${status}` : 'internal error'}. Try again later.`,
      };
    }
    answers.push(answer);
    try {
      await inv.reply(fitComment(answer.body));
    } catch (err) {
      warn(err, 'kms-review: could not post a command reply');
      answer.ok = false;
    }
  }
  const ok = answers.every((a) => a.ok);
  await inv.react(ok ? 'rocket' : 'confused').catch((err) => warn(err, 'kms-review: could not react to a command'));
  inv.log?.info({ pull: inv.pullNumber, author: inv.author, commands: commands.map((c) => c.line), ok }, 'kms-review: slash commands');
  return { ok, answers };
}

/** What a comment event names: where the commands were written, by whom, on which pull request. */
interface CommentEvent {
  repository: RepoLike;
  pullNumber: number;
  comment: { id: number; body?: string | null; user?: User };
  sender: { login: string; type?: string };
  place: Place;
}

/** One handler for both comment events: bots and comments without a `/kms` line cost nothing. */
function onComment<E extends 'issue_comment' | 'pull_request_review_comment'>(
  deps: HandlerDeps,
  event: (payload: Context<E>['payload']) => CommentEvent | undefined,
) {
  return async (context: Context<E>): Promise<void> => {
    const e = event(context.payload);
    if (!e || isBotUser(e.comment.user) || isBotUser(e.sender)) return;
    const commands = parseCommands(e.comment.body ?? '');
    if (commands.length === 0) return;
    const octokit = (await octokitFor(context as unknown as Context, deps.policy ?? DEFAULT_POLICY)) as unknown as CommandClient;
    const repo = { owner: e.repository.owner.login, repo: e.repository.name, repoUrl: e.repository.html_url };
    const author = e.comment.user?.login ?? e.sender.login;
    const inv = new Invocation(octokit, repo, e.pullNumber, author, e.place, { ...deps, log: deps.log ?? context.log });
    await runCommands(inv, commands);
  };
}

/** `issue_comment.created`: commands in a pull request's conversation. */
export const onIssueComment = (deps: HandlerDeps = {}) =>
  onComment<'issue_comment'>(deps, ({ action, comment, issue, repository, sender }) =>
    action === 'created' && issue.pull_request
      ? { repository, pullNumber: issue.number, comment, sender, place: { kind: 'issue', commentId: comment.id } }
      : undefined,
  );

/** `pull_request_review_comment.created`: commands in a review thread (a finding's thread: `/kms explain` alone). */
export const onReviewComment = (deps: HandlerDeps = {}) =>
  onComment<'pull_request_review_comment'>(deps, ({ action, comment, pull_request: pr, repository, sender }) =>
    action === 'created'
      ? { repository, pullNumber: pr.number, comment, sender, place: { kind: 'review', commentId: comment.id, rootId: comment.in_reply_to_id ?? comment.id } }
      : undefined,
  );
