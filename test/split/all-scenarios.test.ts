import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { planSplits, SPLIT_RULES } from '../../src/split/index.js';
import { analyseFolder } from '../harness.js';

const ROOT = 'fixtures/scenarios';
const SIDES = readdirSync(ROOT).flatMap((name) => ['before', 'after'].map((side) => ({ name, side })));

describe.each(SIDES)('planSplits on $name/$side', ({ name, side }) => {
  it('plans every key with a principle finding; each patch applies, moves every consumer it does not leave to the reader, and adds keys that raise nothing', async () => {
    const dir = join(ROOT, name, side);
    const analysis = await analyseFolder(dir);
    const plans = planSplits(analysis, parseConfig('').config);
    const flagged = new Set(analysis.findings.filter((f) => f.key && !f.suppressed && (SPLIT_RULES as readonly string[]).includes(f.rule)).map((f) => f.key));
    expect(plans.map((p) => p.key).sort()).toEqual([...flagged].sort());
    for (const plan of plans) {
      if (plan.groups.length < 2) expect(plan.reason).toBeTruthy();
      else expect(plan.newKeys).toHaveLength(plan.groups.length);
      for (const m of plan.migration) expect(m.steps.at(-1)).toMatch(/schedule its deletion, with the full 30-day window/);
      if (!plan.patch) continue;
      const tmp = mkdtempSync(join(tmpdir(), 'kms-split-check-'));
      try {
        cpSync(dir, tmp, { recursive: true });
        execFileSync('git', ['init', '-q'], { cwd: tmp });
        writeFileSync(join(tmp, 'split.patch'), plan.patch);
        execFileSync('git', ['apply', '--check', 'split.patch'], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] });
        execFileSync('git', ['apply', 'split.patch'], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] });
        rmSync(join(tmp, 'split.patch'));
        // Applied: the consumers left on the old key are those the migration plan says the patch does not move,
        // the old key has no principle finding unless some are left, and the new keys raise nothing.
        const after = await analyseFolder(tmp);
        const manual = plan.migration.filter((m) => m.manual).map((m) => m.resource);
        const left = [...new Set(after.inventory.keys.find((k) => k.id === plan.key)?.consumers.map((c) => c.resource))];
        expect(left.sort()).toEqual([...new Set(manual)].sort());
        if (manual.length === 0) {
          expect(after.findings.filter((f) => f.key === plan.key && (SPLIT_RULES as readonly string[]).includes(f.rule)).map((f) => f.message)).toEqual([]);
        }
        const known = new Set(analysis.inventory.keys.map((k) => k.id));
        const added = new Set(after.inventory.keys.filter((k) => !known.has(k.id)).map((k) => k.id));
        expect(added.size).toBeGreaterThan(0);
        expect(after.findings.filter((f) => f.key && added.has(f.key)).map((f) => `${f.rule} ${f.key}: ${f.message}`)).toEqual([]);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    }
  });
});
