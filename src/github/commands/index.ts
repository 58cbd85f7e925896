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
import { blastRadius } from './blast-radius.js';
import { type Answer, type CommandClient, Invocation, type Place } from './context.js';
import { explain } from './explain.js';
import { help, malformed, unknownVerb } from './help.js';
import { ignore, unignore } from './ignore.js';
import { isBotUser } from './ignores.js';
import { inventory } from './inventory.js';
import { type Parsed, parseCommands } from './parse.js';
import { rerun } from './rerun.js';
import { split } from './split.js';

export { parseCommands } from './parse.js';

type User = { login?: string; type?: string } | null | undefined;
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

const isBot = (user: User) => isBotUser(user);

async function start(
  context: Context,
  deps: HandlerDeps,
  repository: RepoLike,
  pullNumber: number,
  author: string,
  place: Place,
  commands: Parsed[],
): Promise<void> {
  const octokit = (await octokitFor(context, deps.policy ?? DEFAULT_POLICY)) as unknown as CommandClient;
  const repo = { owner: repository.owner.login, repo: repository.name, repoUrl: repository.html_url };
  const inv = new Invocation(octokit, repo, pullNumber, author, place, { ...deps, log: deps.log ?? context.log });
  await runCommands(inv, commands);
}

/** `issue_comment.created`: commands in a pull request's conversation. */
export function onIssueComment(deps: HandlerDeps = {}) {
  return async (context: Context<'issue_comment'>): Promise<void> => {
    const { comment, issue, repository, sender, action } = context.payload;
    if (action !== 'created' || !issue.pull_request) return;
    if (isBot(comment.user) || isBot(sender)) return;
    const commands = parseCommands(comment.body ?? '');
    if (commands.length === 0) return;
    await start(
      context as unknown as Context,
      deps,
      repository,
      issue.number,
      comment.user?.login ?? sender.login,
      { kind: 'issue', commentId: comment.id },
      commands,
    );
  };
}

/** `pull_request_review_comment.created`: commands in a review thread (a finding's thread: `/kms explain` alone). */
export function onReviewComment(deps: HandlerDeps = {}) {
  return async (context: Context<'pull_request_review_comment'>): Promise<void> => {
    const { comment, pull_request: pr, repository, sender, action } = context.payload;
    if (action !== 'created') return;
    if (isBot(comment.user) || isBot(sender)) return;
    const commands = parseCommands(comment.body ?? '');
    if (commands.length === 0) return;
    const rootId = comment.in_reply_to_id ?? comment.id;
    await start(
      context as unknown as Context,
      deps,
      repository,
      pr.number,
      comment.user?.login ?? sender.login,
      { kind: 'review', commentId: comment.id, rootId },
      commands,
    );
  };
}
