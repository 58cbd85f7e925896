/**
 * tree-sitter CST → the HCL AST of `ast.ts`. Syntax errors become located problems and the rest of
 * the file is still read. Hostile input is bounded: size, NUL bytes, a parse-time budget, and an
 * expression depth beyond which nothing is descended into (so recursion can never blow the stack).
 * The tree is freed right after conversion.
 *
 * Conversion cost: web-tree-sitter makes a wasm call (and often a JS object) for every accessor of
 * a `Node` — `type`, `children`, `endPosition`, `text` — so the CST is first copied out with one
 * `TreeCursor` walk into plain `CstNode`s (type, offsets, children), and the converter reads those.
 * Line numbers come from the file's newline offsets, text from slicing the file.
 */
import type { Language, Node, Tree, TreeCursor } from 'web-tree-sitter';
import type { Limits, SourceFile } from '../../model/source.js';
import { problem } from '../../model/source.js';
import type { Problem } from '../../model/types.js';
import type { Attribute, Block, Body, Expr, Lines, Span, Step, TemplatePart } from './ast.js';
import { shortText } from './ast.js';
import { readDirect } from './direct.js';
import { hclParser } from './grammar.js';
import { bodyFromJson } from './json-syntax.js';
import { applyStrips, commonIndent, decodeText, SourceText, type TemplateStyle, unescapeQuoted } from './text.js';

export interface ParsedFile {
  path: string;
  body: Body;
  problems: Problem[];
}

const EMPTY_BODY: Body = { attributes: [], blocks: [] };
/** Syntax problems reported per file; the first few locate the trouble, more is noise. */
const MAX_SYNTAX_PROBLEMS = 10;
/** Files at least this long are parsed under the time budget. */
const WATCHED_PARSE_CHARS = 16 * 1024;
const BINARY_OPERATORS = new Set(['*', '/', '%', '+', '-', '>', '>=', '<', '<=', '==', '!=', '&&', '||']);

/** Which reader `parseHclFile` uses: the direct reader first (tree-sitter when it gives up), or tree-sitter alone. */
export type HclReader = 'direct-first' | 'tree-sitter';

/** Parses one `.tf` / `.tfvars` / `terragrunt.hcl` / `.tf.json` file. Never throws. */
export function parseHclFile(file: SourceFile, limits: Limits, reader: HclReader = 'direct-first'): ParsedFile {
  return unreadable(file, limits) ?? (reader === 'direct-first' ? readReadable(file, limits) : undefined) ?? parseWithTreeSitter(file, limits);
}

/**
 * The file as the direct reader reads it, or its failure when no reader gets to read it (too
 * large, binary, out of time); undefined when tree-sitter has to read it.
 */
export function readHclDirect(file: SourceFile, limits: Limits): ParsedFile | undefined {
  return unreadable(file, limits) ?? readReadable(file, limits);
}

/** The direct reader on a file within the size limit and not binary. */
function readReadable(file: SourceFile, limits: Limits): ParsedFile | undefined {
  const deadline = file.text.length < WATCHED_PARSE_CHARS ? undefined : Date.now() + limits.maxParseMillisPerFile;
  const direct = readDirect(file.text, file.path, limits, deadline);
  if (direct === 'out of time') return failed(file.path, outOfTime(limits));
  return direct ? { path: file.path, body: direct, problems: [] } : undefined;
}

function failed(path: string, message: string): ParsedFile {
  return { path, body: EMPTY_BODY, problems: [problem(message, { file: path, startLine: 1, endLine: 1 })] };
}

function unreadable(file: SourceFile, limits: Limits): ParsedFile | undefined {
  if (file.size > limits.maxFileBytes || file.text.length > limits.maxFileBytes) {
    return failed(file.path, `file is larger than the ${limits.maxFileBytes}-byte limit; not parsed`);
  }
  if (file.text.includes('\0')) return failed(file.path, 'file contains NUL bytes (binary); not parsed');
  return undefined;
}

/** tree-sitter on a file within the size limit and not binary. */
function parseWithTreeSitter(file: SourceFile, limits: Limits): ParsedFile {
  const root = parseRoot(file.text, limits);
  if (!root.tree) return failed(file.path, root.error);
  try {
    const converter = new Converter(file.text, file.path, limits);
    const cst = copyTree(root.tree, cstDepthLimit(limits));
    const top = cst.namedChildren.find((n) => n.type === 'body' || n.type === 'object');
    let body = EMPTY_BODY;
    if (top?.type === 'body') body = converter.body(top, 0);
    else if (top?.type === 'object') {
      const expr = converter.expression(top, 0);
      if (expr.kind === 'object') body = bodyFromJson(expr, file.path.endsWith('.tf.json'));
    }
    const problems = [...syntaxProblems(root.tree.rootNode, file.path), ...converter.problems];
    return { path: file.path, body, problems };
  } finally {
    root.tree.delete();
  }
}

/** The result for a file whose syntax stage failed outright (a parser crash, a lost worker). */
export function syntaxStageFailure(path: string, error: unknown): ParsedFile {
  return failed(path, `terraform parser failed: ${error instanceof Error ? error.message : String(error)}`);
}

/** Parses template text (a `templatefile` file) as a heredoc body would be: no backslash escapes. */
export function parseTemplateText(text: string, path: string, limits: Limits): { expr: Expr; problems: Problem[] } {
  const marker = 'KMS_REVIEW_TEMPLATE_END';
  const wrapped = `t = <<${marker}\n${text}\n${marker}\n`;
  const parsed = parseHclFile({ path, text: wrapped, size: wrapped.length }, limits);
  const attr = parsed.body.attributes[0];
  if (!attr) return { expr: invalidExpr('template could not be read', 1), problems: parsed.problems };
  // The heredoc adds a newline the file did not have, and the wrapper shifted lines by one.
  const expr = attr.expr.kind === 'template' ? { ...attr.expr, parts: dropFinalNewline(attr.expr.parts) } : attr.expr;
  const problems = parsed.problems.map((p) => ({
    ...p,
    location: { ...p.location, startLine: Math.max(1, p.location.startLine - 1), endLine: Math.max(1, p.location.endLine - 1) },
  }));
  return { expr, problems };
}

function dropFinalNewline(parts: TemplatePart[]): TemplatePart[] {
  const last = parts[parts.length - 1];
  if (last?.kind !== 'text' || !last.value.endsWith('\n')) return parts;
  return [...parts.slice(0, -1), { kind: 'text', value: last.value.slice(0, -1) }];
}

function outOfTime(limits: Limits): string {
  return `parsing took longer than ${limits.maxParseMillisPerFile} ms; not parsed`;
}

function parseRoot(text: string, limits: Limits) {
  const started = Date.now();
  let timedOut = false;
  // The callback costs a wasm→JS crossing per parse step (~60% of parse time): small files, which
  // parse in milliseconds, go without it.
  const options =
    text.length < WATCHED_PARSE_CHARS
      ? undefined
      : {
          progressCallback: () => {
            timedOut = Date.now() - started > limits.maxParseMillisPerFile;
            return timedOut;
          },
        };
  const tree = hclParser().parse(text, null, options);
  hclParser().reset();
  if (!tree || timedOut) {
    tree?.delete();
    return { tree: undefined, error: outOfTime(limits) };
  }
  return { tree, error: '' };
}

/** A CST node copied out of the wasm tree: exactly the facts the converter reads. */
class CstNode {
  children: CstNode[] = NO_CHILDREN;
  private named?: CstNode[];

  constructor(
    readonly type: string,
    readonly isNamed: boolean,
    readonly isMissing: boolean,
    readonly startIndex: number,
    readonly endIndex: number,
    /** Field name within the parent (only recorded under `object_elem`, the one place fields are read). */
    readonly field: '' | 'key' | 'val',
  ) {}

  get namedChildren(): CstNode[] {
    if (this.named === undefined) this.named = this.children.length === 0 ? NO_CHILDREN : this.children.filter((c) => c.isNamed);
    return this.named;
  }
}

const NO_CHILDREN: CstNode[] = [];

/**
 * CST levels copied below the root. The converter stops at `maxDepth` expression levels and each
 * level spans a handful of CST levels (`expression → template_expr → heredoc_template →
 * template_directive → template_if → template_if_intro → expression` is the longest); deeper nodes
 * are never read, so they are not copied (a hostile `[[[[…` file costs no memory).
 */
function cstDepthLimit(limits: Limits): number {
  return 8 * (limits.maxDepth + 2) + 16;
}

/** Whether a node type is named, per type id (a property of the grammar symbol: no wasm call per node). */
const namedTypes = new WeakMap<Language, boolean[]>();

/**
 * Copies the visible CST with one cursor walk (pre-order, explicit stack). Anonymous nodes are
 * tokens (the grammar has no aliases), so the walk does not try to enter them.
 */
function copyTree(tree: Tree, maxDepth: number): CstNode {
  const cursor = tree.walk();
  const language = tree.language;
  const types = language.types;
  const isNamed = namedTypes.get(language) ?? [];
  namedTypes.set(language, isNamed);
  const keyField = language.fieldIdForName('key') ?? -1;
  const valField = language.fieldIdForName('val') ?? -1;
  const read = (c: TreeCursor, parentType: string): CstNode => {
    const id = c.nodeTypeId;
    const type = types[id] || 'ERROR';
    let field: '' | 'key' | 'val' = '';
    if (parentType === 'object_elem') {
      const fieldId = c.currentFieldId;
      field = fieldId === keyField ? 'key' : fieldId === valField ? 'val' : '';
    }
    isNamed[id] ??= language.nodeTypeIsNamed(id);
    return new CstNode(type, isNamed[id], type === 'heredoc_identifier' && c.nodeIsMissing, c.startIndex, c.endIndex, field);
  };
  try {
    const root = read(cursor, '');
    const parents: CstNode[] = [];
    let current = root;
    for (;;) {
      if (current.isNamed && parents.length < maxDepth && cursor.gotoFirstChild()) {
        const child = read(cursor, current.type);
        current.children = [child];
        parents.push(current);
        current = child;
        continue;
      }
      for (;;) {
        const parent = parents[parents.length - 1];
        if (parent === undefined) return root;
        if (cursor.gotoNextSibling()) {
          current = read(cursor, parent.type);
          parent.children.push(current);
          break;
        }
        cursor.gotoParent();
        current = parents.pop() as CstNode;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** ERROR and MISSING nodes, found by an explicit-stack walk that only enters subtrees with errors. */
function syntaxProblems(root: Node, path: string): Problem[] {
  const found: Problem[] = [];
  const stack: Node[] = root.hasError ? [root] : [];
  while (stack.length > 0 && found.length < MAX_SYNTAX_PROBLEMS) {
    const node = stack.pop() as Node;
    const line = node.startPosition.row + 1;
    if (node.isMissing) {
      found.push(problem(`syntax error: missing ${node.type}`, { file: path, startLine: line, endLine: line }));
    } else if (node.isError) {
      const endLine = node.endPosition.row + 1;
      found.push(problem(`syntax error near "${shortText(node.text.slice(0, 200))}"`, { file: path, startLine: line, endLine }));
    } else {
      for (let i = node.childCount - 1; i >= 0; i--) {
        const child = node.child(i);
        if (child && (child.hasError || child.isMissing)) stack.push(child);
      }
    }
  }
  return found;
}

function invalidExpr(reason: string, line: number): Expr {
  return { kind: 'invalid', reason, startLine: line, endLine: line, text: '' };
}

class Converter {
  readonly problems: Problem[] = [];
  private tooDeepReported = false;

  private readonly source: SourceText;

  constructor(
    text: string,
    private readonly path: string,
    private readonly limits: Limits,
  ) {
    this.source = new SourceText(text);
  }

  text(node: CstNode | undefined): string {
    return node ? this.source.text.slice(node.startIndex, node.endIndex) : '';
  }

  line(offset: number): number {
    return this.source.line(offset);
  }

  span(node: CstNode): Span {
    return this.source.span(node.startIndex, node.endIndex);
  }

  lines(node: CstNode): Lines {
    return this.source.lines(node.startIndex, node.endIndex);
  }

  body(node: CstNode, depth: number): Body {
    const body: Body = { attributes: [], blocks: [] };
    for (const child of node.namedChildren) {
      if (child.type === 'attribute') {
        const attr = this.attribute(child, depth);
        if (attr) body.attributes.push(attr);
      } else if (child.type === 'block') {
        const block = this.block(child, depth);
        if (block) body.blocks.push(block);
      }
    }
    return body;
  }

  attribute(node: CstNode, depth: number): Attribute | undefined {
    const name = node.namedChildren.find((c) => c.type === 'identifier');
    const value = node.namedChildren.filter((c) => c.type === 'expression').pop();
    if (!name) return undefined;
    const expr = value ? this.expression(value, depth) : invalidExpr('attribute without a value', this.line(node.startIndex));
    return { ...this.lines(node), name: this.text(name), expr };
  }

  block(node: CstNode, depth: number): Block | undefined {
    const [typeNode, ...rest] = node.namedChildren;
    if (typeNode?.type !== 'identifier') return undefined;
    if (depth > this.limits.maxDepth) return this.tooDeep(node) && undefined;
    const labels: string[] = [];
    let body: Body = EMPTY_BODY;
    for (const child of rest) {
      if (child.type === 'identifier') labels.push(this.text(child));
      else if (child.type === 'string_lit') labels.push(this.stringLit(child));
      else if (child.type === 'body') body = this.body(child, depth + 1);
    }
    return { ...this.lines(node), type: this.text(typeNode), labels, body };
  }

  private tooDeep(node: CstNode): Expr {
    if (!this.tooDeepReported) {
      this.tooDeepReported = true;
      const line = this.line(node.startIndex);
      this.problems.push(
        problem(`nesting deeper than ${this.limits.maxDepth} levels; the rest of this expression is ignored`, {
          file: this.path,
          startLine: line,
          endLine: line,
        }),
      );
    }
    return invalidExpr('nested too deeply', this.line(node.startIndex));
  }

  /** An `expression` node or any node that stands for one expression. */
  expression(node: CstNode, depth: number): Expr {
    if (depth > this.limits.maxDepth) return this.tooDeep(node);
    if (node.type !== 'expression') return this.primary(node, depth);
    const children = node.children.filter((c) => c.type !== 'comment');
    if (children.length === 1 && children[0].type === 'conditional') return this.primary(children[0], depth);
    return this.term(children, node, depth);
  }

  /** A primary followed by postfix traversals, as tree-sitter flattens `_expr_term`. */
  private term(nodes: CstNode[], whole: CstNode, depth: number): Expr {
    if (nodes.length === 0) return invalidExpr('empty expression', this.line(whole.startIndex));
    let rest = nodes;
    let expr: Expr;
    if (nodes[0].type === '(') {
      const inner = nodes.find((n) => n.type === 'expression');
      const close = nodes.findIndex((n) => n.type === ')');
      expr = inner ? this.expression(inner, depth + 1) : invalidExpr('empty parentheses', this.line(whole.startIndex));
      rest = close >= 0 ? nodes.slice(close + 1) : [];
    } else {
      expr = this.primary(nodes[0], depth);
      rest = nodes.slice(1);
    }
    for (const post of rest) {
      const span = { startLine: expr.startLine, endLine: this.line(post.endIndex), text: this.spanText(nodes[0], post) };
      if (post.type === 'get_attr') expr = { ...span, kind: 'getAttr', target: expr, name: this.text(post.namedChildren[0]) };
      else if (post.type === 'index') expr = { ...span, kind: 'index', target: expr, key: this.indexKey(post, depth) };
      else if (post.type === 'splat') {
        const splat = post.namedChildren[0];
        const each = (splat?.namedChildren ?? []).map(
          (s): Step => (s.type === 'get_attr' ? { attr: this.text(s.namedChildren[0]) } : { index: this.indexKey(s, depth) }),
        );
        expr = { ...span, kind: 'splat', target: expr, each };
      } else if (post.type === 'ERROR') {
        return invalidExpr('syntax error', this.line(post.startIndex));
      }
    }
    return expr;
  }

  private spanText(first: CstNode, last: CstNode): string {
    return this.source.quote(first.startIndex, last.endIndex);
  }

  private indexKey(index: CstNode, depth: number): Expr {
    const inner = index.namedChildren[0];
    if (inner?.type === 'legacy_index') return { ...this.span(inner), kind: 'literal', value: Number(this.text(inner).slice(1)) };
    const expr = inner?.namedChildren.find((c) => c.type === 'expression');
    return expr ? this.expression(expr, depth + 1) : invalidExpr('empty index', this.line(index.startIndex));
  }

  private primary(node: CstNode, depth: number): Expr {
    const span = this.span(node);
    const named = node.namedChildren;
    switch (node.type) {
      case 'expression':
        return this.expression(node, depth + 1);
      case 'literal_value':
        return this.literal(named[0] ?? node);
      case 'template_expr':
        return this.template(named[0] ?? node, depth);
      case 'collection_value':
      case 'operation':
      case 'for_expr':
        return named[0] ? this.primary(named[0], depth) : invalidExpr('empty expression', span.startLine);
      case 'variable_expr':
        return { ...span, kind: 'variable', name: this.text(node) };
      case 'tuple':
        return { ...span, kind: 'tuple', items: named.filter((c) => c.type === 'expression').map((c) => this.expression(c, depth + 1)) };
      case 'object':
        return { ...span, kind: 'object', items: named.filter((c) => c.type === 'object_elem').map((c) => this.objectElem(c, depth + 1)) };
      case 'function_call': {
        const args = named.find((c) => c.type === 'function_arguments');
        const argNodes = args?.namedChildren ?? [];
        return {
          ...span,
          kind: 'call',
          name: this.text(named[0]),
          args: argNodes.filter((c) => c.type === 'expression').map((c) => this.expression(c, depth + 1)),
          expandLast: argNodes.some((c) => c.type === 'ellipsis'),
        };
      }
      case 'conditional':
        return this.conditional(node, depth);
      case 'binary_operation': {
        const children = node.children.filter((c) => c.type !== 'comment');
        const at = children.findIndex((c) => !c.isNamed && BINARY_OPERATORS.has(c.type));
        if (at <= 0) return invalidExpr('malformed operation', span.startLine);
        const left = this.term(children.slice(0, at), node, depth + 1);
        const right = this.term(children.slice(at + 1), node, depth + 1);
        return { ...span, kind: 'binary', op: children[at].type, left, right };
      }
      case 'unary_operation': {
        const [op, ...operand] = node.children.filter((c) => c.type !== 'comment');
        return { ...span, kind: 'unary', op: op.type, operand: this.term(operand, node, depth + 1) };
      }
      case 'for_tuple_expr':
      case 'for_object_expr':
        return this.forExpr(node, depth);
      default:
        return invalidExpr(node.type === 'ERROR' ? 'syntax error' : `unsupported syntax ${node.type}`, span.startLine);
    }
  }

  /**
   * `a ? b : c ? d : e` as Terraform reads it, `a ? b : (c ? d : e)`: the grammar nests such a chain
   * the other way (`(a ? b : c) ? d : e`), so its operands are taken in source order and nested to
   * the right, each conditional spanning from its condition to the end of the chain.
   */
  private conditional(node: CstNode, depth: number): Expr {
    const operands: CstNode[] = [];
    let inner: CstNode | undefined = node;
    const outer: CstNode[][] = [];
    while (inner) {
      const [cond, ...branches]: CstNode[] = inner.namedChildren.filter((c) => c.type === 'expression');
      if (!cond || branches.length < 2) return invalidExpr('incomplete conditional', this.line(inner.startIndex));
      outer.push(branches);
      const nested: CstNode[] = cond.children.filter((c) => c.type !== 'comment');
      inner = nested.length === 1 && nested[0].type === 'conditional' ? nested[0] : undefined;
      if (!inner) operands.push(cond);
    }
    for (const branches of outer.reverse()) operands.push(...branches);
    const exprs = operands.map((c) => this.expression(c, depth + 1));
    let chain = exprs[exprs.length - 1];
    for (let i = exprs.length - 3; i >= 0; i -= 2) {
      chain = { ...this.source.span(operands[i].startIndex, node.endIndex), kind: 'conditional', cond: exprs[i], whenTrue: exprs[i + 1], whenFalse: chain };
    }
    return chain;
  }

  private objectElem(node: CstNode, depth: number): { key: Expr; value: Expr } {
    const keyNode = node.children.find((c) => c.field === 'key');
    const valNode = node.children.find((c) => c.field === 'val');
    const line = this.line(node.startIndex);
    let key = keyNode ? this.expression(keyNode, depth) : invalidExpr('missing key', line);
    // A bare identifier key is a literal name; `(expr)` keys are evaluated.
    if (key.kind === 'variable' && keyNode?.children[0]?.type !== '(')
      key = { startLine: key.startLine, endLine: key.endLine, text: key.text, kind: 'literal', value: key.name };
    const value = valNode ? this.expression(valNode, depth) : invalidExpr('missing value', line);
    return { key, value };
  }

  private forExpr(node: CstNode, depth: number): Expr {
    const span = this.span(node);
    const intro = node.namedChildren.find((c) => c.type === 'for_intro');
    const names = (intro?.namedChildren ?? []).filter((c) => c.type === 'identifier').map((c) => this.text(c));
    const collectionNode = intro?.namedChildren.find((c) => c.type === 'expression');
    const exprs = node.namedChildren.filter((c) => c.type === 'expression').map((c) => this.expression(c, depth + 1));
    const condNode = node.namedChildren.find((c) => c.type === 'for_cond')?.namedChildren[0];
    if (!collectionNode || names.length === 0 || exprs.length === 0) return invalidExpr('malformed for expression', span.startLine);
    const isObject = node.type === 'for_object_expr';
    return {
      ...span,
      kind: 'for',
      keyVar: names.length > 1 ? names[0] : undefined,
      valueVar: names[names.length - 1],
      collection: this.expression(collectionNode, depth + 1),
      keyExpr: isObject ? exprs[0] : undefined,
      valueExpr: isObject ? (exprs[1] ?? exprs[0]) : exprs[0],
      cond: condNode ? this.expression(condNode, depth + 1) : undefined,
      grouping: node.namedChildren.some((c) => c.type === 'ellipsis'),
    };
  }

  private literal(node: CstNode): Expr {
    const span = this.span(node);
    switch (node.type) {
      case 'numeric_lit': {
        const text = this.text(node);
        return { ...span, kind: 'literal', value: text.startsWith('0x') ? Number.parseInt(text, 16) : Number(text) };
      }
      case 'bool_lit':
        return { ...span, kind: 'literal', value: this.text(node) === 'true' };
      case 'null_lit':
        return { ...span, kind: 'literal', value: null };
      default:
        return { ...span, kind: 'literal', value: this.stringLit(node) };
    }
  }

  private stringLit(node: CstNode): string {
    const start = node.namedChildren.find((c) => c.type === 'quoted_template_start');
    const end = node.namedChildren.find((c) => c.type === 'quoted_template_end');
    return unescapeQuoted(this.source.text.slice(start?.endIndex ?? node.startIndex, end?.startIndex ?? node.endIndex));
  }

  private template(node: CstNode, depth: number): Expr {
    const span = this.span(node);
    const named = node.namedChildren;
    if (node.type === 'quoted_template') {
      const start = named.find((c) => c.type === 'quoted_template_start');
      const end = named.find((c) => c.type === 'quoted_template_end');
      const parts = this.parts(node, start?.endIndex ?? node.startIndex, end?.startIndex ?? node.endIndex, depth, { quoted: true, indent: 0 });
      return { ...span, kind: 'template', parts };
    }
    // Heredoc: content runs from the line after `<<ID` to the start of the closing `ID` line.
    const ids = named.filter((c) => c.type === 'heredoc_identifier');
    const opener = ids[0];
    const closer = ids.length > 1 && !ids[ids.length - 1].isMissing ? ids[ids.length - 1] : undefined;
    const newline = this.source.text.indexOf('\n', opener?.endIndex ?? node.startIndex);
    const from = newline < 0 ? node.endIndex : newline + 1;
    const to = closer ? this.source.text.lastIndexOf('\n', closer.startIndex) + 1 : node.endIndex;
    const flush = named.some((c) => c.type === 'heredoc_start' && this.text(c) === '<<-');
    const content = this.source.text.slice(from, Math.max(from, to));
    const parts = this.parts(node, from, Math.max(from, to), depth, { quoted: false, indent: flush ? commonIndent(content) : 0 });
    return { ...span, kind: 'template', parts };
  }

  /** Template parts of `container` between two source offsets: text between interpolations and directives. */
  private parts(container: CstNode, from: number, to: number, depth: number, style: TemplateStyle): TemplatePart[] {
    const parts: TemplatePart[] = [];
    const strips: { left: boolean; right: boolean }[] = [];
    let cursor = from;
    const pushText = (end: number) => {
      if (end <= cursor) return;
      const raw = this.source.text.slice(cursor, end);
      const atLineStart = cursor === from || this.source.text[cursor - 1] === '\n';
      parts.push({ kind: 'text', value: decodeText(raw, style, atLineStart) });
      strips.push({ left: false, right: false });
    };
    for (const child of container.namedChildren) {
      if (child.startIndex < from || child.endIndex > to) continue;
      const part = this.templatePart(child, depth + 1, style);
      if (!part) continue;
      pushText(child.startIndex);
      parts.push(part);
      strips.push(stripMarkers(child));
      cursor = child.endIndex;
    }
    pushText(to);
    return applyStrips(parts, strips);
  }

  private templatePart(node: CstNode, depth: number, style: TemplateStyle): TemplatePart | undefined {
    if (depth > this.limits.maxDepth) return { kind: 'interp', expr: this.tooDeep(node) };
    if (node.type === 'template_interpolation') {
      const expr = node.namedChildren.find((c) => c.type === 'expression');
      return { kind: 'interp', expr: expr ? this.expression(expr, depth) : invalidExpr('empty interpolation', this.line(node.startIndex)) };
    }
    if (node.type !== 'template_directive') return undefined;
    const directive = node.namedChildren[0];
    const kids = directive?.namedChildren ?? [];
    const find = (type: string) => kids.find((c) => c.type === type);
    if (directive?.type === 'template_if') {
      const intro = find('template_if_intro');
      const elseIntro = find('template_else_intro');
      const end = find('template_if_end');
      const condNode = intro?.namedChildren.find((c) => c.type === 'expression');
      if (!intro || !end || !condNode) return { kind: 'interp', expr: invalidExpr('malformed %{if}', this.line(node.startIndex)) };
      return {
        kind: 'if',
        cond: this.expression(condNode, depth),
        whenTrue: this.parts(directive, intro.endIndex, elseIntro?.startIndex ?? end.startIndex, depth, style),
        whenFalse: elseIntro ? this.parts(directive, elseIntro.endIndex, end.startIndex, depth, style) : [],
      };
    }
    const start = find('template_for_start');
    const end = find('template_for_end');
    const names = (start?.namedChildren ?? []).filter((c) => c.type === 'identifier').map((c) => this.text(c));
    const collection = start?.namedChildren.find((c) => c.type === 'expression');
    if (!start || !end || !collection || names.length === 0) return { kind: 'interp', expr: invalidExpr('malformed %{for}', this.line(node.startIndex)) };
    return {
      kind: 'for',
      keyVar: names.length > 1 ? names[0] : undefined,
      valueVar: names[names.length - 1],
      collection: this.expression(collection, depth),
      body: this.parts(directive, start.endIndex, end.startIndex, depth, style),
    };
  }
}

/** `~` strip markers: on the opening side of an interpolation/directive, and on its closing side. */
function stripMarkers(node: CstNode): { left: boolean; right: boolean } {
  const first = node.type === 'template_directive' ? node.namedChildren[0]?.namedChildren[0] : node;
  const last = node.type === 'template_directive' ? node.namedChildren[0]?.namedChildren.at(-1) : node;
  const marker = (n: CstNode | null | undefined, side: 'first' | 'last') => {
    const kids = (n?.children ?? []).filter((c) => c.type !== 'comment');
    const at = side === 'first' ? kids[1] : kids[kids.length - 2];
    return at?.type === 'strip_marker';
  };
  return { left: marker(first, 'first'), right: marker(last, 'last') };
}
