/** The progress line: when it shows (a terminal, past 2 s, not --quiet), what it says, and the pipeline's events behind it. */
import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress.js';
import { parseConfig } from '../../src/config/load.js';
import { analyse, analyseChange, type Progress } from '../../src/pipeline.js';
import { folderFileSet } from '../../src/sources/folder.js';
import { capture, runCli } from '../support/cli.js';

const MONOREPO = 'fixtures/scope/monorepo';

/** A terminal stream and a clock the test moves. */
function terminal(isTTY = true) {
  const out = capture(isTTY);
  let clock = 0;
  return { stream: out.stream, text: out.text, now: () => clock, at: (ms: number) => (clock = ms) };
}

describe('progressLine', () => {
  it('says nothing for the first 2 seconds, then the stage and files per side, rewritten in place, and clears itself', () => {
    const t = terminal();
    const line = progressLine(t.stream, { now: t.now });
    line.update({ side: 'base', stage: 'load', done: 0, total: 4403 });
    t.at(1999);
    line.update({ side: 'base', stage: 'parse', done: 10, total: 4403 });
    expect(t.text()).toBe('');
    t.at(2000);
    line.update({ side: 'head', stage: 'load', done: 300, total: 4403 });
    expect(t.text()).toBe('\r\x1b[2Kkms-review: base: parse 10/4,403 files · head: load 300/4,403 files');
    // At most one rewrite per 100 ms.
    t.at(2050);
    line.update({ side: 'base', stage: 'inventory', done: 4403, total: 4403 });
    expect(t.text()).not.toContain('inventory');
    t.at(2100);
    line.update({ side: 'head', stage: 'parse', done: 4403, total: 4403 });
    expect(t.text().endsWith('\r\x1b[2Kkms-review: base: inventory · head: parse 4,403/4,403 files')).toBe(true);
    line.end();
    expect(t.text().endsWith('\r\x1b[2K')).toBe(true);
  });

  it('is silent when stderr is not a terminal, and with --quiet', () => {
    for (const [isTTY, quiet] of [
      [false, false],
      [true, true],
    ] as const) {
      const t = terminal(isTTY);
      const line = progressLine(t.stream, { now: t.now, quiet });
      t.at(60_000);
      line.update({ stage: 'parse', done: 1, total: 2 });
      line.end();
      expect(t.text()).toBe('');
    }
  });

  it('a run that ends before 2 s leaves nothing to clear', () => {
    const t = terminal();
    const line = progressLine(t.stream, { now: t.now });
    line.update({ stage: 'rules', done: 2, total: 2 });
    line.end();
    expect(t.text()).toBe('');
  });
});

describe('the pipeline reports its stages', () => {
  it('load and parse count files up to the total, then inventory, access and rules, in order', async () => {
    const events: Progress[] = [];
    const analysis = await analyse(folderFileSet(MONOREPO), parseConfig(''), { progress: (e) => events.push(e) });
    const stages = [...new Set(events.map((e) => e.stage))];
    expect(stages).toEqual(['load', 'parse', 'inventory', 'access', 'rules']);
    const last = (stage: Progress['stage']) => events.filter((e) => e.stage === stage).at(-1)!;
    expect(last('load')).toEqual({ stage: 'load', done: analysis.stats.files, total: analysis.stats.files });
    // The parsers claim the .tf files and the template (README.md is no candidate).
    expect(last('parse')).toEqual({ stage: 'parse', done: 7, total: 7 });
    const parse = events.filter((e) => e.stage === 'parse').map((e) => e.done);
    expect(parse).toEqual([...parse].sort((a, b) => a - b));
  });

  it('a change tags each side', async () => {
    const sides = new Set<string | undefined>();
    await analyseChange(folderFileSet(MONOREPO), folderFileSet(MONOREPO), parseConfig(''), { progress: (e) => sides.add(e.side) });
    expect([...sides].sort()).toEqual(['base', 'head']);
  });
});

describe('the CLI on a terminal', () => {
  it('a fast scan prints no progress line, only the closing count; --quiet prints nothing', async () => {
    const { main } = await import('../../src/cli.js');
    const run = async (args: string[]) => {
      const out = capture();
      const err = capture(true);
      await main(args, { stdout: out.stream, stderr: err.stream, env: {} });
      return err.text();
    };
    expect(await run(['scan', MONOREPO])).toMatch(/^scanned 7 files in \d+ ms\n$/);
    expect(await run(['scan', MONOREPO, '--quiet'])).toBe('');
    expect(await run(['diff', MONOREPO, MONOREPO, '-q'])).toBe('');
    expect((await runCli(['scan', MONOREPO])).stderr).toBe('');
  });
});
