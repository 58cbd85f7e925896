/** KMS000: every parse or read problem becomes an info finding at its location; the run goes on. */
import type { Rule } from './types.js';

export const kms000: Rule = {
  id: 'KMS000',
  name: 'parse-problem',
  principle: 'parse',
  defaultSeverity: 'info',
  rationale:
    'A file that could not be read or parsed is missing from the key inventory, so keys, consumers or policies in it are not reviewed until the problem is fixed.',
  check(ctx) {
    return ctx.inventory.problems.map((problem) => ({
      message: problem.message,
      location: problem.location,
      evidence: { file: problem.location.file, line: problem.location.startLine },
      // A parse problem has no stable key; the file and the message tell problems apart.
      identity: `${problem.location.file}\u0000${problem.message}`,
    }));
  },
};
