/**
 * Agreement with the peer scanners' fixtures: every case of fixtures/peers/manifest.json is
 * analysed alone, with only its rule, and kms-review's verdict (fail: the rule fires) is compared
 * with the expected one. The share that agrees is printed and must stay above 95 %. The expected
 * verdict differs from the peer's only where kms-review deliberately differs, with the reason.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/registry.js';
import { analyseFiles } from '../harness.js';

type Verdict = 'pass' | 'fail';
interface PeerCase {
  case: string;
  peer: string;
  rule: string;
  peerVerdict: Verdict;
  expected: Verdict;
  reason?: string;
  config?: string;
}

const ROOT = 'fixtures/peers';
const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as { cases: PeerCase[] };
const THRESHOLD = 0.95;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [relative(ROOT, path)];
  });
}

async function verdictOf(c: PeerCase): Promise<{ verdict: Verdict; messages: string[] }> {
  const rule = RULES.find((r) => r.id === c.rule);
  if (!rule) throw new Error(`unknown rule ${c.rule}`);
  const text = readFileSync(join(ROOT, c.case), 'utf8');
  const { findings } = await analyseFiles({ [basename(c.case)]: text }, { rules: [rule], ...(c.config ? { config: c.config } : {}) });
  const active = findings.filter((f) => f.rule === c.rule && !f.suppressed);
  return { verdict: active.length > 0 ? 'fail' : 'pass', messages: active.map((f) => f.message) };
}

describe('peer fixtures manifest', () => {
  it('lists every case file once, with a known rule and verdicts', () => {
    const listed = manifest.cases.map((c) => c.case);
    expect(new Set(listed).size).toBe(listed.length);
    expect(
      filesUnder(ROOT)
        .filter((f) => f !== 'manifest.json')
        .sort(),
    ).toEqual([...listed].sort());
    for (const c of manifest.cases) {
      expect(
        RULES.some((r) => r.id === c.rule && r.check),
        c.case,
      ).toBe(true);
      expect(['pass', 'fail']).toContain(c.peerVerdict);
      expect(['pass', 'fail']).toContain(c.expected);
      expect(c.peer, c.case).not.toBe('');
    }
  });

  it('gives a reason exactly where kms-review deliberately differs from the peer', () => {
    for (const c of manifest.cases) {
      if (c.expected === c.peerVerdict) expect(c.reason, c.case).toBeUndefined();
      else expect(c.reason?.length ?? 0, c.case).toBeGreaterThan(20);
    }
  });

  it('has cases that fire and cases that stay quiet for every rule it covers', () => {
    const rules = new Set(manifest.cases.map((c) => c.rule));
    for (const rule of rules) {
      const verdicts = new Set(manifest.cases.filter((c) => c.rule === rule).map((c) => c.expected));
      expect([rule, [...verdicts].sort()]).toEqual([rule, ['fail', 'pass']]);
    }
  });
});

describe('agreement with the peer fixtures', () => {
  it(`is above ${THRESHOLD * 100} %`, { timeout: 120_000 }, async () => {
    const results = [];
    for (const c of manifest.cases) results.push({ ...c, ...(await verdictOf(c)) });
    const agreed = results.filter((r) => r.verdict === r.expected);
    const withPeer = results.filter((r) => r.verdict === r.peerVerdict);
    const share = agreed.length / results.length;
    const percent = (n: number) => `${((100 * n) / results.length).toFixed(1)} %`;
    const byTool = new Map<string, { cases: number; agreed: number }>();
    for (const r of results) {
      const tool = r.case.split('/')[0];
      const entry = byTool.get(tool) ?? { cases: 0, agreed: 0 };
      entry.cases += 1;
      if (r.verdict === r.expected) entry.agreed += 1;
      byTool.set(tool, entry);
    }
    const lines = [
      `peer fixtures: ${agreed.length} of ${results.length} cases agree with the expected verdict (${percent(agreed.length)}); threshold ${THRESHOLD * 100} %`,
      `  with the peers' own verdicts: ${withPeer.length} of ${results.length} (${percent(withPeer.length)}); ${results.filter((r) => r.reason).length} cases differ on purpose (see reason in the manifest)`,
      ...[...byTool].map(([tool, t]) => `  ${tool.padEnd(8)} ${t.agreed}/${t.cases}`),
      ...results
        .filter((r) => r.verdict !== r.expected)
        .map((r) => `  DISAGREES ${r.case} (${r.rule}): expected ${r.expected}, got ${r.verdict} ${r.messages.join(' | ')}`),
    ];
    console.log(lines.join('\n'));
    expect(share, lines.join('\n')).toBeGreaterThan(THRESHOLD);
  });
});
