/**
 * The direct JSON reader against `yaml`: wherever it reads a `.json` file, `parseLocatedDocument`
 * must give what the `yaml` path gives — the value, the whole range, every path's range and every
 * entry-location table in the same order — and wherever `yaml` finds an error, the direct reader
 * must have left the file to it. Inputs: every JSON fixture, generated documents, seeded mutants.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/model/source.js';
import type { Value } from '../../src/model/types.js';
import { readJson } from '../../src/parse/json-direct.js';
import { type JsonPath, type LocatedDocument, parseLocatedDocument } from '../../src/parse/json-document.js';
import { seeded } from '../support/seeded.js';
import { filesUnder } from '../support/tree.js';
import { type Agreement, agreement, failures, jsonDocument } from './support/json-fuzz.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

/** Every path into a value: keys of objects, indexes of lists (also written as strings, as callers may). */
function pathsOf(value: Value, prefix: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  out.push(prefix);
  if (Array.isArray(value)) for (const [i, item] of value.entries()) pathsOf(item, [...prefix, i], out);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v as Value, [...prefix, k], out);
  return out;
}

function view(doc: LocatedDocument) {
  const paths = pathsOf(doc.value);
  const stringIndexes = paths.filter((p) => typeof p[p.length - 1] === 'number').map((p) => p.map(String));
  return {
    value: doc.value,
    whole: doc.whole,
    located: [...paths, ...stringIndexes, ['missing'], [0, 'x']].map((p) => [p, doc.locate(p)]),
    entries: paths.map((p) => [p, Object.entries(doc.entryLocations(p))]),
  };
}

function compare(path: string, text: string): Agreement {
  const direct = readJson(text, Date.now() + 60_000);
  if (direct === undefined) return 'yaml only';
  const file = { path, text, size: Buffer.byteLength(text) };
  const fast = parseLocatedDocument(file, DEFAULT_LIMITS);
  const slow = parseLocatedDocument(file, DEFAULT_LIMITS, 'yaml');
  if (!slow.ok) return `direct reader read what yaml rejects: ${slow.problem.message}`;
  if (!fast.ok) return `direct path failed: ${fast.problem.message}`;
  return agreement(view(fast.doc), view(slow.doc));
}

describe('direct JSON reader = yaml', () => {
  it('every JSON fixture reads the same, and plain ones are read directly', () => {
    const files = filesUnder(join(repo, 'fixtures')).filter((p) => p.endsWith('.json'));
    const results = files.map((p): [string, string] => [relative(repo, p), compare(relative(repo, p), readFileSync(p, 'utf8'))]);
    expect(failures(results)).toEqual([]);
    expect(results.filter(([path, r]) => r === 'yaml only' && !path.includes('/broken/'))).toEqual([]);
    expect(results.filter(([, r]) => r === 'same').length).toBeGreaterThan(50);
  });

  it('generated documents: odd spacing, CRLF, escapes, numbers at the edges, nesting', () => {
    const next = seeded(11).below;
    const results = Array.from({ length: 1500 }, (_, i): [string, string] => [`generated-${i}.json`, compare(`generated-${i}.json`, jsonDocument(next))]);
    expect(failures(results)).toEqual([]);
    expect(results.filter(([, r]) => r === 'same').length).toBeGreaterThan(1000);
  });

  it('seeded mutants: wherever yaml finds an error the direct reader gave the file to it, and elsewhere they agree', () => {
    const next = seeded(23).below;
    const junk = ['', ',', '}', ']', '"', '\\', ':', '#', '\r', '\u0001', '\ufeff', 'x', '-', '.', 'e', ' '];
    const results: [string, string][] = [];
    for (let i = 0; i < 3000; i++) {
      const text = jsonDocument(next);
      const at = next(text.length + 1);
      const cut = next(3);
      const mutant = text.slice(0, at) + junk[next(junk.length)] + text.slice(at + cut);
      results.push([`mutant-${i}.json`, compare(`mutant-${i}.json`, mutant)]);
    }
    expect(failures(results)).toEqual([]);
    // Many mutants stay legal JSON (junk inside a string, a space): those are read directly.
    expect(results.filter(([, r]) => r === 'same').length).toBeGreaterThan(400);
  });

  it('what it leaves to yaml: duplicate and __proto__ keys, comments, a lone carriage return, a byte-order mark, a scalar document', () => {
    for (const text of [
      '{"a": 1, "a": 2}',
      '{"__proto__": {}}',
      '{"a": 1} # note',
      '{"a":\r1}',
      '\ufeff{"a": 1}',
      '"just a string"',
      '',
      '{"a": "\\ud83d\\ude00"}',
    ]) {
      expect(readJson(text, Date.now() + 1000)).toBeUndefined();
    }
    expect(readJson('{"a": [1, {"b": null}]}', Date.now() + 1000)).toMatchObject({ kind: 'map', start: 0, end: 23 });
  });

  it('stops at the deadline', () => {
    const text = `[${'{"a": [1, 2, 3]},'.repeat(100_000)}{}]`;
    expect(readJson(text, Date.now() - 1)).toBe('timeout');
  });
});
