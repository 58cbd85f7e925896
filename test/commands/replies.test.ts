/** Reply limits and the ignores marker (pure). */
import { describe, expect, it } from 'vitest';
import { ignoresComment, parseIgnores } from '../../src/github/commands/ignores.js';
import { assembleReply, fixInLanguage } from '../../src/report/command-replies.js';

describe('assembleReply', () => {
  it('short replies are plain sections; long ones fold into <details>; oversize ones are cut to 65,536 characters', () => {
    expect(assembleReply('head', [{ title: 'A', body: 'a' }])).toBe('head\n\n#### A\n\na');
    const long = assembleReply('head', [
      { title: 'A', body: 'a'.repeat(15_000) },
      { title: 'B', body: 'b'.repeat(15_000) },
    ]);
    expect(long).toContain('<details><summary>A</summary>');
    const huge = assembleReply(
      'head',
      Array.from({ length: 30 }, (_, i) => ({ title: `S${i}`, body: Array.from({ length: 400 }, () => 'x'.repeat(20)).join('\n') })),
    );
    expect(huge.length).toBeLessThanOrEqual(65_536);
    expect(huge).toContain('**Truncated**');
  });
});

describe('fixInLanguage', () => {
  const fix = 'Do it:\n\nTerraform:\n\n```hcl\nresource "x" "y" {}\n```\n\nCloudFormation (a template):\n\n```yaml\nX: 1\n```\n\nDone.';
  it('keeps the code of the PR’s language and the prose, drops the other language with its lead-in', () => {
    expect(fixInLanguage(fix, 'terraform')).toBe('Do it:\n\nTerraform:\n\n```hcl\nresource "x" "y" {}\n```\n\nDone.');
    expect(fixInLanguage(fix, 'cloudformation')).toBe('Do it:\n\nCloudFormation (a template):\n\n```yaml\nX: 1\n```\n\nDone.');
  });
});

describe('the ignores marker', () => {
  it('round-trips, and no reason can close the hidden comment early', () => {
    const ignores = [{ rule: 'KMS301', target: 'alias/a-b', reason: 'x --> <!-- y @team', author: 'dana', date: '2026-11-22', expires: '2027-01-01' }];
    const body = ignoresComment(ignores);
    expect(body.indexOf('-->')).toBe(body.split('\n')[0].length - 3);
    expect(parseIgnores(body)).toEqual(ignores);
    expect(body).toContain('@\u200bteam');
  });

  it('malformed markers give no ignores', () => {
    expect(parseIgnores('<!-- kms-review:ignores {not json} -->')).toEqual([]);
    expect(parseIgnores('<!-- kms-review:ignores {"ignores":[{"rule":"nope"}]} -->')).toEqual([]);
    expect(parseIgnores('hello')).toEqual([]);
  });
});
