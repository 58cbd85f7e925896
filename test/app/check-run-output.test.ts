/** The rendered check run for an oversize review: truncated honestly, with a pointer to the full text. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { analyseChange } from '../../src/pipeline.js';
import { OUTPUT_LIMIT, reviewOutput } from '../../src/report/check-run.js';
import { memoryFileSet } from '../../src/sources/memory.js';

describe('oversize summary', () => {
  it('stays within 65,535 characters and says what was left out and where to read it', async () => {
    const keys = Array.from(
      { length: 500 },
      (_, i) =>
        `resource "aws_kms_key" "key_with_a_rather_long_name_${i}" {\n  description = "k${i}"\n  enable_key_rotation = false\n  deletion_window_in_days = 7\n}\n`,
    ).join('\n');
    const loaded = parseConfig('');
    const change = await analyseChange(memoryFileSet({ 'live/prod/main.tf': '# empty\n' }), memoryFileSet({ 'live/prod/main.tf': keys }), loaded, {
      today: '2026-11-22',
    });
    const out = reviewOutput(change, loaded.config, [], { repoUrl: 'https://github.com/acme/infra', baseSha: '1'.repeat(40), headSha: '2'.repeat(40) });
    expect(change.findings.new.length).toBeGreaterThan(500);
    expect(out.summary.length).toBeLessThanOrEqual(OUTPUT_LIMIT);
    expect(out.summary).toMatch(/\*\*Truncated\*\* to GitHub's 65,535-character limit: \d+ of \d+ new findings/);
    expect(out.summary).toContain('kms-review diff --base 111111111111 --head 222222222222');
    expect(out.text?.length).toBeLessThanOrEqual(OUTPUT_LIMIT);
    expect(out.annotations).toHaveLength(change.findings.new.filter((f) => !f.suppressed && f.location).length);
    await expect(out.summary.slice(-600)).toMatchFileSnapshot('./__golden__/oversize.summary-tail.md');
  });
});
