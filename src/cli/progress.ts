/**
 * The progress line of a long scan or diff on a terminal: nothing for the first 2 seconds (most
 * runs end before), then one line on stderr, rewritten in place, with the stage and files done /
 * total per side; cleared when the run ends. Silent when stderr is not a terminal and with
 * `--quiet`. The clock is injected, so tests need no waiting.
 */
import type { Progress } from '../pipeline.js';

export interface ProgressOptions {
  /** `--quiet`. */
  quiet?: boolean;
  /** Milliseconds before the first line (default 2,000). */
  delayMs?: number;
  /** Milliseconds between two rewrites at most (default 100). */
  intervalMs?: number;
  now?: () => number;
}

export interface ProgressLine {
  /** Pass to `analyse` / `analyseChange` as `progress`. */
  update(event: Progress): void;
  /** Clears the line if one was written. */
  end(): void;
}

const SILENT: ProgressLine = { update: () => undefined, end: () => undefined };

const n = (value: number) => value.toLocaleString('en-US');

/** `base: parse 1,200/4,403 files · head: load 300/4,403 files` */
export function progressText(states: ReadonlyMap<string, Progress>): string {
  return [...states.values()]
    .map((p) => `${p.side ? `${p.side}: ` : ''}${p.stage}${p.stage === 'load' || p.stage === 'parse' ? ` ${n(p.done)}/${n(p.total)} files` : ''}`)
    .join(' · ');
}

export function progressLine(stream: NodeJS.WritableStream & { isTTY?: boolean }, options: ProgressOptions = {}): ProgressLine {
  if (!stream.isTTY || options.quiet) return SILENT;
  const now = options.now ?? (() => performance.now());
  const delay = options.delayMs ?? 2000;
  const interval = options.intervalMs ?? 100;
  const started = now();
  const states = new Map<string, Progress>();
  let written = false;
  let last = Number.NEGATIVE_INFINITY;
  return {
    update(event) {
      states.set(event.side ?? '', event);
      const at = now();
      if (at - started < delay || at - last < interval) return;
      last = at;
      written = true;
      stream.write(`\r\x1b[2Kkms-review: ${progressText(states)}`);
    },
    end() {
      if (written) stream.write('\r\x1b[2K');
      written = false;
    },
  };
}
