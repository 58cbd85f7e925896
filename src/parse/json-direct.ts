/**
 * Plain JSON read in one pass into nodes with their source offsets: what `json-document.ts` makes
 * of a `.json` file through `yaml` (values, and each node's range as `yaml` gives it: from its
 * first character to just after its last), at tens of MB/s instead of one or two. Anything this
 * reader does not know to give exactly as `yaml` does is left to `yaml` (undefined): duplicate
 * keys (an error there), a `__proto__` key, control characters or unknown escapes in strings,
 * comments, a byte-order mark, a lone carriage return, a scalar or nothing at the top level.
 * Nesting is bounded by the caller's flow scan before this runs; the deadline is checked as it goes.
 */
import { LineCounter } from 'yaml';

export type JsonScalar = string | number | boolean | null;

export type JsonNode =
  | { kind: 'map'; start: number; end: number; entries: JsonEntry[] }
  | { kind: 'seq'; start: number; end: number; items: JsonNode[] }
  | { kind: 'scalar'; start: number; end: number; value: JsonScalar };

export interface JsonEntry {
  key: string;
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

/** Nodes read between two looks at the clock. */
const NODES_PER_CLOCK_CHECK = 4096;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?/y;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class GiveUp extends Error {}
class OutOfTime extends Error {}

function giveUp(): never {
  throw new GiveUp();
}

export function readJson(text: string, deadline: number): JsonNode | undefined | 'timeout' {
  // A lone carriage return is a line break to `yaml`, not to the line counting that follows.
  if (text.charCodeAt(0) === 0xfeff || /\r(?!\n)/.test(text)) return undefined;
  const reader = new JsonReader(text, deadline);
  try {
    reader.skip();
    const c = text.charCodeAt(reader.pos);
    if (c !== 123 /* { */ && c !== 91 /* [ */) return undefined;
    const root = reader.value();
    reader.skip();
    return reader.pos === text.length ? root : undefined;
  } catch (thrown) {
    if (thrown instanceof GiveUp) return undefined;
    if (thrown instanceof OutOfTime) return 'timeout';
    throw thrown;
  }
}

class JsonReader {
  pos = 0;
  private nodes = 0;

  constructor(
    private readonly text: string,
    private readonly deadline: number,
  ) {}

  skip(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.pos++;
      else return;
    }
  }

  value(): JsonNode {
    if (++this.nodes % NODES_PER_CLOCK_CHECK === 0 && Date.now() > this.deadline) throw new OutOfTime();
    const text = this.text;
    const start = this.pos;
    const c = text.charCodeAt(start);
    if (c === 123) return this.map(start);
    if (c === 91) return this.seq(start);
    if (c === 34) {
      const value = this.string();
      return { kind: 'scalar', start, end: this.pos, value };
    }
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, start)) {
        this.pos += word.length;
        return { kind: 'scalar', start, end: this.pos, value };
      }
    }
    NUMBER.lastIndex = start;
    const number = NUMBER.exec(text);
    if (!number) giveUp();
    this.pos = NUMBER.lastIndex;
    return { kind: 'scalar', start, end: this.pos, value: Number(number[0]) };
  }

  private map(start: number): JsonNode {
    const text = this.text;
    const entries: JsonEntry[] = [];
    const seen = new Set<string>();
    this.pos++;
    this.skip();
    if (text.charCodeAt(this.pos) !== 125 /* } */) {
      for (;;) {
        this.skip();
        const keyStart = this.pos;
        if (text.charCodeAt(keyStart) !== 34) giveUp();
        const key = this.string();
        if (key === '__proto__' || seen.has(key)) giveUp();
        seen.add(key);
        const keyEnd = this.pos;
        this.skip();
        if (text.charCodeAt(this.pos) !== 58 /* : */) giveUp();
        this.pos++;
        this.skip();
        entries.push({ key, keyStart, keyEnd, value: this.value() });
        this.skip();
        const next = text.charCodeAt(this.pos);
        if (next === 125) break;
        if (next !== 44 /* , */) giveUp();
        this.pos++;
      }
    }
    this.pos++;
    return { kind: 'map', start, end: this.pos, entries };
  }

  private seq(start: number): JsonNode {
    const text = this.text;
    const items: JsonNode[] = [];
    this.pos++;
    this.skip();
    if (text.charCodeAt(this.pos) !== 93 /* ] */) {
      for (;;) {
        this.skip();
        items.push(this.value());
        this.skip();
        const next = text.charCodeAt(this.pos);
        if (next === 93) break;
        if (next !== 44) giveUp();
        this.pos++;
      }
    }
    this.pos++;
    return { kind: 'seq', start, end: this.pos, items };
  }

  /** A double-quoted string at `pos`; `pos` ends after its closing quote. */
  private string(): string {
    const text = this.text;
    let at = this.pos + 1;
    let out = '';
    let from = at;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c === 34) break;
      if (Number.isNaN(c) || c < 0x20) giveUp();
      if (c === 92) {
        out += text.slice(from, at);
        const e = text[at + 1];
        if (e === 'u') {
          const hex = text.slice(at + 2, at + 6);
          // Surrogates: whether `yaml` pairs escaped halves as JSON.parse does is not this reader's to guess.
          if (!/^[0-9a-fA-F]{4}$/.test(hex) || /^[dD][89a-fA-F]/.test(hex)) giveUp();
          out += String.fromCharCode(Number.parseInt(hex, 16));
          at += 6;
        } else {
          const escaped = e === undefined ? undefined : ESCAPES[e];
          if (escaped === undefined) giveUp();
          out += escaped;
          at += 2;
        }
        from = at;
        continue;
      }
      at++;
    }
    this.pos = at + 1;
    // Without escapes (`out` empty) the string is the slice itself.
    return out === '' ? text.slice(from, at) : out + text.slice(from, at);
  }
}

const LITERALS: [string, JsonScalar][] = [
  ['true', true],
  ['false', false],
  ['null', null],
];

/** The JavaScript value of a node: objects keep their keys in order, as `yaml`'s `toJS` makes them. */
export function jsonValue(node: JsonNode): JsonScalar | JsonScalar[] | object {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(jsonValue);
  const object: Record<string, unknown> = {};
  for (const entry of node.entries) object[entry.key] = jsonValue(entry.value);
  return object;
}

/** The lines of a text the direct reader read, counted as `yaml`'s lexer counts them (a lone carriage return never gets this far). */
export function jsonLineCounter(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines.addNewLine(at + 1);
  return lines;
}
