/**
 * Expression → Value. Names are resolved by a `Resolver` (the module instance: var, local, module,
 * resources…); this file knows only HCL's expression semantics. What cannot be known statically
 * stays `Unknown` (with the refs it met), a condition that cannot be decided yields `OneOf` both
 * branches. Every step is counted against one budget per unit; past it everything is Unknown.
 */
import type { Ref, Value } from '../../model/types.js';
import type { Expr, ExprOf, Step, TemplatePart } from './ast.js';
import { traversalOf } from './ast.js';
import { callFunction } from './functions.js';
import {
  asString,
  errorValue,
  firstSymbolic,
  isError,
  isFullyKnown,
  isObjectValue,
  isOneOf,
  isRef,
  isSet,
  isSymbolic,
  isUnknown,
  oneOf,
  sameValue,
  unknown,
  unknownFrom,
} from './values.js';

/** Nested evaluations (local → local → …) beyond this are cut, so the JS stack stays small. */
const MAX_EVAL_DEPTH = 500;
/** Elements a for-expression or template loop may produce. */
const MAX_ITERATIONS = 10_000;
/** Values beyond these sizes are Unknown, so doubling tricks (`"${local.a}${local.a}"` chains) stay small. */
const MAX_STRING_LENGTH = 1_000_000;
const MAX_LIST_LENGTH = 100_000;

export interface Budget {
  steps: number;
  readonly max: number;
  exceeded: boolean;
  depth: number;
}

export function newBudget(max: number): Budget {
  return { steps: 0, max, exceeded: false, depth: 0 };
}

/** Services the evaluator needs from its surroundings; all pure lookups. */
export interface EvalHost {
  budget: Budget;
  /** Text of a file named in `file()`/`templatefile()` (already resolved by the resolver's rules). */
  readFile(path: string): { path: string; text: string } | undefined;
  /** A template file's text as a template expression. */
  parseTemplate(text: string, path: string): Expr;
}

/** Resolves the root of a traversal (`var`, `local`, `aws_kms_key`…), consuming some of its steps. */
export interface Resolver {
  resolve(root: string, steps: Step[], expr: Expr, ev: Evaluator): { value: Value; used: number } | undefined;
  /** Base folder for relative `file()` paths, and the module folder as a fallback. */
  readonly fileBases: string[];
  /** Functions only this context has (terragrunt's `find_in_parent_folders()`…); undefined = not mine. */
  callFunction?(name: string, args: Value[], expr: Expr): Value | undefined;
}

export class Evaluator {
  constructor(
    readonly resolver: Resolver,
    readonly host: EvalHost,
    private readonly vars: ReadonlyMap<string, Value> = new Map(),
  ) {}

  /** A child scope with extra bound names (for-expression / dynamic-block iterators, template vars). */
  with(vars: Record<string, Value>): Evaluator {
    return new Evaluator(this.resolver, this.host, new Map([...this.vars, ...Object.entries(vars)]));
  }

  /** A scope that shares only the budget and host: what a `templatefile()` body sees. */
  detached(resolver: Resolver, vars: Record<string, Value>): Evaluator {
    return new Evaluator(resolver, this.host, new Map(Object.entries(vars)));
  }

  eval(expr: Expr): Value {
    const budget = this.host.budget;
    budget.steps++;
    if (budget.steps > budget.max) budget.exceeded = true;
    if (budget.exceeded) return unknown(expr.text, 'evaluation budget exceeded');
    if (budget.depth >= MAX_EVAL_DEPTH) return unknown(expr.text, 'references nested too deeply');
    budget.depth++;
    try {
      const value = this.evalNode(expr);
      const size = typeof value === 'string' ? value.length / MAX_STRING_LENGTH : Array.isArray(value) ? value.length / MAX_LIST_LENGTH : 0;
      return size > 1 ? unknown(expr.text, 'value too large to evaluate') : value;
    } finally {
      budget.depth--;
    }
  }

  private evalNode(expr: Expr): Value {
    switch (expr.kind) {
      case 'literal':
        return expr.value;
      case 'invalid':
        return errorValue(expr.text, expr.reason);
      case 'template':
        return this.template(expr.parts, expr);
      case 'variable':
      case 'getAttr':
      case 'index':
        return this.traversal(expr);
      case 'splat':
        return this.splat(expr);
      case 'tuple':
        return expr.items.map((item) => this.eval(item));
      case 'object':
        return this.object(expr);
      case 'call':
        return this.call(expr);
      case 'conditional':
        return this.conditional(expr);
      case 'binary':
        return this.binary(expr);
      case 'unary':
        return this.unary(expr);
      case 'for':
        return this.forExpr(expr);
    }
  }

  private traversal(expr: ExprOf<'variable' | 'getAttr' | 'index'>): Value {
    const chain = traversalOf(expr);
    if (!chain) {
      if (expr.kind === 'variable') return errorValue(expr.text, `unknown name ${expr.name}`);
      const target = this.eval(expr.target);
      return this.applyStep(target, expr.kind === 'getAttr' ? { attr: expr.name } : { index: expr.key }, expr);
    }
    const bound = this.vars.get(chain.root);
    const resolved = bound !== undefined ? { value: bound, used: 0 } : this.resolver.resolve(chain.root, chain.steps, expr, this);
    if (!resolved) return errorValue(expr.text, `unknown name ${chain.root}`);
    return this.applySteps(resolved.value, chain.steps.slice(resolved.used), expr);
  }

  applySteps(value: Value, steps: Step[], expr: Expr): Value {
    let current = value;
    for (const step of steps) current = this.applyStep(current, step, expr);
    return current;
  }

  private applyStep(value: Value, step: Step, expr: Expr): Value {
    if (isOneOf(value))
      return oneOf(
        value.options.map((o) => this.applyStep(o, step, expr)),
        value.reason,
      );
    if (isUnknown(value)) return value;
    if ('attr' in step) {
      // A ref's attribute path grows: module.x.out.arn reads `arn` of whatever `out` is.
      if (isRef(value)) return { ...value, attr: value.attr ? `${value.attr}.${step.attr}` : step.attr };
      if (isObjectValue(value) && step.attr in value) return value[step.attr];
      return errorValue(expr.text, `no attribute ${step.attr} in ${shortName(value)}`);
    }
    const key = this.eval(step.index);
    if (isRef(value)) return value.attr === '' && value.instance === undefined ? refInstance(value, key) : value;
    if (isSymbolic(key)) return unknownFrom(expr.text, `index ${step.index.text} is not known statically`, [value, key]);
    if (Array.isArray(value)) {
      const i = typeof key === 'number' ? key : Number(key);
      return Number.isInteger(i) && i >= 0 && i < value.length ? value[i] : errorValue(expr.text, `index ${String(key)} out of range`);
    }
    const name = asString(key);
    if (isObjectValue(value) && name !== undefined && name in value) return value[name];
    return errorValue(expr.text, `no element ${String(key)} in ${shortName(value)}`);
  }

  private splat(expr: ExprOf<'splat'>): Value {
    const target = this.eval(expr.target);
    if (target === null) return [];
    if (isUnknown(target)) return target;
    const items = Array.isArray(target) ? target : [target];
    return items.map((item) => this.applySteps(item, expr.each, expr));
  }

  private object(expr: ExprOf<'object'>): Value {
    const result: Record<string, Value> = {};
    const symbolicKeys: Value[] = [];
    for (const item of expr.items) {
      const key = this.eval(item.key);
      const name = asString(key);
      if (name === undefined) symbolicKeys.push(key);
      else result[name] = this.eval(item.value);
    }
    if (symbolicKeys.length > 0) return unknownFrom(expr.text, 'object key not known statically', symbolicKeys);
    return result;
  }

  private call(expr: ExprOf<'call'>): Value {
    // try/can look at errors of their arguments, so they evaluate them themselves.
    if (expr.name === 'try') {
      let last: Value = errorValue(expr.text, 'no argument of try() succeeded');
      for (const arg of expr.args) {
        last = this.eval(arg);
        if (!isError(last)) return last;
      }
      return last;
    }
    if (expr.name === 'can') {
      const value = expr.args[0] ? this.eval(expr.args[0]) : errorValue(expr.text, 'can() needs an argument');
      if (isError(value)) return false;
      return isUnknown(value) ? unknownFrom(expr.text, 'argument not known statically', [value]) : true;
    }
    let args = expr.args.map((arg) => this.eval(arg));
    if (expr.expandLast && args.length > 0) {
      const last = args[args.length - 1];
      if (!Array.isArray(last)) return unknownFrom(expr.text, 'expanded argument is not a known list', [last]);
      args = [...args.slice(0, -1), ...last];
    }
    return this.resolver.callFunction?.(expr.name, args, expr) ?? callFunction(expr.name, args, { expr, evaluator: this });
  }

  private conditional(expr: ExprOf<'conditional'>): Value {
    const cond = this.eval(expr.cond);
    if (cond === true || cond === 'true') return this.eval(expr.whenTrue);
    if (cond === false || cond === 'false') return this.eval(expr.whenFalse);
    if (!isSymbolic(cond)) return errorValue(expr.text, `condition is not a bool: ${shortName(cond)}`);
    return oneOf([this.eval(expr.whenTrue), this.eval(expr.whenFalse)], `condition ${expr.cond.text} is not known statically`);
  }

  private binary(expr: ExprOf<'binary'>): Value {
    const left = this.eval(expr.left);
    if (expr.op === '&&' && left === false) return false;
    if (expr.op === '||' && left === true) return true;
    const right = this.eval(expr.right);
    if (expr.op === '&&' || expr.op === '||') {
      if (typeof right === 'boolean' && typeof left === 'boolean') return right;
      // `unknown && false` is false and `unknown || true` is true whatever the unknown is.
      if (right === (expr.op === '||')) return right;
      return unknownFrom(expr.text, `operand of ${expr.op} not known statically`, [left, right]);
    }
    if (expr.op === '==' || expr.op === '!=') {
      if (!isFullyKnown(left) || !isFullyKnown(right)) return unknownFrom(expr.text, 'comparison of values not known statically', [left, right]);
      return sameValue(left, right) === (expr.op === '==');
    }
    const symbolic = firstSymbolic([left, right]);
    if (symbolic) return unknownFrom(expr.text, 'operand not known statically', [left, right]);
    const a = Number(left);
    const b = Number(right);
    if (typeof left === 'object' || typeof right === 'object' || Number.isNaN(a) || Number.isNaN(b)) {
      return errorValue(expr.text, `operator ${expr.op} needs numbers`);
    }
    return ARITHMETIC[expr.op](a, b);
  }

  private unary(expr: ExprOf<'unary'>): Value {
    const operand = this.eval(expr.operand);
    if (isSymbolic(operand)) return unknownFrom(expr.text, 'operand not known statically', [operand]);
    if (expr.op === '!') return typeof operand === 'boolean' ? !operand : errorValue(expr.text, '! needs a bool');
    const n = Number(operand);
    return Number.isNaN(n) ? errorValue(expr.text, '- needs a number') : -n;
  }

  /** The (key, value) pairs of a collection, or a reason it cannot be iterated. */
  iterate(collection: Value, text: string): { pairs: [Value, Value][] } | { fail: Value } {
    if (isSymbolic(collection)) return { fail: unknownFrom(text, `collection ${text} not known statically`, [collection]) };
    if (Array.isArray(collection)) return { pairs: collection.map((v, i): [Value, Value] => [isSet(collection) ? v : i, v]) };
    if (isObjectValue(collection)) return { pairs: Object.entries(collection) };
    return { fail: errorValue(text, `cannot iterate over ${shortName(collection)}`) };
  }

  private forExpr(expr: ExprOf<'for'>): Value {
    const iteration = this.iterate(this.eval(expr.collection), expr.collection.text);
    if ('fail' in iteration) return iteration.fail;
    const list: Value[] = [];
    const object: Record<string, Value> = {};
    const grouped: Record<string, Value[]> = {};
    for (const [key, value] of iteration.pairs.slice(0, MAX_ITERATIONS)) {
      if (this.host.budget.exceeded) return unknown(expr.text, 'evaluation budget exceeded');
      const scope = this.with({ ...(expr.keyVar ? { [expr.keyVar]: key } : {}), [expr.valueVar]: value });
      if (expr.cond) {
        const keep = scope.eval(expr.cond);
        if (isSymbolic(keep)) return unknownFrom(expr.text, `filter ${expr.cond.text} not known statically`, [keep]);
        if (keep !== true) continue;
      }
      const item = scope.eval(expr.valueExpr);
      if (!expr.keyExpr) {
        list.push(item);
        continue;
      }
      const k = asString(scope.eval(expr.keyExpr));
      if (k === undefined) return unknown(expr.text, `key ${expr.keyExpr.text} not known statically`);
      if (!expr.grouping) object[k] = item;
      else if (grouped[k]) grouped[k].push(item);
      else grouped[k] = [item];
    }
    if (!expr.keyExpr) return list;
    return expr.grouping ? grouped : object;
  }

  private template(parts: TemplatePart[], expr: Expr): Value {
    // "${x}" alone is x itself, whatever its type (a ref stays a ref).
    if (parts.length === 1 && parts[0].kind === 'interp') return this.eval(parts[0].expr);
    const pieces: Value[] = [];
    this.renderParts(parts, pieces, expr);
    const symbolic = pieces.filter(isSymbolic);
    if (symbolic.length > 0) {
      const errors = symbolic.find(isError);
      return errors ?? unknownFrom(expr.text, 'interpolates values not known statically', symbolic);
    }
    return pieces.join('');
  }

  private renderParts(parts: TemplatePart[], out: Value[], expr: Expr): void {
    for (const part of parts) {
      if (out.length > MAX_ITERATIONS || this.host.budget.exceeded) {
        out.push(unknown(expr.text, 'template too large'));
        return;
      }
      if (part.kind === 'text') out.push(part.value);
      else if (part.kind === 'interp') {
        const value = this.eval(part.expr);
        out.push(isSymbolic(value) ? value : (asString(value) ?? errorValue(part.expr.text, `cannot interpolate ${shortName(value)}`)));
      } else if (part.kind === 'if') {
        const cond = this.eval(part.cond);
        if (isSymbolic(cond)) out.push(unknownFrom(part.cond.text, 'template condition not known statically', [cond]));
        else this.renderParts(cond === true ? part.whenTrue : part.whenFalse, out, expr);
      } else {
        const iteration = this.iterate(this.eval(part.collection), part.collection.text);
        if ('fail' in iteration) out.push(iteration.fail);
        else {
          for (const [key, value] of iteration.pairs) {
            this.with({ ...(part.keyVar ? { [part.keyVar]: key } : {}), [part.valueVar]: value }).renderParts(part.body, out, expr);
          }
        }
      }
    }
  }
}

const ARITHMETIC: Record<string, (a: number, b: number) => Value> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

function shortName(value: Value): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}

/** `aws_kms_key.k["a"]`: the instance, when the index is static (or one of a few static values). */
function refInstance(ref: Ref, key: Value): Value {
  if (typeof key === 'string' || typeof key === 'number') return { ...ref, instance: key };
  if (isOneOf(key))
    return oneOf(
      key.options.map((k) => refInstance(ref, k)),
      key.reason,
    );
  return ref;
}
