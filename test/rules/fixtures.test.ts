/**
 * Each `fixtures/rules/<ID>/fires/<case>` makes its rule fire; each `quiet/<case>` keeps it quiet.
 * State rules only: change rules (KMS5xx) have before/after fixtures, run by change-fixtures.test.ts.
 * A case with a `live.json` (recorded live responses, see src/live/recorded.ts) runs with the live
 * view replaying them, as `kms-review scan --live-recorded <case>/live.json` does.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_PATH, parseConfig } from '../../src/config/load.js';
import { liveHookFor } from '../../src/live/index.js';
import { analyse } from '../../src/pipeline.js';
import { RULES } from '../../src/rules/registry.js';
import type { Rule } from '../../src/rules/types.js';
import { folderFileSet } from '../../src/sources/folder.js';
import { analyseFolder } from '../harness.js';

async function analyseCase(dir: string, rule: Rule) {
  const recorded = join(dir, 'live.json');
  if (!existsSync(recorded)) return analyseFolder(dir, { rules: [rule] });
  const configFile = join(dir, CONFIG_PATH);
  const loaded = parseConfig(existsSync(configFile) ? readFileSync(configFile, 'utf8') : '');
  if (loaded.errors.length > 0) throw new Error(`invalid fixture config: ${JSON.stringify(loaded.errors)}`);
  const live = liveHookFor(loaded.config.live, { recorded });
  return analyse(folderFileSet(dir), loaded, { rules: [rule], today: '2026-11-22', ...(live ? { live } : {}) });
}

const cases = RULES.filter((rule) => rule.check).flatMap((rule) =>
  (['fires', 'quiet'] as const).flatMap((kind) => {
    const dir = `fixtures/rules/${rule.id}/${kind}`;
    return existsSync(dir) ? readdirSync(dir).map((name) => ({ rule, kind, name, dir: `${dir}/${name}` })) : [];
  }),
);

describe.each(cases.map((c) => [`${c.rule.id} ${c.kind} ${c.name}`, c] as const))('%s', (_label, c) => {
  it(c.kind === 'fires' ? 'fires' : 'stays quiet', async () => {
    const { findings } = await analyseCase(c.dir, c.rule);
    const active = findings.filter((f) => f.rule === c.rule.id && !f.suppressed);
    if (c.kind === 'fires') expect(active.length, JSON.stringify(findings, null, 1)).toBeGreaterThan(0);
    else expect(active, JSON.stringify(active, null, 1)).toEqual([]);
  });
});
