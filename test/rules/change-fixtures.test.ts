/**
 * Each `fixtures/rules/<ID>/fires/<case>` of a change rule (KMS5xx) makes it fire between its
 * `before/` and `after/` folders; each `quiet/<case>` keeps it quiet.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/registry.js';
import { analyseChangeFolders } from '../harness.js';

const cases = RULES.filter((rule) => rule.checkChange).flatMap((rule) =>
  (['fires', 'quiet'] as const).flatMap((kind) => {
    const dir = `fixtures/rules/${rule.id}/${kind}`;
    return existsSync(dir) ? readdirSync(dir).map((name) => ({ rule, kind, name, dir: `${dir}/${name}` })) : [];
  }),
);

describe('change-rule fixtures', () => {
  it('exist for every change rule', () => {
    for (const rule of RULES.filter((r) => r.checkChange)) {
      expect(
        cases.some((c) => c.rule === rule && c.kind === 'fires'),
        `${rule.id} fires`,
      ).toBe(true);
      expect(
        cases.some((c) => c.rule === rule && c.kind === 'quiet'),
        `${rule.id} quiet`,
      ).toBe(true);
    }
  });

  it.each(cases.map((c) => [`${c.rule.id} ${c.kind} ${c.name}`, c] as const))('%s', async (_label, c) => {
    expect(existsSync(`${c.dir}/before`) && existsSync(`${c.dir}/after`), `${c.dir} needs before/ and after/`).toBe(true);
    const { findings } = await analyseChangeFolders(`${c.dir}/before`, `${c.dir}/after`, { rules: [c.rule] });
    const active = findings.new.filter((f) => f.rule === c.rule.id && !f.suppressed);
    if (c.kind === 'fires') expect(active.length, JSON.stringify(findings.new, null, 1)).toBeGreaterThan(0);
    else expect(active, JSON.stringify(active, null, 1)).toEqual([]);
  });
});
