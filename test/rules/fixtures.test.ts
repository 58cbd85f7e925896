/**
 * Each `fixtures/rules/<ID>/fires/<case>` makes its rule fire; each `quiet/<case>` keeps it quiet.
 * State rules only: change rules (KMS5xx) have before/after fixtures, run by change-fixtures.test.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/registry.js';
import { analyseFolder } from '../harness.js';

const cases = RULES.filter((rule) => rule.check).flatMap((rule) =>
  (['fires', 'quiet'] as const).flatMap((kind) => {
    const dir = `fixtures/rules/${rule.id}/${kind}`;
    return existsSync(dir) ? readdirSync(dir).map((name) => ({ rule, kind, name, dir: `${dir}/${name}` })) : [];
  }),
);

describe.each(cases.map((c) => [`${c.rule.id} ${c.kind} ${c.name}`, c] as const))('%s', (_label, c) => {
  it(c.kind === 'fires' ? 'fires' : 'stays quiet', async () => {
    const { findings } = await analyseFolder(c.dir, { rules: [c.rule] });
    const active = findings.filter((f) => f.rule === c.rule.id && !f.suppressed);
    if (c.kind === 'fires') expect(active.length, JSON.stringify(findings, null, 1)).toBeGreaterThan(0);
    else expect(active, JSON.stringify(active, null, 1)).toEqual([]);
  });
});
