/** `/kms blast-radius <key>`: what breaks if the key is disabled or deleted, by environment and workload, base vs head. */

import { sortedRepositories } from '../../index/lookup.js';
import { blastRadiusReply, keyNotFoundReply, notReviewableReply } from '../../report/command-replies.js';
import { findKey } from '../../split/index.js';
import type { Answer, Invocation } from './context.js';

export async function blastRadius(inv: Invocation, line: string, ref: string): Promise<Answer> {
  const analysed = await inv.analysis();
  if (!analysed.ok) return { ok: false, body: notReviewableReply(line, analysed.why) };
  const { change } = analysed;
  const head = findKey(change.head, ref);
  const base = findKey(change.base, ref);
  if (!head.key && !base.key)
    return { ok: false, body: keyNotFoundReply(ref, head.candidates.length ? head.candidates : base.candidates, change.head.inventory.keys) };
  // The same key on the other side: by id, or through a rename (`moved {}`).
  const renamed = change.diff.renamedKeys ?? {};
  const headKey = head.key ?? change.head.inventory.keys.find((k) => base.key && (k.id === base.key.id || k.id === renamed[base.key.id]));
  const baseKey = base.key ?? change.base.inventory.keys.find((k) => headKey && (k.id === headKey.id || renamed[k.id] === headKey.id));
  // With the key index: the head's answer for the key (the base's when the PR removes it).
  const uses = headKey ? change.head.external : change.base.external;
  const id = headKey?.id ?? baseKey?.id;
  const elsewhere =
    uses && id
      ? { repositories: sortedRepositories(uses.keys[id] ?? []), indexed: uses.repositories, ...(uses.unavailable ? { unavailable: uses.unavailable } : {}) }
      : undefined;
  return { ok: true, body: blastRadiusReply(baseKey, headKey, analysed.reply, elsewhere) };
}
