import { describe, expect, it } from 'vitest';
import { placeFinding } from '../../src/github/review-comments.js';
import { COMMENT_LIMIT, cleanSummary, findingComment, fitComment, reviewBody, safe, summaryComment } from '../../src/report/pr-comment.js';
import type { Finding } from '../../src/rules/types.js';
import { analyseChangeFolders } from '../harness.js';

const repoUrl = 'https://github.com/acme/infra';
const baseSha = '1111111111111111111111111111111111111111';
const headSha = '2222222222222222222222222222222222222222';

describe.each(['env-wide-shared-key', 'central-security-account-key'])('PR comment markdown for %s', (scenario) => {
  it('renders the sticky summary, the review comments and the review body (golden)', async () => {
    const change = await analyseChangeFolders(`fixtures/scenarios/${scenario}/before`, `fixtures/scenarios/${scenario}/after`);
    const ctx = { repoUrl, baseSha, headSha };
    await expect(summaryComment(change, ctx)).toMatchFileSnapshot(`./__golden__/${scenario}.summary.md`);
    const active = change.findings.new.filter((f) => !f.suppressed);
    const comments = active.map((f) => findingComment(f, { suggestion: false })).join('\n\n---\n\n');
    await expect(comments).toMatchFileSnapshot(`./__golden__/${scenario}.review-comments.md`);
    // As a review with no diff lines at all: every finding in the body.
    const listed = active.map((finding) => ({ finding, reason: 'outside-diff' as const }));
    await expect(reviewBody({ headSha, repoUrl, inline: 0, listed, maxComments: 30 })).toMatchFileSnapshot(`./__golden__/${scenario}.review-body.md`);
  });
});

const rotationOff: Finding = {
  rule: 'KMS301',
  severity: 'medium',
  key: 'envs/prod:aws_kms_key.platform',
  subjects: [],
  message: 'Key alias/platform-prod has rotation off (owner @acme/platform).',
  evidence: { enabled: false },
  location: { file: 'envs/prod/kms.tf', startLine: 7, endLine: 7 },
  fingerprint: 'f301aaaaaaaaaaaaaaaa',
  fix: { location: { file: 'envs/prod/kms.tf', startLine: 7, endLine: 7 }, replacement: '  enable_key_rotation = true\n', description: 'Turn rotation on.' },
};

describe('finding comments', () => {
  it('renders the fix as a suggestion block, or as a snippet that says why it is not one', () => {
    const suggestion = findingComment(rotationOff, { suggestion: true });
    expect(suggestion.split('\n')[0]).toBe('<!-- kms-review:finding f301aaaaaaaaaaaaaaaa -->');
    expect(suggestion).toContain('**medium · [KMS301](https://github.com/kms-review/kms-review/blob/main/docs/rules/KMS301.md) rotation-disabled**');
    expect(suggestion).toContain('```suggestion\n  enable_key_rotation = true\n```');
    const snippet = findingComment(rotationOff, { suggestion: false });
    expect(snippet).not.toContain('```suggestion');
    expect(snippet).toContain('not a one-click suggestion');
    expect(snippet).toContain('```hcl\n  enable_key_rotation = true\n```');
  });

  it('defuses mentions and forged markers in PR content, and fences around backticks', () => {
    expect(safe('owner @acme/team <!-- kms-review:summary -->')).toBe('owner @\u200bacme/team &lt;!-- kms-review:summary -->');
    const body = findingComment({ ...rotationOff, fix: { ...rotationOff.fix!, replacement: '  x = "```"' } }, { suggestion: true });
    expect(body).toContain('````suggestion\n  x = "```"\n````');
    expect(body).toContain('@\u200bacme/platform');
  });

  it('says the PR is clean in one line', () => {
    expect(cleanSummary(headSha)).toBe('✅ KMS key strategy: no new findings at 2222222.');
  });
});

describe('placement under the filters', () => {
  const lines = new Map([['envs/prod/kms.tf', { added: new Set([7]), context: new Set([4, 5, 6, 8, 9, 10]) }]]);
  const at = (startLine: number, endLine = startLine, file = 'envs/prod/kms.tf'): Finding => ({
    ...rotationOff,
    fix: undefined,
    location: { file, startLine, endLine },
  });
  it('places a suggestion on the fix lines only when they are all right-side diff lines', () => {
    expect(placeFinding(rotationOff, lines, 'added')).toEqual({ comment: { path: 'envs/prod/kms.tf', line: 7, side: 'RIGHT' }, suggestion: true });
    const wide = { ...rotationOff, fix: { ...rotationOff.fix!, location: { file: 'envs/prod/kms.tf', startLine: 6, endLine: 12 } } };
    expect(placeFinding(wide, lines, 'added')).toEqual({ comment: { path: 'envs/prod/kms.tf', line: 7, side: 'RIGHT' }, suggestion: false });
    const multi = { ...rotationOff, fix: { ...rotationOff.fix!, location: { file: 'envs/prod/kms.tf', startLine: 6, endLine: 8 } } };
    expect(placeFinding(multi, lines, 'added')).toEqual({
      comment: { path: 'envs/prod/kms.tf', line: 8, start_line: 6, side: 'RIGHT', start_side: 'RIGHT' },
      suggestion: true,
    });
  });
  it('accepts added lines, diff context, files in the diff, or says why not', () => {
    expect(placeFinding(at(5, 9), lines, 'added')).toMatchObject({ comment: { line: 7 } });
    expect(placeFinding(at(5), lines, 'added')).toEqual({ reason: 'outside-diff' });
    expect(placeFinding(at(5), lines, 'diff_context')).toMatchObject({ comment: { line: 5 } });
    expect(placeFinding(at(40), lines, 'diff_context')).toEqual({ reason: 'outside-diff' });
    expect(placeFinding(at(40), lines, 'file')).toMatchObject({ comment: { line: 10 }, outsideDiff: true });
    expect(placeFinding(at(3, 3, 'other.tf'), lines, 'nofilter')).toEqual({ reason: 'outside-diff' });
    expect(placeFinding({ ...rotationOff, location: undefined, fix: undefined }, lines, 'nofilter')).toEqual({ reason: 'no-location' });
  });
});

describe('truncation', () => {
  it('keeps whole lines, closes an open fence and says what was left out', () => {
    const body = ['# title', '```json', ...Array.from({ length: 5000 }, (_, i) => `"line ${i}": "${'x'.repeat(20)}",`), '```'].join('\n');
    const fitted = fitComment(body);
    expect(fitted.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(fitted).toMatch(
      /\n```\n\n> \*\*Truncated\*\* to GitHub's 65,536-character comment limit: [\d,]+ characters left out; the check run “KMS key strategy” has the full report\.$/,
    );
    expect(fitComment('short')).toBe('short');
  });

  it('keeps the review body within the limit and records only the rows it shows', () => {
    const listed = Array.from({ length: 600 }, (_, i) => ({
      finding: { ...rotationOff, fingerprint: `fp${String(i).padStart(18, '0')}`, message: 'm'.repeat(200) },
      reason: 'over-limit' as const,
    }));
    const body = reviewBody({ headSha, repoUrl, inline: 30, listed, maxComments: 30 });
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    const shown = body.split('\n').filter((l) => l.startsWith('| medium')).length;
    expect(shown).toBeGreaterThan(100);
    expect(shown).toBeLessThan(600);
    expect(body).toContain(`${shown} of 600 rows shown`);
    expect(
      body
        .split('\n')[1]
        .split(' ')
        .filter((w) => w.startsWith('fp')),
    ).toHaveLength(shown);
  });
});
