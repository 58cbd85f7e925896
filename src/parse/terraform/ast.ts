/**
 * A small, serialisable HCL syntax tree: what `syntax.ts` makes of the tree-sitter CST (and of
 * `.tf.json`), and what `evaluate.ts` reads. Every node keeps its 1-based line range and a short
 * source text so unknown values and problems can quote it.
 */

/** Where a node is written: 1-based lines. */
export interface Lines {
  startLine: number;
  endLine: number;
}

/** An expression's place and its source text, shortened to a quotable length (unknown values and problems quote it). */
export interface Span extends Lines {
  text: string;
}

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
}

/** Attributes and blocks keep lines only: nothing quotes a whole attribute or block, and theirs are the longest texts. */
export interface Attribute extends Lines {
  name: string;
  expr: Expr;
}

export interface Block extends Lines {
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
  | { kind: 'if'; cond: Expr; whenTrue: TemplatePart[]; whenFalse: TemplatePart[] }
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
    | { kind: 'conditional'; cond: Expr; whenTrue: Expr; whenFalse: Expr }
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
  return shortRange(text, 0, text.length);
}

/** Output characters of `shortRange`, reused: a short text is built without intermediate strings. */
const scratch = new Uint16Array(MAX_TEXT + 1);

/**
 * `text.slice(start, stop)` as `shortText` makes it: whitespace runs (as `\s` matches) become one
 * space, none at either end, then cut to `MAX_TEXT` with an ellipsis. One pass that stops as soon
 * as the cut is certain, and the slice itself when nothing changes.
 */
export function shortRange(text: string, start: number, stop: number): string {
  let length = 0;
  let spaced = false;
  let altered = false;
  for (let at = start; at < stop; at++) {
    const c = text.charCodeAt(at);
    if (isSpace(c)) {
      if (c !== 32 || spaced || length === 0) altered = true;
      spaced = length > 0;
      continue;
    }
    if (spaced) {
      scratch[length++] = 32;
      spaced = false;
    }
    if (length > MAX_TEXT) break;
    scratch[length++] = c;
    if (length > MAX_TEXT) break;
  }
  if (length > MAX_TEXT) return `${String.fromCharCode.apply(null, scratch.subarray(0, MAX_TEXT - 1) as unknown as number[])}…`;
  if (!altered && !spaced) return text.slice(start, stop);
  return String.fromCharCode.apply(null, scratch.subarray(0, length) as unknown as number[]);
}

/** Whether `\s` matches this UTF-16 code unit. */
function isSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
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

/**
 * Direct sub-expressions of an expression (template parts included), as a new array: callers may
 * reorder it. Syntax trees are shared by every unit (a catalog module's by every unit that calls it),
 * so nothing may change them in place.
 */
export function childExprs(expr: Expr): Expr[] {
  switch (expr.kind) {
    case 'template':
      return partExprs(expr.parts);
    case 'getAttr':
      return [expr.target];
    case 'index':
      return [expr.target, expr.key];
    case 'splat':
      return [expr.target, ...expr.each.flatMap((s) => ('index' in s ? [s.index] : []))];
    case 'tuple':
      return [...expr.items];
    case 'object':
      return expr.items.flatMap((i) => [i.key, i.value]);
    case 'call':
      return [...expr.args];
    case 'conditional':
      return [expr.cond, expr.whenTrue, expr.whenFalse];
    case 'binary':
      return [expr.left, expr.right];
    case 'unary':
      return [expr.operand];
    case 'for':
      return [expr.collection, ...(expr.keyExpr ? [expr.keyExpr] : []), expr.valueExpr, ...(expr.cond ? [expr.cond] : [])];
    default:
      return [];
  }
}

function partExprs(parts: TemplatePart[]): Expr[] {
  return parts.flatMap((p): Expr[] => {
    if (p.kind === 'interp') return [p.expr];
    if (p.kind === 'if') return [p.cond, ...partExprs(p.whenTrue), ...partExprs(p.whenFalse)];
    if (p.kind === 'for') return [p.collection, ...partExprs(p.body)];
    return [];
  });
}

/** Every expression in a body (attributes of nested blocks included), visited with an explicit stack. */
export function* allExprs(body: Body): Generator<Expr> {
  const bodies: Body[] = [body];
  while (bodies.length > 0) {
    const current = bodies.pop() as Body;
    for (const block of current.blocks) bodies.push(block.body);
    const stack: Expr[] = current.attributes.map((a) => a.expr);
    while (stack.length > 0) {
      const expr = stack.pop() as Expr;
      yield expr;
      stack.push(...childExprs(expr));
    }
  }
}

/** Names of the `var.x` an expression reads, in source order. */
export function variablesRead(expr: Expr): string[] {
  const names: string[] = [];
  const stack: Expr[] = [expr];
  while (stack.length > 0) {
    const current = stack.pop() as Expr;
    const chain = current.kind === 'getAttr' ? traversalOf(current) : undefined;
    const first = chain?.steps[0];
    if (chain?.root === 'var' && first && 'attr' in first) names.push(first.attr);
    else stack.push(...childExprs(current).reverse());
  }
  return names;
}
