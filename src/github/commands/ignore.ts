/**
 * `/kms ignore <rule> [<target>] reason="…" [expires=YYYY-MM-DD]` and `/kms unignore <rule> [<target>]`:
 * PR-scoped suppressions kept in the app's marker comment on the pull request (see `ignores.ts`),
 * honoured by every later review of it. Writers only.
 */

import type { ChangeAnalysis } from '../../pipeline.js';
import { errorReply, ignoreReply, unignoreReply } from '../../report/command-replies.js';
import { RULES } from '../../rules/registry.js';
import { prIgnoreMatches } from '../../rules/suppressions.js';
import type { Answer, Invocation } from './context.js';
import type { PrIgnore } from './ignores.js';
import { requireWrite } from './permission.js';

/** Bounds that keep the marker comment far under GitHub's 65,536 characters, whatever is typed. */
const MAX_TARGET_CHARS = 300;
const MAX_IGNORES = 50;
const KEY_LIKE = /^alias\/|^arn:aws[\w-]*:kms:|aws_kms_key|aws_kms_replica_key|AWS::KMS::Key/;
const same = (a: Pick<PrIgnore, 'rule' | 'target'>, b: Pick<PrIgnore, 'rule' | 'target'>) => a.rule === b.rule && (a.target ?? '') === (b.target ?? '');

export async function ignore(inv: Invocation, line: string, command: { rule: string; target?: string; reason: string; expires?: string }): Promise<Answer> {
  const denied = await requireWrite(inv, 'ignore');
  if (denied) return denied;
  if (!RULES.some((r) => r.id === command.rule)) return { ok: false, body: errorReply(line, `there is no rule ${command.rule}`) };
  if ((command.target?.length ?? 0) > MAX_TARGET_CHARS)
    return { ok: false, body: errorReply(line, `the key or resource is longer than ${MAX_TARGET_CHARS} characters`) };
  if (command.expires && command.expires < inv.today)
    return { ok: false, body: errorReply(line, `expires=${command.expires} is already past (today is ${inv.today})`) };
  const entry: PrIgnore = {
    rule: command.rule,
    ...(command.target ? { target: command.target } : {}),
    reason: command.reason.slice(0, 500),
    author: inv.author,
    date: inv.today,
    ...(command.expires ? { expires: command.expires } : {}),
  };
  const stored = await inv.ignores();
  const replaced = stored.ignores.some((i) => same(i, entry));
  if (!replaced && stored.ignores.length >= MAX_IGNORES)
    return {
      ok: false,
      body: errorReply(
        line,
        `this pull request already has ${MAX_IGNORES} ignores; remove some with /kms unignore, or put lasting ones in .github/kms-review.yml`,
      ),
    };
  await inv.saveIgnores([...stored.ignores.filter((i) => !same(i, entry)), entry]);
  // How many findings of the head it covers: a mistyped target says so at once, not at the next review.
  const analysed = await inv.analysis();
  const matches = analysed.ok ? matchingFindings(entry, analysed.change, inv.today) : undefined;
  return { ok: true, body: ignoreReply(entry, { replaced, targetIsKey: KEY_LIKE.test(entry.target ?? ''), ...(matches !== undefined ? { matches } : {}) }) };
}

function matchingFindings(entry: PrIgnore, change: ChangeAnalysis, today: string): number {
  const keys = new Map(change.head.inventory.keys.map((k) => [k.id, k]));
  return [...change.findings.new, ...change.findings.unchanged].filter((f) => prIgnoreMatches(entry, f, keys, today)).length;
}

export async function unignore(inv: Invocation, _line: string, command: { rule: string; target?: string }): Promise<Answer> {
  const denied = await requireWrite(inv, 'unignore');
  if (denied) return denied;
  const stored = await inv.ignores();
  // Without a target, every PR ignore of the rule goes.
  const matches = (i: PrIgnore) => i.rule === command.rule && (command.target === undefined || i.target === command.target);
  const next = stored.ignores.filter((i) => !matches(i));
  const removed = stored.ignores.length - next.length;
  if (removed > 0) await inv.saveIgnores(next);
  return { ok: removed > 0, body: unignoreReply(command.rule, command.target, removed, next.length) };
}
