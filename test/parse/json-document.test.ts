import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../../src/model/source.js';
import { type LocatedDocument, parseLocatedDocument, scanFlowStructure } from '../../src/parse/json-document.js';

function parse(path: string, text: string, limits: Limits = DEFAULT_LIMITS) {
  return parseLocatedDocument({ path, text, size: Buffer.byteLength(text) }, limits);
}
function parsed(path: string, text: string): LocatedDocument {
  const result = parse(path, text);
  if (!result.ok) throw new Error(result.problem.message);
  return result.doc;
}
const at = (file: string, startLine: number, endLine: number) => ({ file, startLine, endLine });

const JSON_TEXT = `{
  "a": [
    {"b": 1},
    {"b": 2, "c": {"d": true}}
  ],
  "e": "x"
}
`;

describe('parseLocatedDocument', () => {
  it('returns the plain value and line ranges by path', () => {
    const doc = parsed('f.json', JSON_TEXT);
    expect(doc.value).toEqual({ a: [{ b: 1 }, { b: 2, c: { d: true } }], e: 'x' });
    expect(doc.whole).toEqual(at('f.json', 1, 7));
    expect(doc.locate([])).toEqual(at('f.json', 1, 7));
    expect(doc.locate(['a'])).toEqual(at('f.json', 2, 5));
    expect(doc.locate(['a', 1])).toEqual(at('f.json', 4, 4));
    expect(doc.locate(['a', 1, 'c', 'd'])).toEqual(at('f.json', 4, 4));
    expect(doc.locate(['e'])).toEqual(at('f.json', 6, 6));
    expect(doc.locate(['missing'])).toBeUndefined();
    expect(doc.locate(['a', 7])).toBeUndefined();
  });

  it('locates map entries by dotted path without list indexes, first occurrence winning', () => {
    expect(parsed('f.json', JSON_TEXT).entryLocations([])).toEqual({
      a: at('f.json', 2, 5),
      e: at('f.json', 6, 6),
      'a.b': at('f.json', 3, 3),
      'a.c': at('f.json', 4, 4),
      'a.c.d': at('f.json', 4, 4),
    });
    expect(parsed('f.json', JSON_TEXT).entryLocations(['a', 1])).toEqual({
      b: at('f.json', 4, 4),
      c: at('f.json', 4, 4),
      'c.d': at('f.json', 4, 4),
    });
    expect(parsed('f.json', JSON_TEXT).entryLocations(['nope'])).toEqual({});
  });

  it('reads YAML too, with its own scalar rules', () => {
    const doc = parsed('t.yaml', 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n    Enabled: yes\n');
    expect(doc.value).toEqual({ Resources: { Key: { Type: 'AWS::KMS::Key', Enabled: 'yes' } } });
    expect(doc.locate(['Resources', 'Key'])).toEqual(at('t.yaml', 3, 4));
  });

  it.each([
    ['an unquoted word', '{\n  "a": tru\n}', 2, 'invalid JSON: Unresolved plain scalar "tru"'],
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 2, 'invalid JSON: Implicit keys need to be on a single line'],
    ['a duplicate key', '{\n  "a": 1,\n  "a": 2\n}', 3, 'invalid JSON: Map keys must be unique'],
    ['an unclosed document', '{\n  "a": [1,\n', 3, 'invalid JSON: Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ])('reports %s with its line', (_name, text, line, message) => {
    const result = parse('bad.json', text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem.location).toEqual(at('bad.json', line, line));
    expect(result.problem.message.startsWith(message)).toBe(true);
  });

  it('rejects 10,000-deep object nesting before the YAML parser sees it (it would run out of memory)', () => {
    const text = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    const started = performance.now();
    const result = parse('deep.json', text);
    expect(performance.now() - started).toBeLessThan(500);
    expect(result).toEqual({
      ok: false,
      problem: { rule: 'KMS000', message: 'nesting deeper than 200 levels; not parsed', location: at('deep.json', 1, 1) },
    });
  });

  it('rejects deep block YAML nesting after parsing, without recursion', () => {
    const text = Array.from({ length: 300 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n');
    const result = parse('deep.yaml', text);
    expect(result.ok ? 'parsed' : result.problem.message).toBe('nesting deeper than 200 levels; not parsed');
  });

  it('caps YAML alias expansion', () => {
    const text = 'a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: &c [*b, *b, *b]\nd: [*c, *c, *c]\n';
    const result = parse('bomb.yaml', text, { ...DEFAULT_LIMITS, maxYamlAliases: 5 });
    expect(result.ok ? 'parsed' : result.problem.message).toBe('Excessive alias count indicates a resource exhaustion attack');
  });

  it('does not start parsing millions of tokens it could not finish in time', () => {
    const text = `{"Statement": [${'1,'.repeat(600_000)}1]}`;
    const started = performance.now();
    const result = parse('dense.json', text);
    expect(performance.now() - started).toBeLessThan(200);
    expect(result.ok ? 'parsed' : result.problem.message).toBe('600003 structural tokens, more than the 500000 parseable in the time limit; not parsed');
  });

  it('stops parsing at the per-file deadline (block YAML has no tokens the scan counts)', () => {
    const text = '- 1\n'.repeat(300_000);
    const started = performance.now();
    const result = parse('dense.yaml', text, { ...DEFAULT_LIMITS, maxParseMillisPerFile: 50 });
    expect(performance.now() - started).toBeLessThan(400);
    expect(result.ok ? 'parsed' : result.problem).toEqual({
      rule: 'KMS000',
      message: 'parsing took longer than 50 ms; not parsed',
      location: at('dense.yaml', 1, 1),
    });
  });

  it('rejects several YAML documents in one file', () => {
    const result = parse('two.yaml', 'a: 1\n---\nb: 2\n');
    expect(result.ok ? 'parsed' : result.problem.message).toBe('several YAML documents in one file; not parsed');
  });

  it('checks the byte size before reading anything', () => {
    const result = parse('big.json', `"${'é'.repeat(600)}"`, { ...DEFAULT_LIMITS, maxFileBytes: 1_000 });
    expect(result.ok ? 'parsed' : result.problem.message).toBe('file is 1202 bytes, over the 1000-byte limit; not parsed');
  });
});

describe('scanFlowStructure', () => {
  it.each([
    ['brackets inside strings do not count', '{"a": "[[[[[[", "b": ["x"]}', 2, { tokens: 5 }],
    ['escaped quotes do not end a string', '{"a": "\\"[[[[", "b": 1}', 2, { tokens: 4 }],
    ['the line where it gets too deep', '{\n"a": [\n[\n1]]}', 2, { tooDeepAt: 3, tokens: 4 }],
    ['stray closers do not go negative', ']]]]{[', 2, { tokens: 2 }],
  ])('%s', (_name, text, maxDepth, expected) => {
    expect(scanFlowStructure(text, maxDepth)).toEqual(expected);
  });
});
