/** `/kms rerun`: the review of the pull request's current head again (check run, and the publishers the app is configured with). Writers only. */
import { notReviewableReply, rerunReply } from '../../report/command-replies.js';
import { reviewPullRequest } from '../review.js';
import type { Answer, Invocation } from './context.js';
import { requireWrite } from './permission.js';

export async function rerun(inv: Invocation, line: string): Promise<Answer> {
  const denied = await requireWrite(inv, 'rerun');
  if (denied) return denied;
  const pull = await inv.pull();
  if (pull.state !== 'open') return { ok: false, body: notReviewableReply(line, 'the pull request is not open') };
  const target = await inv.target();
  const { outcome } = await reviewPullRequest(inv.octokit, target, { ...inv.deps, ...(inv.log ? { log: inv.log } : {}) });
  const conclusion =
    outcome.kind === 'reviewed'
      ? (() => {
          const active = outcome.change.findings.new.filter((f) => !f.suppressed).length;
          const suppressed = [...outcome.change.findings.new, ...outcome.change.findings.unchanged].filter((f) => f.suppressed).length;
          return `${active} new finding${active === 1 ? '' : 's'}${suppressed ? `, ${suppressed} suppressed` : ''}`;
        })()
      : outcome.kind === 'skipped'
        ? outcome.reason
        : outcome.kind === 'superseded'
          ? `superseded by ${outcome.by.slice(0, 7)}`
          : outcome.kind === 'config-error'
            ? 'the configuration is invalid'
            : 'the review could not finish';
  return { ok: outcome.kind === 'reviewed' || outcome.kind === 'skipped', body: rerunReply(target.headSha, conclusion) };
}
