/** `/kms inventory [--all]`: the keys of the units this pull request affects (or of the whole repository) at its head. */
import { inventoryReply, notReviewableReply } from '../../report/command-replies.js';
import type { Answer, Invocation } from './context.js';

export async function inventory(inv: Invocation, line: string, all: boolean): Promise<Answer> {
  if (all) {
    const head = await inv.wholeHead();
    const target = await inv.target();
    return {
      ok: true,
      body: inventoryReply(
        head.inventory.keys,
        { all: true, units: head.inventory.units.length },
        { repoUrl: target.repoUrl, baseSha: target.baseSha, headSha: target.headSha },
      ),
    };
  }
  const analysed = await inv.analysis();
  if (!analysed.ok) return { ok: false, body: notReviewableReply(line, `${analysed.why} (\`/kms inventory --all\` shows the whole repository)`) };
  return { ok: true, body: inventoryReply(analysed.change.head.inventory.keys, { all: false, units: analysed.units }, analysed.reply) };
}
