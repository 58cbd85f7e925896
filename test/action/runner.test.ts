import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { annotationCommand, escapeData, escapeProperty, getInput, Runner } from '../../src/action/runner.js';
import { parseOutputs } from './support.js';

it('escapes workflow command data and properties as the runner expects', () => {
  expect(escapeData('50% a\r\nb: c, d')).toBe('50%25 a%0D%0Ab: c, d');
  expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  expect(annotationCommand({ level: 'error', file: 'envs/a,b.tf', line: 3, endLine: 5, title: 'KMS103: x', message: 'line1\nline2' })).toBe(
    '::error file=envs/a%2Cb.tf,line=3,endLine=5,title=KMS103%3A x::line1%0Aline2',
  );
  expect(annotationCommand({ level: 'notice', message: 'plain' })).toBe('::notice::plain');
});

it('reads INPUT_* variables (hyphens kept) and writes outputs with a delimiter that is not in the value', () => {
  expect(getInput({ 'INPUT_FAIL-ON': '  high ' }, 'fail-on')).toBe('high');
  expect(getInput({}, 'fail-on')).toBe('');
  const dir = mkdtempSync(join(tmpdir(), 'kms-review-runner-'));
  try {
    const out = join(dir, 'out');
    const summary = join(dir, 'summary');
    const runner = new Runner({ GITHUB_OUTPUT: out, GITHUB_STEP_SUMMARY: summary }, { stdout: process.stdout, stderr: process.stderr });
    runner.setOutput('conclusion', 'failure');
    runner.setOutput('multi', 'a\nb=c\nEOF');
    expect(readFileSync(out, 'utf8')).toMatch(/^conclusion<<ghadelimiter_[0-9a-f-]{36}\nfailure\nghadelimiter_[0-9a-f-]{36}\n/);
    expect(parseOutputs(readFileSync(out, 'utf8'))).toEqual({ conclusion: 'failure', multi: 'a\nb=c\nEOF' });
    expect(runner.summary('# hi')).toBe(true);
    expect(readFileSync(summary, 'utf8')).toBe('# hi\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
