/**
 * The direct JSON reader's differential tests: seeded JSON documents (odd spacing, CRLF, escapes,
 * numbers at the edges, nesting), and how an agreement with the `yaml` path is checked and reported.
 */
import { expect } from 'vitest';

const SPACES = ['', ' ', '  ', '\n', '\r\n', '\t', '\n    '];
const STRINGS = [
  '',
  'a',
  'kms:Decrypt',
  'arn:aws:kms:eu-west-1:111122223333:key/1234',
  'é ü',
  '😀',
  'line\\nbreak',
  'q\\"uote',
  'back\\\\slash',
  'sl\\/ash',
  '\\u00e9\\u4e2d',
  '\\b\\f\\r\\t',
  '__proto__x',
  '0',
  '1',
  '$ref',
];
const NUMBERS = ['0', '-0', '7', '-12', '3.25', '1e3', '2E-2', '-1.5e+10', '12345678901234567890', '1e400', '0.000001'];

function generated(next: (n: number) => number, depth: number): string {
  const space = () => SPACES[next(SPACES.length)];
  const kind = depth > 5 ? 2 + next(4) : next(6);
  if (kind === 0 || kind === 1) {
    const keys = new Set<string>();
    const entries: string[] = [];
    for (let i = next(5); i > 0; i--) {
      const key = STRINGS[next(STRINGS.length)] + (next(3) === 0 ? String(i) : '');
      if (keys.has(key)) continue;
      keys.add(key);
      entries.push(`${space()}"${key}"${space()}:${space()}${generated(next, depth + 1)}${space()}`);
    }
    return kind === 0
      ? `{${entries.join(',')}${space()}}`
      : `[${space()}${entries.map((_, i) => generated(next, depth + 1 + i)).join(`,${space()}`)}${space()}]`;
  }
  if (kind === 2) return `"${STRINGS[next(STRINGS.length)]}"`;
  if (kind === 3) return NUMBERS[next(NUMBERS.length)];
  return ['true', 'false', 'null'][next(3)];
}

export function jsonDocument(next: (n: number) => number): string {
  const body = generated(next, 0);
  const top = body.startsWith('{') || body.startsWith('[') ? body : `[${body}]`;
  return `${SPACES[next(SPACES.length)]}${top}${SPACES[next(SPACES.length)]}`;
}

/** A comparison's outcome: 'same', 'yaml only' (the direct reader left the text to `yaml`), or what differs. */
export type Agreement = 'same' | 'yaml only' | string;

/** 'same' when `direct` deep-equals `yaml`, else the assertion's message. */
export function agreement(direct: unknown, yaml: unknown): Agreement {
  try {
    expect(direct).toEqual(yaml);
    return 'same';
  } catch (error) {
    return error instanceof Error ? error.message.slice(0, 2000) : String(error);
  }
}

/** Worded failures, at most three, for a readable report. */
export function failures(results: [string, Agreement][]): string[] {
  return results
    .filter(([, r]) => r !== 'same' && r !== 'yaml only')
    .slice(0, 3)
    .map(([p, r]) => `${p}: ${r}`);
}
