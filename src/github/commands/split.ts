/** `/kms split <key>`: the split plan of a key at the head: new keys, generated code, patch, migration plan. */
import { keyNotFoundReply, notReviewableReply, splitReply } from '../../report/command-replies.js';
import { findKey, planSplit } from '../../split/index.js';
import type { Answer, Invocation } from './context.js';

export async function split(inv: Invocation, line: string, ref: string): Promise<Answer> {
  const analysed = await inv.analysis();
  if (!analysed.ok) return { ok: false, body: notReviewableReply(line, analysed.why) };
  const { change, config } = analysed;
  const found = findKey(change.head, ref);
  if (!found.key) return { ok: false, body: keyNotFoundReply(ref, found.candidates, change.head.inventory.keys) };
  const plan = planSplit(found.key.id, change.head, config.config);
  return { ok: true, body: splitReply(plan, analysed.reply, found.key.aliases[0] ?? found.key.id) };
}
