/**
 * `/kms explain [<rule-id> | <fingerprint> | <key>]`: a rule's document (bundled with the app,
 * never read from the pull request), a finding of this head (principle, evidence, why, how to fix
 * in the PR's language), or a key's inventory card. In a finding's review thread no argument is
 * needed: the thread's first comment carries the finding's fingerprint in its hidden marker.
 */
import { readFile } from 'node:fs/promises';
import { explainFindingReply, explainKeyReply, explainRuleReply, keyNotFoundReply, notReviewableReply } from '../../report/command-replies.js';
import { RULES } from '../../rules/registry.js';
import type { Finding } from '../../rules/types.js';
import { findKey } from '../../split/index.js';
import { isBotUser } from '../users.js';
import type { Answer, Invocation } from './context.js';

const DOCS = new URL('../../../docs/rules/', import.meta.url);
const FINDING_MARKER = /^<!-- kms-review:finding ([\w.:-]+) -->/;

/** `docs/rules/<ID>.md` of the installed package (src/ and lib/ are both three levels below it). */
export async function ruleDoc(id: string): Promise<string | undefined> {
  if (!/^KMS\d{3}$/.test(id)) return undefined;
  return readFile(new URL(`${id}.md`, DOCS), 'utf8').catch(() => undefined);
}

export async function explain(inv: Invocation, line: string, target: string | undefined): Promise<Answer> {
  let ref = target;
  if (ref === undefined) {
    if (inv.place.kind !== 'review')
      return {
        ok: false,
        body: notReviewableReply(
          line,
          '`explain` needs an argument here: a rule id (`KMS103`), a finding fingerprint, or a key (`alias/platform-prod`). In a finding’s review thread, `/kms explain` alone explains that finding.',
        ),
      };
    const { data: root } = await inv.octokit.rest.pulls.getReviewComment({ ...inv.repoRef, comment_id: inv.place.rootId });
    const fp = isBotUser(root.user) ? FINDING_MARKER.exec(root.body ?? '')?.[1] : undefined;
    if (!fp) return { ok: false, body: notReviewableReply(line, 'this thread is not about a kms-review finding; give a rule id, a fingerprint or a key') };
    ref = fp;
  }
  const rule = RULES.find((r) => r.id === ref);
  if (rule) return { ok: true, body: explainRuleReply(rule, await ruleDoc(rule.id)) };
  if (/^KMS\d{3}$/.test(ref)) return { ok: false, body: notReviewableReply(line, `there is no rule ${ref}; \`/kms help\` lists the commands`) };
  const analysed = await inv.analysis();
  if (!analysed.ok) return { ok: false, body: notReviewableReply(line, analysed.why) };
  const { change, reply } = analysed;
  const lists: [Finding[], 'new' | 'pre-existing' | 'fixed'][] = [
    [change.findings.new, 'new'],
    [change.findings.unchanged, 'pre-existing'],
    [change.findings.fixed, 'fixed'],
  ];
  for (const [findings, status] of lists) {
    const finding = findings.find((f) => f.fingerprint === ref || (ref.length >= 8 && /^[0-9a-f]+$/.test(ref) && f.fingerprint.startsWith(ref)));
    if (finding) {
      const r = RULES.find((x) => x.id === finding.rule);
      return { ok: true, body: explainFindingReply({ finding, ...(r ? { rule: r } : {}), doc: await ruleDoc(finding.rule), status, change }, reply) };
    }
  }
  const found = findKey(change.head, ref);
  const base = found.key ? undefined : findKey(change.base, ref);
  const key = found.key ?? base?.key;
  if (key) {
    const side = found.key ? change.head : change.base;
    const findings = found.key ? [...change.findings.new, ...change.findings.unchanged] : change.findings.fixed;
    return { ok: true, body: explainKeyReply(key, side.access.get(key.id), reply, findings) };
  }
  return { ok: false, body: keyNotFoundReply(ref, found.candidates, change.head.inventory.keys) };
}
