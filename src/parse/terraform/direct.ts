/**
 * The direct reader: HCL text → the AST of `ast.ts` in one pass over the text, without tree-sitter.
 * It reads what nearly every real Terraform file is (well-formed native syntax, and JSON syntax)
 * into exactly what `syntax.ts` makes of tree-sitter's tree for the same text: the same nodes,
 * spans, values and key order. `test/parse/terraform/direct.test.ts` holds the two equal over every
 * fixture, the benchmark's corpus and thousands of mutated files.
 *
 * It gives up (returns undefined) at the first thing it does not read exactly that way: any syntax
 * error, template directives (`%{if}`, `%{for}`), non-ASCII identifiers, quirks of the grammar's
 * scanner, nesting beyond a quarter of `maxDepth`. tree-sitter then reads the file as before, with
 * its error recovery and located problems, so giving up costs time, never a different result.
 *
 * Why: tree-sitter's parse plus copying its tree out of wasm and converting it cost 8–9 × what
 * this pass costs, and the parse was most of a scan (README, Performance).
 *
 * Token boundaries follow the grammar's lexer (`@tree-sitter-grammars/tree-sitter-hcl`):
 * identifiers take `-` and `::`, numbers have no sign and an exponent only after a fraction,
 * newlines are plain whitespace (so `f\n(x)` is a call and `x\n[0]` an index, as there), tuples
 * need commas and objects do not.
 */
import type { Limits } from '../../model/source.js';
import { detached } from '../../model/strings.js';
import type { Block, Body, Expr, Step, TemplatePart } from './ast.js';
import { shortText } from './ast.js';
import { bodyFromJson } from './json-syntax.js';
import { applyStrips, commonIndent, decodeText, SourceText, type TemplateStyle, unescapeQuoted } from './text.js';

/** Thrown (constants: no stack trace to build) to hand the file to tree-sitter, or to stop at the time budget; never escape `readDirect`. */
const GIVE_UP = Symbol('give up');
const OUT_OF_TIME = Symbol('out of time');
/** Steps of work (nestings, traversals) between two looks at the clock. */
const CLOCK_EVERY = 1024;

const TAB = 9;
const NEWLINE = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const QUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const PERCENT = 37;
const AMPERSAND = 38;
const LPAREN = 40;
const RPAREN = 41;
const STAR = 42;
const PLUS = 43;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const SLASH = 47;
const COLON = 58;
const LT = 60;
const EQUALS = 61;
const GT = 62;
const QUESTION = 63;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const UNDERSCORE = 95;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;
const TILDE = 126;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
const isIdentStart = (c: number) => isLetter(c) || c === UNDERSCORE;
const isIdentPart = (c: number) => isLetter(c) || isDigit(c) || c === UNDERSCORE || c === DASH;
const isHex = (c: number) => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
/** Whitespace other than a newline, as the heredoc scanner skips it after a closing identifier (`iswspace`). */
const isBlank = (c: number) => c === SPACE || c === TAB || c === CR || c === 11 || c === 12;

interface BinaryOperator {
  op: string;
  precedence: number;
}

/** The grammar's precedences (`make_grammar.js`); all left-associative. */
const BINARY: Record<string, BinaryOperator> = Object.fromEntries(
  (
    [
      [6, ['*', '/', '%']],
      [5, ['+', '-']],
      [4, ['>', '>=', '<', '<=']],
      [3, ['==', '!=']],
      [2, ['&&']],
      [1, ['||']],
    ] as const
  ).flatMap(([precedence, ops]) => ops.map((op) => [op, { op, precedence }])),
);

/**
 * The file's body; undefined when tree-sitter should read it; 'out of time' when `deadline` (a
 * `Date.now()` value, for the files the time budget watches) passed first.
 */
export function readDirect(text: string, path: string, limits: Limits, deadline?: number): Body | 'out of time' | undefined {
  try {
    return new DirectReader(text, limits, deadline).file(path.endsWith('.tf.json'));
  } catch (stop) {
    // GIVE_UP, or a reader defect: either way tree-sitter reads the file.
    return stop === OUT_OF_TIME ? 'out of time' : undefined;
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

class DirectReader {
  private pos = 0;
  /** Line of `pos` (1-based, counted as tree-sitter counts rows: by `\n`). */
  private line = 1;
  /** End offset of the last token read, and its line: spans end there, not after the whitespace that follows. */
  private end = 0;
  private endLine = 1;
  private readonly source: SourceText;
  private readonly length: number;
  private readonly maxNesting: number;
  /** Steps left before the next look at the clock (the first step looks). */
  private untilClock = 0;

  constructor(
    private readonly text: string,
    limits: Limits,
    private readonly deadline: number | undefined,
  ) {
    this.source = new SourceText(text);
    this.length = text.length;
    // Well inside the converter's own depth limit, so nothing accepted here would be cut there.
    this.maxNesting = Math.floor(limits.maxDepth / 4);
  }

  file(tfJson: boolean): Body {
    this.skip();
    if (this.pos >= this.length) return { attributes: [], blocks: [] };
    if (this.code() === LBRACE) {
      const expr = this.expression(0);
      this.skip();
      if (this.pos < this.length || expr.kind !== 'object') giveUp();
      return bodyFromJson(expr, tfJson);
    }
    return this.body(0, false);
  }

  private code(at = this.pos): number {
    return this.text.charCodeAt(at);
  }

  private nest(depth: number): number {
    if (depth >= this.maxNesting) giveUp();
    this.tick();
    return depth + 1;
  }

  /** One step of work: every `CLOCK_EVERY` steps, a look at the clock. */
  private tick(): void {
    if (this.deadline !== undefined && --this.untilClock <= 0) {
      if (Date.now() > this.deadline) throw OUT_OF_TIME;
      this.untilClock = CLOCK_EVERY;
    }
  }

  /** The last token ended at `pos`. */
  private mark(): void {
    this.end = this.pos;
    this.endLine = this.line;
  }

  /** Quoted text from `start` to the end of the last token. */
  private quote(start: number): string {
    return this.source.quote(start, this.end);
  }

  /** Whitespace and the three comment styles. */
  private skip(): void {
    const text = this.text;
    for (;;) {
      const c = text.charCodeAt(this.pos);
      if (c === SPACE || c === TAB || c === CR) this.pos++;
      else if (c === NEWLINE) {
        this.pos++;
        this.line++;
      } else if (c === HASH || (c === SLASH && text.charCodeAt(this.pos + 1) === SLASH)) {
        const newline = text.indexOf('\n', this.pos);
        this.pos = newline < 0 ? this.length : newline;
      } else if (c === SLASH && text.charCodeAt(this.pos + 1) === STAR) {
        const close = text.indexOf('*/', this.pos + 2);
        if (close < 0) giveUp();
        this.line += newlinesIn(text, this.pos, close);
        this.pos = close + 2;
      } else return;
    }
  }

  private expect(c: number): void {
    this.skip();
    if (this.code() !== c) giveUp();
    this.pos++;
    this.mark();
  }

  private identifier(): string {
    const text = this.text;
    const start = this.pos;
    if (!isIdentStart(text.charCodeAt(start))) giveUp();
    let at = start + 1;
    for (;;) {
      const c = text.charCodeAt(at);
      if (isIdentPart(c)) at++;
      else if (c === COLON && text.charCodeAt(at + 1) === COLON) at += 2;
      else if (c >= 128)
        giveUp(); // a Unicode ID_Continue may go on
      else break;
    }
    this.pos = at;
    this.mark();
    return identifierAt(text, start, at);
  }

  /** A keyword (`for`, `in`, `if`) at the current position: the whole identifier, as the grammar's lexer takes it. */
  private atKeyword(word: string): boolean {
    if (!this.text.startsWith(word, this.pos)) return false;
    const after = this.code(this.pos + word.length);
    return !isIdentPart(after) && after !== COLON && after < 128;
  }

  private body(depth: number, closed: boolean): Body {
    const body: Body = { attributes: [], blocks: [] };
    for (;;) {
      this.skip();
      if (this.pos >= this.length) {
        if (closed) giveUp();
        return fittedBody(body);
      }
      if (closed && this.code() === RBRACE) return fittedBody(body);
      const startLine = this.line;
      const name = this.identifier();
      this.skip();
      const next = this.code(this.pos + 1);
      if (this.code() === EQUALS && next !== EQUALS && next !== GT) {
        this.pos++;
        const expr = this.expression(depth);
        body.attributes.push({ startLine, endLine: this.endLine, name, expr });
      } else body.blocks.push(this.block(startLine, name, depth));
    }
  }

  private block(startLine: number, type: string, depth: number): Block {
    const labels: string[] = [];
    for (;;) {
      this.skip();
      const c = this.code();
      if (c === LBRACE) break;
      if (c === QUOTE) {
        const label = this.quoted(depth);
        if (label.kind !== 'literal') giveUp();
        labels.push(label.value as string);
      } else labels.push(this.identifier());
    }
    this.pos++;
    const body = this.body(this.nest(depth), true);
    this.pos++;
    this.mark();
    return { startLine, endLine: this.endLine, type, labels: fitted(labels), body };
  }

  expression(depth: number): Expr {
    const nested = this.nest(depth);
    this.skip();
    const start = this.pos;
    const startLine = this.line;
    const cond = this.binary(nested, 0);
    this.skip();
    if (this.code() !== QUESTION) return cond;
    this.pos++;
    const whenTrue = this.expression(nested);
    this.skip();
    if (this.code() !== COLON || this.code(this.pos + 1) === COLON) giveUp();
    this.pos++;
    // `a ? b : c ? d : e` nests to the right, as Terraform reads it (and `syntax.ts` re-nests the grammar's tree).
    const whenFalse = this.expression(nested);
    return { startLine, endLine: this.endLine, text: this.quote(start), kind: 'conditional', cond, whenTrue, whenFalse };
  }

  /** Precedence climbing over the grammar's binary operators, left-associative. */
  private binary(depth: number, minPrecedence: number): Expr {
    const start = this.pos;
    const startLine = this.line;
    let left = this.unary(depth);
    let nested = depth;
    for (;;) {
      this.skip();
      const operator = this.binaryOperator();
      if (!operator || operator.precedence < minPrecedence) return left;
      nested = this.nest(nested);
      this.pos += operator.op.length;
      this.skip();
      const right = this.binary(nested, operator.precedence + 1);
      left = { startLine, endLine: this.endLine, text: this.quote(start), kind: 'binary', op: operator.op, left, right };
    }
  }

  /** The binary operator at the current position, not consumed. */
  private binaryOperator(): BinaryOperator | undefined {
    const c = this.code();
    const next = this.code(this.pos + 1);
    switch (c) {
      case STAR:
      case SLASH:
      case PERCENT:
      case PLUS:
      case DASH:
        return BINARY[String.fromCharCode(c)];
      case GT:
        return next === EQUALS ? BINARY['>='] : BINARY['>'];
      case LT:
        if (next === LT) giveUp(); // `<<` after a term: the grammar's lexer decides
        return next === EQUALS ? BINARY['<='] : BINARY['<'];
      case EQUALS:
        return next === EQUALS ? BINARY['=='] : undefined;
      case BANG:
        return next === EQUALS ? BINARY['!='] : undefined;
      case AMPERSAND:
        return next === AMPERSAND ? BINARY['&&'] : giveUp();
      case PIPE:
        return next === PIPE ? BINARY['||'] : giveUp();
      default:
        return undefined;
    }
  }

  private unary(depth: number): Expr {
    const c = this.code();
    if (c !== DASH && c !== BANG) return this.term(depth);
    const start = this.pos;
    const startLine = this.line;
    this.pos++;
    this.skip();
    const operand = this.unary(this.nest(depth));
    return { startLine, endLine: this.endLine, text: this.quote(start), kind: 'unary', op: c === DASH ? '-' : '!', operand };
  }

  /** A primary (or a parenthesised expression) and its traversals: `.a`, `[k]`, `.0`, `.*`, `[*]`. */
  private term(depth: number): Expr {
    const first = this.pos;
    let expr: Expr;
    if (this.code() === LPAREN) {
      this.pos++;
      expr = this.expression(depth);
      this.expect(RPAREN);
    } else expr = this.primary(depth);
    for (;;) {
      // Traversals do not nest: a long chain is bounded by the clock.
      this.tick();
      this.skip();
      const c = this.code();
      if (c === DOT) {
        const next = this.code(this.pos + 1);
        if (next === DOT) return expr; // `...` belongs to the caller
        if (next === STAR) {
          this.pos += 2;
          this.mark();
          expr = this.splat(expr, first, depth);
        } else {
          const step = this.dotStep();
          expr =
            'attr' in step
              ? { startLine: expr.startLine, endLine: this.endLine, text: this.quote(first), kind: 'getAttr', target: expr, name: step.attr }
              : { startLine: expr.startLine, endLine: this.endLine, text: this.quote(first), kind: 'index', target: expr, key: step.index };
        }
      } else if (c === LBRACKET) {
        if (this.text.startsWith('[*]', this.pos)) {
          this.pos += 3;
          this.mark();
          expr = this.splat(expr, first, depth);
        } else {
          const key = this.bracketIndex(depth);
          expr = { startLine: expr.startLine, endLine: this.endLine, text: this.quote(first), kind: 'index', target: expr, key };
        }
      } else return expr;
    }
  }

  /** `.name` (an attribute) or `.0` (a legacy index), at a dot. */
  private dotStep(): Step {
    const dot = this.pos;
    const next = this.code(dot + 1);
    this.pos++;
    if (isIdentStart(next)) return { attr: this.identifier() };
    if (!isDigit(next)) giveUp();
    let at = dot + 1;
    while (isDigit(this.code(at))) at++;
    this.pos = at;
    this.mark();
    return { index: { startLine: this.line, endLine: this.line, text: this.quote(dot), kind: 'literal', value: Number(this.text.slice(dot + 1, at)) } };
  }

  private bracketIndex(depth: number): Expr {
    this.pos++;
    const key = this.expression(depth);
    this.expect(RBRACKET);
    return key;
  }

  /** The steps a splat takes after `.*` / `[*]`: every attribute and index that follows. */
  private splat(target: Expr, first: number, depth: number): Expr {
    const each: Step[] = [];
    for (;;) {
      this.tick();
      const pos = this.pos;
      const line = this.line;
      this.skip();
      const c = this.code();
      const next = this.code(this.pos + 1);
      if (c === DOT && next !== STAR && next !== DOT) each.push(this.dotStep());
      else if (c === LBRACKET && !this.text.startsWith('[*]', this.pos)) each.push({ index: this.bracketIndex(depth) });
      else {
        this.pos = pos;
        this.line = line;
        break;
      }
    }
    return { startLine: target.startLine, endLine: this.endLine, text: this.quote(first), kind: 'splat', target, each: fitted(each) };
  }

  private primary(depth: number): Expr {
    const c = this.code();
    if (isDigit(c)) return this.number();
    if (c === QUOTE) return this.quoted(depth);
    if (c === LT && this.code(this.pos + 1) === LT) return this.heredoc(depth);
    if (c === LBRACKET) return this.tuple(depth);
    if (c === LBRACE) return this.object(depth);
    const start = this.pos;
    const startLine = this.line;
    const name = this.identifier();
    if (name === 'true' || name === 'false' || name === 'null') {
      return { startLine, endLine: startLine, text: name, kind: 'literal', value: name === 'null' ? null : name === 'true' };
    }
    this.skip();
    if (this.code() === LPAREN) return this.call(start, startLine, name, depth);
    // The span is the name itself: its quoted text is the interned name (unless too long to quote whole).
    return { startLine, endLine: startLine, text: shortText(name), kind: 'variable', name };
  }

  private number(): Expr {
    const text = this.text;
    const start = this.pos;
    let at = start;
    while (isDigit(text.charCodeAt(at))) at++;
    const after = text.charCodeAt(at);
    if (after === 120 /* x */ && at === start + 1 && text.charCodeAt(start) === 48) giveUp(); // 0x…: rare, left to tree-sitter
    if (after === DOT && isDigit(text.charCodeAt(at + 1))) {
      at += 2;
      while (isDigit(text.charCodeAt(at))) at++;
      const e = text.charCodeAt(at);
      if (e === 101 || e === 69) {
        let digits = at + 1;
        const sign = text.charCodeAt(digits);
        if (sign === PLUS || sign === DASH) digits++;
        if (isDigit(text.charCodeAt(digits))) {
          at = digits;
          while (isDigit(text.charCodeAt(at))) at++;
        }
      }
    }
    this.pos = at;
    this.mark();
    return { startLine: this.line, endLine: this.line, text: this.quote(start), kind: 'literal', value: Number(text.slice(start, at)) };
  }

  private call(start: number, startLine: number, name: string, depth: number): Expr {
    this.pos++;
    const { items: args, expandLast } = this.commaList(RPAREN, depth);
    return { startLine, endLine: this.endLine, text: this.quote(start), kind: 'call', name, args, expandLast };
  }

  private tuple(depth: number): Expr {
    const start = this.pos;
    const startLine = this.line;
    this.pos++;
    this.skip();
    if (this.atKeyword('for')) return this.forExpr(start, startLine, false, depth);
    const { items } = this.commaList(RBRACKET, depth);
    return { startLine, endLine: this.endLine, text: this.quote(start), kind: 'tuple', items };
  }

  /**
   * Expressions separated by commas up to `close` (a trailing comma allowed), which is consumed. In a
   * call (`close` is `)`), the last argument may be followed by `...` instead.
   */
  private commaList(close: number, depth: number): { items: Expr[]; expandLast: boolean } {
    const items: Expr[] = [];
    let expandLast = false;
    this.skip();
    if (this.code() !== close) {
      for (;;) {
        items.push(this.expression(depth));
        this.skip();
        const c = this.code();
        if (c === COMMA) {
          this.pos++;
          this.skip();
          if (this.code() !== close) continue;
        } else if (close === RPAREN && c === DOT && this.text.startsWith('...', this.pos)) {
          this.pos += 3;
          expandLast = true;
          this.skip();
          if (this.code() !== close) giveUp();
        } else if (c !== close) giveUp();
        break;
      }
    }
    this.pos++;
    this.mark();
    return { items: fitted(items), expandLast };
  }

  private object(depth: number): Expr {
    const start = this.pos;
    const startLine = this.line;
    this.pos++;
    this.skip();
    if (this.atKeyword('for')) return this.forExpr(start, startLine, true, depth);
    const items: { key: Expr; value: Expr }[] = [];
    for (;;) {
      this.skip();
      if (this.code() === RBRACE) break;
      const keyStart = this.pos;
      let key = this.expression(depth);
      // A bare identifier key is a literal name; `(expr)` keys are evaluated.
      if (key.kind === 'variable' && this.code(keyStart) !== LPAREN)
        key = { startLine: key.startLine, endLine: key.endLine, text: key.text, kind: 'literal', value: key.name };
      this.skip();
      const c = this.code();
      const next = this.code(this.pos + 1);
      if (!((c === EQUALS && next !== EQUALS && next !== GT) || (c === COLON && next !== COLON))) giveUp();
      this.pos++;
      const value = this.expression(depth);
      items.push({ key, value });
      this.skip();
      if (this.code() === COMMA) this.pos++;
    }
    this.pos++;
    this.mark();
    return { startLine, endLine: this.endLine, text: this.quote(start), kind: 'object', items: fitted(items) };
  }

  /** `[for k, v in coll : v if cond]` / `{for k, v in coll : k => v... if cond}`, at `for`. */
  private forExpr(start: number, startLine: number, isObject: boolean, depth: number): Expr {
    this.pos += 3;
    this.skip();
    const names = [this.identifier()];
    this.skip();
    if (this.code() === COMMA) {
      this.pos++;
      this.skip();
      names.push(this.identifier());
      this.skip();
    }
    if (!this.atKeyword('in')) giveUp();
    this.pos += 2;
    const collection = this.expression(depth);
    this.skip();
    if (this.code() !== COLON || this.code(this.pos + 1) === COLON) giveUp();
    this.pos++;
    const exprs = [this.expression(depth)];
    let grouping = false;
    if (isObject) {
      this.skip();
      if (!this.text.startsWith('=>', this.pos)) giveUp();
      this.pos += 2;
      exprs.push(this.expression(depth));
      this.skip();
      if (this.text.startsWith('...', this.pos)) {
        this.pos += 3;
        grouping = true;
      }
    }
    this.skip();
    let cond: Expr | undefined;
    if (this.atKeyword('if')) {
      this.pos += 2;
      cond = this.expression(depth);
    }
    this.expect(isObject ? RBRACE : RBRACKET);
    return {
      startLine,
      endLine: this.endLine,
      text: this.quote(start),
      kind: 'for',
      keyVar: names.length > 1 ? names[0] : undefined,
      valueVar: names[names.length - 1],
      collection,
      keyExpr: isObject ? exprs[0] : undefined,
      valueExpr: isObject ? (exprs[1] ?? exprs[0]) : exprs[0],
      cond,
      grouping,
    };
  }

  /** A quoted string: a literal when nothing in it is interpolated, else a template. */
  private quoted(depth: number): Expr {
    const text = this.text;
    const start = this.pos;
    const startLine = this.line;
    // Made at the first interpolation: most strings have none and are literals.
    let template: TemplateBuilder | undefined;
    let at = start + 1;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        at += escapeLength(text, at);
        continue;
      }
      // A string that runs over a line or off the end: tree-sitter says what is wrong.
      if (c === NEWLINE || Number.isNaN(c)) giveUp();
      if (c === DOLLAR || c === PERCENT) {
        const next = text.charCodeAt(at + 1);
        if (next === LBRACE) {
          if (c === PERCENT) giveUp(); // a directive
          template ??= new TemplateBuilder(text, { quoted: true, indent: 0 }, start + 1);
          template.text(at);
          this.pos = at;
          template.interpolation(this.interpolation(depth));
          at = this.pos;
          template.from = at;
          continue;
        }
        // `$${` / `%%{` escape a sequence; `$$` alone is two characters, as the grammar's scanner reads them.
        at += next === c ? (text.charCodeAt(at + 2) === LBRACE ? 3 : 2) : 1;
        continue;
      }
      at++;
    }
    this.pos = at + 1;
    this.mark();
    const quoted = this.quote(start);
    if (!template) return { startLine, endLine: this.endLine, text: quoted, kind: 'literal', value: unescapeQuoted(text.slice(start + 1, at)) };
    template.text(at);
    return { startLine, endLine: this.endLine, text: quoted, kind: 'template', parts: template.parts() };
  }

  /** `${ expr }` with its `~` strip markers, at the `$`. */
  private interpolation(depth: number): { expr: Expr; left: boolean; right: boolean } {
    this.pos += 2;
    this.skip();
    const left = this.code() === TILDE;
    if (left) {
      this.pos++;
      this.skip();
    }
    if (this.code() === RBRACE) giveUp(); // `${}`
    const expr = this.expression(depth);
    this.skip();
    const right = this.code() === TILDE;
    if (right) this.pos++;
    this.expect(RBRACE);
    return { expr, left, right };
  }

  /** `<<ID` / `<<-ID` … `ID`: the text between, its interpolations, and `<<-`'s common indentation removed. */
  private heredoc(depth: number): Expr {
    const text = this.text;
    const start = this.pos;
    const startLine = this.line;
    let at = start + 2;
    const flush = text.charCodeAt(at) === DASH;
    if (flush) at++;
    const idStart = at;
    while (isIdentPart(text.charCodeAt(at))) at++;
    if (at === idStart || text.charCodeAt(at) >= 128) giveUp();
    const id = text.slice(idStart, at);
    while (isBlank(text.charCodeAt(at))) at++;
    if (text.charCodeAt(at) !== NEWLINE) giveUp(); // text after the opener is dropped by the converter; rare
    const from = at + 1;
    const closer = this.closingLine(from, id);
    const to = text.lastIndexOf('\n', closer) + 1;
    const template = new TemplateBuilder(text, { quoted: false, indent: flush ? commonIndent(text.slice(from, Math.max(from, to))) : 0 }, from);
    let line = startLine + 1;
    at = from;
    while (at < to) {
      const c = text.charCodeAt(at);
      if (c !== DOLLAR && c !== PERCENT) {
        if (c === NEWLINE) line++;
        at++;
        continue;
      }
      const next = text.charCodeAt(at + 1);
      if (next === LBRACE) {
        if (c === PERCENT) giveUp();
        template.text(at);
        this.pos = at;
        this.line = line;
        template.interpolation(this.interpolation(depth));
        at = this.pos;
        line = this.line;
        if (at > to) giveUp();
        template.from = at;
        continue;
      }
      at += next === c ? (text.charCodeAt(at + 2) === LBRACE ? 3 : 2) : 1;
    }
    template.text(to);
    // `to` starts the closer's line: `line` is its line.
    this.pos = closer + id.length;
    this.line = line;
    this.mark();
    return { startLine, endLine: this.endLine, text: this.quote(start), kind: 'template', parts: template.parts() };
  }

  /**
   * Offset of the closing identifier: the first line (after the opener) whose first non-blank text
   * is the identifier followed only by blanks and a newline, as the grammar's scanner finds it.
   * A line that starts with the identifier and goes on is read oddly there: tree-sitter reads it.
   */
  private closingLine(from: number, id: string): number {
    const text = this.text;
    let lineStart = from;
    for (;;) {
      let at = lineStart;
      while (isBlank(text.charCodeAt(at)) || text.charCodeAt(at) === NEWLINE) at++;
      if (at >= this.length) giveUp();
      if (text.startsWith(id, at)) {
        let after = at + id.length;
        while (isBlank(text.charCodeAt(after))) after++;
        if (text.charCodeAt(after) === NEWLINE) return at;
        giveUp();
      }
      const newline = text.indexOf('\n', at);
      if (newline < 0) giveUp();
      lineStart = newline + 1;
    }
  }
}

/** Newlines in `text` from `from` (inclusive) to `to` (exclusive). */
function newlinesIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Identifiers repeat across a tree's files (`var`, `local`, `aws_kms_key`, tag names): one string each, up to a bound, since PR content chooses them. */
const IDENTIFIERS = new Map<string, string>();
const MAX_IDENTIFIERS = 20_000;
/** Identifiers seen last, by a hash of first and last character and length: most are found here without slicing or hashing the text. */
const RECENT: (string | undefined)[] = new Array(1024);

/** The identifier `text[start, end)`, as the one string the table keeps for it. */
function identifierAt(text: string, start: number, end: number): string {
  const length = end - start;
  const slot = (text.charCodeAt(start) * 31 + text.charCodeAt(end - 1) * 7 + length) & 1023;
  const recent = RECENT[slot];
  if (recent !== undefined && recent.length === length && text.startsWith(recent, start)) return recent;
  const name = text.slice(start, end);
  let known = IDENTIFIERS.get(name);
  if (known === undefined) {
    if (IDENTIFIERS.size >= MAX_IDENTIFIERS) return name;
    known = detached(name);
    IDENTIFIERS.set(known, known);
  }
  RECENT[slot] = known;
  return known;
}

/**
 * A list built by `push` keeps its spare capacity (17 slots at least) for as long as the tree lives;
 * an exact copy does not: the trees of a large tree's files are an eighth smaller so.
 */
function fitted<T>(list: T[]): T[] {
  return list.length === 0 ? list : list.slice();
}

function fittedBody(body: Body): Body {
  return { attributes: fitted(body.attributes), blocks: fitted(body.blocks) };
}

/** Length of a backslash escape the grammar's scanner accepts in a quoted string; gives up on any other. */
function escapeLength(text: string, at: number): number {
  const c = text.charCodeAt(at + 1);
  if (c === QUOTE || c === BACKSLASH || c === 110 || c === 114 || c === 116) return 2; // \" \\ \n \r \t
  const digits = c === 117 ? 4 : c === 85 ? 8 : 0; // \uXXXX, \UXXXXXXXX
  if (digits === 0) giveUp();
  for (let i = 0; i < digits; i++) if (!isHex(text.charCodeAt(at + 2 + i))) giveUp();
  return 2 + digits;
}

/** Template parts as `syntax.ts` makes them: text between interpolations, decoded, then strip markers applied. */
class TemplateBuilder {
  private readonly list: TemplatePart[] = [];
  private readonly strips: { left: boolean; right: boolean }[] = [];

  /** Where the pending text starts. */
  from: number;

  constructor(
    private readonly source: string,
    private readonly style: TemplateStyle,
    /** Where the template's text starts (after `"`, or on the line after the heredoc's opener). */
    private readonly contentStart: number,
  ) {
    this.from = contentStart;
  }

  /** Closes the pending text at `to`. */
  text(to: number): void {
    if (to <= this.from) return;
    const atLineStart = this.from === this.contentStart || this.source.charCodeAt(this.from - 1) === NEWLINE;
    this.list.push({ kind: 'text', value: decodeText(this.source.slice(this.from, to), this.style, atLineStart) });
    this.strips.push({ left: false, right: false });
  }

  interpolation({ expr, left, right }: { expr: Expr; left: boolean; right: boolean }): void {
    this.list.push({ kind: 'interp', expr });
    this.strips.push({ left, right });
  }

  parts(): TemplatePart[] {
    return applyStrips(this.list, this.strips);
  }
}
