/**
 * Template text (YAML or JSON: JSON is YAML) → `TreeNode` with line numbers, or a located failure.
 *
 * This is `yaml.parseDocument` unrolled into its two halves so the input can be checked between
 * them: the CST parser is iterative and safe on any input, but the composer recurses per nesting
 * level (and on 10,000 nested compact sequences it exhausts memory outright), so the CST depth is
 * measured first, without recursion, and deep documents never reach the composer.
 */
import { type Alias, Composer, type CST, type Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, Parser } from 'yaml';
import type { Limits } from '../../model/source.js';
import { type JsonNode, jsonLineCounter, readJson } from '../json-direct.js';
import { scanFlowStructure } from '../json-document.js';
import { type Budget, BudgetExceeded } from './budget.js';
import { INTRINSIC_TAGS, LONG_FORM_OF_TAG } from './tags.js';
import type { Lines, MapEntry, TreeNode } from './tree.js';

export type LoadResult = { ok: true; root: TreeNode } | { ok: false; message: string; line: number };

/** `reader`: `direct-first` reads a plain JSON template directly and leaves the rest to `yaml`; `yaml` (tests) always uses `yaml`. */
export function loadTemplate(text: string, limits: Limits, budget: Budget, reader: 'direct-first' | 'yaml' = 'direct-first'): LoadResult {
  const json = reader === 'direct-first' ? loadJsonTemplate(text, limits, budget) : undefined;
  if (json) return json;
  const lineCounter = new LineCounter();
  const lineOf = (offset: number): number => lineAt(lineCounter, offset);
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));

  const deepAt = offsetBeyondDepth(tokens, limits.maxDepth);
  if (deepAt !== undefined) return { ok: false, message: `nesting deeper than ${limits.maxDepth} levels`, line: lineOf(deepAt) };

  const composer = new Composer({ uniqueKeys: false, customTags: INTRINSIC_TAGS, version: '1.2' });
  const documents = Array.from(composer.compose(tokens, true, text.length));
  const [doc] = documents;
  if (documents.length > 1) {
    return { ok: false, message: 'several YAML documents in one file; a template is one document', line: lineOf(documents[1].range[0]) };
  }
  const [error] = doc.errors;
  if (error) return { ok: false, message: `syntax error: ${firstLine(error.message)}`, line: lineOf(error.pos[0]) };

  try {
    const converter = new TreeConverter(doc, text, lineCounter, limits, budget);
    return { ok: true, root: converter.convert(doc.contents, 0) };
  } catch (failure) {
    if (failure instanceof TreeLimitExceeded) return { ok: false, message: failure.message, line: failure.line };
    throw failure; // BudgetExceeded: the caller skips the template
  }
}

/**
 * A plain JSON template (CDK output, most JSON templates) read by the direct JSON reader into the
 * tree the `yaml` path makes of it: the same values, lines, entry order and budget ticks (one per
 * node), at tens of MB/s instead of one or two. Undefined leaves the text to `yaml`: YAML, anything
 * the direct reader does not read, and nesting past the limit (whose message `yaml`'s path words).
 */
function loadJsonTemplate(text: string, limits: Limits, budget: Budget): LoadResult | undefined {
  if (!JSON_START.test(text) || scanFlowStructure(text, limits.maxDepth).tooDeepAt !== undefined) return undefined;
  const root = readJson(text, Date.now() + limits.maxParseMillisPerFile);
  if (root === undefined) return undefined;
  if (root === 'timeout') throw new BudgetExceeded('time limit per file exceeded');
  const lineCounter = jsonLineCounter(text);
  const lineOf = (offset: number) => lineAt(lineCounter, offset);
  const toTree = (node: JsonNode): TreeNode => {
    budget.tick();
    const lines = { start: lineOf(node.start), end: lineOf(node.end - 1) };
    if (node.kind === 'scalar') return { kind: 'scalar', value: node.value, lines };
    if (node.kind === 'seq') return { kind: 'seq', items: node.items.map(toTree), lines };
    const entries = new Map<string, MapEntry>();
    for (const entry of node.entries) entries.set(entry.key, { key: entry.key, keyLine: lineOf(entry.keyStart), value: toTree(entry.value) });
    return { kind: 'map', entries, lines };
  };
  return { ok: true, root: toTree(root) };
}

/** What a JSON template starts with: the direct reader reads only an object or a list at the top. */
const JSON_START = /^[ \t\r\n]*[{[]/;

function lineAt(lineCounter: LineCounter, offset: number): number {
  return Math.max(1, lineCounter.linePos(offset).line);
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0];
}

/** Offset of the first collection nested deeper than `maxDepth`, found with an explicit stack. */
function offsetBeyondDepth(tokens: CST.Token[], maxDepth: number): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { token, depth } = next;
    const children: (CST.Token | null | undefined)[] = [];
    if (token.type === 'document') children.push(token.value);
    else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth + 1 > maxDepth) return token.offset;
      for (const item of token.items) children.push(item.key, item.value);
    }
    const childDepth = token.type === 'document' ? depth : depth + 1;
    for (const item of children) if (item) stack.push({ token: item, depth: childDepth });
  }
  return undefined;
}

class TreeLimitExceeded extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

/**
 * `yaml` nodes → `TreeNode`. Recursion depth is bounded by `limits.maxDepth` (checked on entry,
 * which also bounds alias-in-alias expansion); alias expansions are counted against
 * `limits.maxYamlAliases`, so an alias bomb stops after a fixed amount of work.
 */
class TreeConverter {
  private aliasesExpanded = 0;
  private readonly commentLines = new Map<number, boolean>();

  constructor(
    private readonly doc: Document.Parsed,
    private readonly text: string,
    private readonly lineCounter: LineCounter,
    private readonly limits: Limits,
    private readonly budget: Budget,
  ) {}

  convert(node: unknown, depth: number, fallbackLine = 1): TreeNode {
    this.budget.tick();
    if (depth > this.limits.maxDepth) throw new TreeLimitExceeded(`nesting deeper than ${this.limits.maxDepth} levels`, fallbackLine);
    if (isAlias(node)) return this.expandAlias(node, depth);
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) {
      return { kind: 'scalar', value: null, lines: { start: fallbackLine, end: fallbackLine } };
    }
    const lines = this.linesOf(node);
    const plain = this.convertUntagged(node, lines, depth);
    const longForm = typeof node.tag === 'string' ? LONG_FORM_OF_TAG[node.tag] : undefined;
    if (!longForm) return plain;
    const entry: MapEntry = { key: longForm, keyLine: lines.start, value: plain };
    return { kind: 'map', entries: new Map([[longForm, entry]]), lines };
  }

  private convertUntagged(node: Node, lines: Lines, depth: number): TreeNode {
    if (isSeq(node)) return { kind: 'seq', items: node.items.map((item) => this.convert(item, depth + 1, lines.start)), lines };
    if (isMap(node)) {
      const entries = new Map<string, MapEntry>();
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue; // complex keys are not valid CloudFormation
        const key = String(pair.key.value);
        const keyLine = lineAt(this.lineCounter, pair.key.range?.[0] ?? 0);
        entries.set(key, { key, keyLine, value: this.convert(pair.value, depth + 1, keyLine) });
      }
      return { kind: 'map', entries, lines };
    }
    const value = isScalar(node) ? node.value : null;
    return { kind: 'scalar', value: isPlainScalar(value) ? value : String(value), lines };
  }

  private expandAlias(alias: Alias, depth: number): TreeNode {
    const line = lineAt(this.lineCounter, alias.range?.[0] ?? 0);
    this.aliasesExpanded += 1;
    if (this.aliasesExpanded > this.limits.maxYamlAliases) {
      throw new TreeLimitExceeded(`more than ${this.limits.maxYamlAliases} YAML alias expansions`, line);
    }
    const target = alias.resolve(this.doc);
    if (!target) throw new TreeLimitExceeded(`YAML alias *${alias.source} has no anchor`, line);
    const expanded = this.convert(target, depth + 1, line);
    return { ...expanded, lines: { start: line, end: line } };
  }

  /** Lines of a node's value. A block collection's range runs on over blank lines and comments after it: those are cut. */
  private linesOf(node: Node): Lines {
    const [start, valueEnd] = node.range ?? [0, 0];
    const last = isScalar(node) ? this.lastNonBlank(start, valueEnd - 1) : this.lastContent(start, valueEnd - 1);
    return { start: lineAt(this.lineCounter, start), end: lineAt(this.lineCounter, last) };
  }

  private lastNonBlank(start: number, from: number): number {
    let last = Math.max(start, from);
    while (last > start && /\s/.test(this.text[last])) last -= 1;
    return last;
  }

  /** The last offset before `from` that is neither blank nor on a comment-only line. */
  private lastContent(start: number, from: number): number {
    for (let last = this.lastNonBlank(start, from); ; ) {
      const lineStart = Math.max(0, last - this.lineCounter.linePos(last).col + 1);
      if (lineStart <= start || !this.isCommentLine(lineStart)) return last;
      last = this.lastNonBlank(start, lineStart - 1);
    }
  }

  /** Cached per line: nested collections ending on the same line would otherwise rescan it (quadratic on minified input). */
  private isCommentLine(lineStart: number): boolean {
    let known = this.commentLines.get(lineStart);
    if (known === undefined) {
      COMMENT_LINE.lastIndex = lineStart;
      known = COMMENT_LINE.test(this.text);
      this.commentLines.set(lineStart, known);
    }
    return known;
  }
}

/** Blanks then `#` from the start of a line (sticky: tested at one offset). */
const COMMENT_LINE = /[ \t]*#/y;

function isPlainScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
