/**
 * Source text facts both syntax readers share (`syntax.ts` over the tree-sitter CST, `direct.ts`
 * straight from the text): line numbers of offsets, the quotable span text of a node, and how
 * template text is decoded (escapes, `<<-` indentation, `~` strip markers).
 */
import type { Lines, Span, TemplatePart } from './ast.js';
import { shortRange } from './ast.js';

/** Characters of source a span quotes before shortening. */
const SPAN_CHARS = 400;
const QUOTED_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f' };

export interface TemplateStyle {
  /** Quoted strings take backslash escapes; heredocs do not. */
  quoted: boolean;
  /** Columns `<<-` removes from every line. */
  indent: number;
}

/** A file's text with its newline offsets: 1-based lines (tree-sitter counts rows by `\n` alone) and spans. */
export class SourceText {
  private newlines: number[] | undefined;

  constructor(readonly text: string) {}

  line(offset: number): number {
    if (this.newlines === undefined) {
      const found: number[] = [];
      for (let at = this.text.indexOf('\n'); at >= 0; at = this.text.indexOf('\n', at + 1)) found.push(at);
      this.newlines = found;
    }
    const newlines = this.newlines;
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (newlines[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low + 1;
  }

  /** The lines of the source from `start` to `end`. */
  lines(start: number, end: number): Lines {
    return { startLine: this.line(start), endLine: this.line(end) };
  }

  /** The span of the source from `start` to `end`: its lines and its text, shortened. */
  span(start: number, end: number): Span {
    return { startLine: this.line(start), endLine: this.line(end), text: this.quote(start, end) };
  }

  /** The source from `start` to `end` as a message quotes it: on one line, 120 characters at most. */
  quote(start: number, end: number): string {
    return shortRange(this.text, start, Math.min(end, start + SPAN_CHARS));
  }
}

export function applyStrips(parts: TemplatePart[], strips: { left: boolean; right: boolean }[]): TemplatePart[] {
  return parts.map((part, i) => {
    if (part.kind !== 'text') return part;
    let value = part.value;
    if (strips[i - 1]?.right) value = value.replace(/^\s+/, '');
    if (strips[i + 1]?.left) value = value.replace(/\s+$/, '');
    return { kind: 'text', value };
  });
}

export function decodeText(raw: string, style: TemplateStyle, atLineStart: boolean): string {
  const dedented = style.indent > 0 ? dedent(raw, style.indent, atLineStart) : raw;
  return style.quoted ? unescapeQuoted(dedented) : dedented.replace(/\$\$\{/g, '${').replace(/%%\{/g, '%{');
}

/** Nothing `unescapeQuoted` would change can be in a text without these characters. */
const MAY_ESCAPE = /[\\$%]/;

export function unescapeQuoted(raw: string): string {
  if (!MAY_ESCAPE.test(raw)) return raw;
  return raw.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)|\$\$\{|%%\{/gs, (match, escaped: string | undefined) => {
    if (match === '$${') return '${';
    if (match === '%%{') return '%{';
    if (!escaped) return match;
    if (escaped.length > 1) return String.fromCodePoint(Number.parseInt(escaped.slice(1), 16));
    return QUOTED_ESCAPES[escaped] ?? match;
  });
}

/** Smallest indentation of the non-blank lines (what `<<-` removes). */
export function commonIndent(content: string): number {
  let min = Number.POSITIVE_INFINITY;
  for (const line of content.split('\n')) {
    if (line.trim() === '') continue;
    min = Math.min(min, line.length - line.trimStart().length);
  }
  return Number.isFinite(min) ? min : 0;
}

function dedent(raw: string, indent: number, atLineStart: boolean): string {
  return raw
    .split('\n')
    .map((line, i) => (i > 0 || atLineStart ? line.slice(Math.min(indent, line.length - line.trimStart().length)) : line))
    .join('\n');
}
