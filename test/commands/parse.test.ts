/** The slash command grammar (pure). */
import { describe, expect, it } from 'vitest';
import { editDistance, parseCommands, suggest } from '../../src/github/commands/parse.js';

const one = (body: string) => {
  const parsed = parseCommands(body);
  expect(parsed).toHaveLength(1);
  return parsed[0];
};

describe('parseCommands', () => {
  it('only lines that start with /kms are commands; several per comment, in order', () => {
    const parsed = parseCommands('Looks good.\n  /kms help\nsee /kms rerun in the middle of a line\n/kms   RERUN\r\n/kmsx help\n/kms');
    expect(parsed.map((p) => (p.kind === 'command' ? p.command : p))).toEqual([{ verb: 'help' }, { verb: 'rerun' }, { verb: 'help' }]);
  });

  it('code fences (``` and ~~~, any length, with a language) hide commands until they close', () => {
    expect(parseCommands('```\n/kms rerun\n```')).toEqual([]);
    expect(parseCommands('````md\n```\n/kms rerun\n```\n````\n/kms help')).toHaveLength(1);
    expect(parseCommands('~~~text\n/kms rerun\n~~~')).toEqual([]);
    // An unclosed fence hides the rest of the comment.
    expect(parseCommands('```\n/kms rerun')).toEqual([]);
  });

  it('the verb is case-insensitive; a rule id is upper-cased', () => {
    expect(one('/KMS Explain kms103')).toMatchObject({ kind: 'command', command: { verb: 'explain', target: 'KMS103' } });
    expect(one('/kms explain')).toMatchObject({ command: { verb: 'explain' } });
    expect(one('/kms explain alias/Platform-Prod')).toMatchObject({ command: { target: 'alias/Platform-Prod' } });
  });

  it('inventory [--all], blast-radius and split need their key', () => {
    expect(one('/kms inventory')).toMatchObject({ command: { verb: 'inventory', all: false } });
    expect(one('/kms inventory --ALL')).toMatchObject({ command: { verb: 'inventory', all: true } });
    expect(one('/kms inventory --everything')).toMatchObject({ kind: 'error', message: expect.stringContaining('unknown option `--everything`') });
    expect(one('/kms blast-radius envs/prod:aws_kms_key.platform')).toMatchObject({ command: { verb: 'blast-radius', key: 'envs/prod:aws_kms_key.platform' } });
    expect(one('/kms split')).toEqual({
      kind: 'error',
      line: '/kms split',
      verb: 'split',
      message: '`split` needs a key (an alias such as `alias/platform-prod`, or an address). Usage: `/kms split <key>`',
    });
    expect(one('/kms split a b')).toMatchObject({ kind: 'error', message: expect.stringContaining('takes one key') });
  });

  it('ignore: rule, optional target, quoted reason (straight or curly quotes), optional expiry', () => {
    expect(one('/kms ignore kms505 alias/platform-prod reason="replay goes away" expires=2026-12-31')).toMatchObject({
      command: { verb: 'ignore', rule: 'KMS505', target: 'alias/platform-prod', reason: 'replay goes away', expires: '2026-12-31' },
    });
    expect(one('/kms ignore KMS301 reason=“HSM team rotates it”')).toMatchObject({ command: { rule: 'KMS301', reason: 'HSM team rotates it' } });
    expect(one('/kms ignore KMS301 reason=short')).toMatchObject({ command: { reason: 'short' } });
    expect(one('/kms ignore KMS301')).toMatchObject({ kind: 'error', message: expect.stringContaining('needs a reason') });
    expect(one('/kms ignore KMS301 reason=""')).toMatchObject({ kind: 'error', message: expect.stringContaining('needs a reason') });
    expect(one('/kms ignore KMS301 reason="never closed')).toMatchObject({ kind: 'error', message: expect.stringContaining('never closed') });
    expect(one('/kms ignore rotation reason="x"')).toMatchObject({ kind: 'error', message: expect.stringContaining('`rotation` is not a rule id') });
    expect(one('/kms ignore KMS301 a b reason="x"')).toMatchObject({ kind: 'error', message: expect.stringContaining('too many arguments') });
    expect(one('/kms ignore KMS301 reason="x" expires=2026-02-30')).toMatchObject({ kind: 'error', message: expect.stringContaining('not a date') });
    expect(one('/kms ignore KMS301 reason="x" until=2026-02-01')).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('unknown argument `until=`'),
    });
    expect(one('/kms unignore KMS301 alias/x')).toMatchObject({ command: { verb: 'unignore', rule: 'KMS301', target: 'alias/x' } });
    expect(one('/kms unignore')).toMatchObject({ kind: 'error', message: expect.stringContaining('needs a rule id') });
  });

  it('help and rerun take no argument', () => {
    expect(one('/kms rerun now')).toMatchObject({ kind: 'error', message: expect.stringContaining('takes no argument') });
  });

  it('an unknown verb suggests the closest verbs', () => {
    expect(one('/kms explian KMS103')).toEqual({ kind: 'unknown', line: '/kms explian KMS103', verb: 'explian', suggestions: ['explain'] });
    expect(one('/kms blast')).toMatchObject({ kind: 'unknown', suggestions: ['blast-radius'] });
    expect(one('/kms ingore KMS101')).toMatchObject({ kind: 'unknown', suggestions: ['ignore'] });
    expect(one('/kms unignor KMS101')).toMatchObject({ kind: 'unknown', suggestions: ['unignore'] });
    expect(one('/kms deploy')).toMatchObject({ kind: 'unknown', suggestions: [] });
  });

  it('never throws, and stops at ten commands', () => {
    const hostile = [
      '/kms ignore "',
      '/kms ignore KMS1 reason=',
      '/kms \u0000',
      `/kms explain ${'x'.repeat(100_000)}`,
      '/kms ignore KMS101 reason="a" reason="b"',
    ];
    for (const body of hostile) expect(() => parseCommands(body)).not.toThrow();
    expect(parseCommands(Array.from({ length: 50 }, () => '/kms help').join('\n'))).toHaveLength(10);
  });

  it('edit distance', () => {
    expect(editDistance('explian', 'explain')).toBe(2);
    expect(editDistance('', 'help')).toBe(4);
    expect(suggest('hepl')).toEqual(['help']);
  });
});
