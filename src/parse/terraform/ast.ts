/**
 * A small, serialisable HCL syntax tree: what `syntax.ts` makes of the tree-sitter CST (and of
 * `.tf.json`), and what `evaluate.ts` reads. Every node keeps its 1-based line range and a short
 * source text so unknown values and problems can quote it.
 */

export interface Span {
  startLine: number;
  endLine: number;
  /** Source text, shortened to a quotable length. */
  text: string;
}

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
}

export interface Attribute extends Span {
  name: string;
  expr: Expr;
}

export interface Block extends Span {
  type: string;
  labels: string[];
  body: Body;
}

/** One step of a traversal after its root: `.name` or `[key]` (legacy `.0` is an index). */
export type Step = { attr: string } | { index: Expr };

/** A piece of a template: literal text, an interpolation, or a `%{if}` / `%{for}` directive. */
export type TemplatePart =
  | { kind: 'text'; value: string }
  | { kind: 'interp'; expr: Expr }
  | { kind: 'if'; cond: Expr; then: TemplatePart[]; else: TemplatePart[] }
  | { kind: 'for'; keyVar?: string; valueVar: string; collection: Expr; body: TemplatePart[] };

export type Expr = Span &
  (
    | { kind: 'literal'; value: string | number | boolean | null }
    | { kind: 'template'; parts: TemplatePart[] }
    | { kind: 'variable'; name: string }
    | { kind: 'getAttr'; target: Expr; name: string }
    | { kind: 'index'; target: Expr; key: Expr }
    /** `target[*].a.b` / `target.*.a`: `each` is applied to every element. */
    | { kind: 'splat'; target: Expr; each: Step[] }
    | { kind: 'tuple'; items: Expr[] }
    | { kind: 'object'; items: { key: Expr; value: Expr }[] }
    | { kind: 'call'; name: string; args: Expr[]; expandLast: boolean }
    | { kind: 'conditional'; cond: Expr; then: Expr; else: Expr }
    | { kind: 'binary'; op: string; left: Expr; right: Expr }
    | { kind: 'unary'; op: string; operand: Expr }
    | {
        kind: 'for';
        keyVar?: string;
        valueVar: string;
        collection: Expr;
        /** Present for `{for … : k => v}`; absent for `[for … : v]`. */
        keyExpr?: Expr;
        valueExpr: Expr;
        cond?: Expr;
        /** `{for … : k => v...}` groups values by key. */
        grouping: boolean;
      }
    /** Something that could not be read (syntax error, too deep); evaluates to Unknown. */
    | { kind: 'invalid'; reason: string }
  );

export type ExprOf<K extends Expr['kind']> = Extract<Expr, { kind: K }>;

const MAX_TEXT = 120;

/** Shortens source text for messages: one line, bounded length. */
export function shortText(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_TEXT ? `${oneLine.slice(0, MAX_TEXT - 1)}…` : oneLine;
}

/** A traversal written as `root.a["b"].c`, flattened; undefined when the chain does not start at a variable. */
export function traversalOf(expr: Expr): { root: string; steps: Step[] } | undefined {
  const steps: Step[] = [];
  let node: Expr = expr;
  for (;;) {
    if (node.kind === 'getAttr') steps.push({ attr: node.name });
    else if (node.kind === 'index') steps.push({ index: node.key });
    else if (node.kind === 'variable') return { root: node.name, steps: steps.reverse() };
    else return undefined;
    node = node.target;
  }
}
