/** A unified patch (git style, `a/` and `b/` paths) that `git apply` accepts, built with `diff`. */
import { structuredPatch } from 'diff';

export interface FileChange {
  path: string;
  /** `undefined` for a new file. */
  before: string | undefined;
  after: string;
}

export function unifiedPatch(changes: readonly FileChange[]): string {
  return changes
    .filter((c) => c.before !== c.after)
    .map((c) => {
      const created = c.before === undefined;
      const patch = structuredPatch(`a/${c.path}`, `b/${c.path}`, c.before ?? '', c.after, '', '', { context: 3 });
      const header = [`diff --git a/${c.path} b/${c.path}`, ...(created ? ['new file mode 100644', '--- /dev/null'] : [`--- a/${c.path}`]), `+++ b/${c.path}`];
      const hunks = patch.hunks.flatMap((h) => [`@@ -${range(h.oldStart, h.oldLines)} +${range(h.newStart, h.newLines)} @@`, ...h.lines]);
      return `${[...header, ...hunks].join('\n')}\n`;
    })
    .join('');
}

/** jsdiff counts an empty range from the line after it; unified diff names the line before. */
function range(start: number, lines: number): string {
  return lines === 0 ? `${start - 1},0` : lines === 1 ? `${start}` : `${start},${lines}`;
}
