/**
 * The Terraform function library, as a table. Functions see evaluated arguments; a function whose
 * answer depends on a value not known statically returns Unknown carrying that value's refs.
 *
 * `jsonencode` is deliberate about unknowns: a structure that still holds an Unknown or a Ref is
 * returned *as the structure* (not flattened into a string), because key policies are read from it
 * later (`policy = jsonencode({Statement = [{Principal = {AWS = aws_iam_role.app.arn}}]})`). Only a
 * fully known value becomes JSON text. `jsondecode` of such a structure gives it back unchanged.
 */
import type { Value } from '../../model/types.js';
import { describeValue } from '../../model/value.js';
import { childExprs, type Expr, type ExprOf, type TemplatePart } from './ast.js';
import type { Evaluator, Resolver } from './evaluate.js';
import { joinPath } from './paths.js';
import type { ObjectValue } from './values.js';
import { asSet, asString, errorValue, isError, isFullyKnown, isObjectValue, isSymbolic, isUnknown, sameValue, unknown, unknownFrom } from './values.js';

export interface CallContext {
  expr: ExprOf<'call'>;
  evaluator: Evaluator;
}

type Fn = (args: Value[], ctx: CallContext) => Value;

/** `range()` and similar generators stop here (hostile `range(1e9)`). */
const MAX_GENERATED = 10_000;

export function callFunction(name: string, args: Value[], ctx: CallContext): Value {
  const fn = FUNCTIONS[name];
  if (!fn) return unknownFrom(ctx.expr.text, `function ${name}() is not evaluated statically`, args);
  return fn(args, ctx);
}

/** Wraps a function that needs every argument known at the top level. */
function known(fn: Fn): Fn {
  return (args, ctx) => {
    const symbolic = args.filter(isSymbolic);
    return symbolic.length > 0 ? unknownFrom(ctx.expr.text, 'argument not known statically', symbolic) : fn(args, ctx);
  };
}

function fail(ctx: CallContext, reason: string): Value {
  return errorValue(ctx.expr.text, `${ctx.expr.name}(): ${reason}`);
}

const str = (fn: (...s: string[]) => Value): Fn =>
  known((args, ctx) => {
    const strings = args.map(asString);
    return strings.every((s): s is string => s !== undefined) ? fn(...strings) : fail(ctx, 'needs strings');
  });

const list = (fn: (items: Value[], rest: Value[], ctx: CallContext) => Value): Fn =>
  known((args, ctx) => (Array.isArray(args[0]) ? fn(args[0], args.slice(1), ctx) : fail(ctx, 'needs a list')));

/** Keys of an object in Terraform's (lexical) order. */
const sortedKeys = (o: ObjectValue) => Object.keys(o).sort();

function distinct(items: Value[]): Value[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function flatten(items: Value[], depth = 0): Value[] {
  if (depth > 100) return items;
  return items.flatMap((item) => (Array.isArray(item) ? flatten(item, depth + 1) : [item]));
}

/** Depth of `[`/`{` nesting in JSON text, so hostile documents are refused before parsing. */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth--;
  }
  return max;
}

const MAX_JSON_DEPTH = 200;

function format(spec: string, args: Value[], ctx: CallContext): Value {
  let next = 0;
  const symbolic: Value[] = [];
  const out = spec.replace(/%(%|[-+# 0]*\d*(?:\.\d+)?([sdvqtfbxXeEgGo]))/g, (match, body: string, verb: string | undefined) => {
    if (body === '%') return '%';
    const arg = args[next++];
    if (arg === undefined) return match;
    if (isSymbolic(arg)) {
      symbolic.push(arg);
      return '';
    }
    if (verb === 'q') return JSON.stringify(asString(arg) ?? arg);
    if (verb === 'd') return String(Math.trunc(Number(arg)));
    if (verb === 'v' && typeof arg === 'object') return JSON.stringify(arg);
    return asString(arg) ?? JSON.stringify(arg);
  });
  return symbolic.length > 0 ? unknownFrom(ctx.expr.text, 'formats values not known statically', symbolic) : out;
}

/** Reads `path` relative to the root folder, then the module folder (see `Resolver.fileBases`). */
function readRepoFile(path: string, resolver: Resolver, ctx: CallContext): { path: string; text: string } | undefined {
  for (const base of resolver.fileBases) {
    const hit = ctx.evaluator.host.readFile(joinPath(base, path));
    if (hit) return hit;
  }
  return undefined;
}

/** A templatefile() body sees only its variables (and functions), never the module's names. */
const NO_NAMES: Resolver = { resolve: () => undefined, fileBases: [] };

function templatefile(args: Value[], ctx: CallContext): Value {
  const [path, vars] = args;
  if (typeof path !== 'string') return unknownFrom(ctx.expr.text, 'template path not known statically', [path]);
  const file = readRepoFile(path, ctx.evaluator.resolver, ctx);
  if (!file) return unknown(ctx.expr.text, `template file ${path} not found in the scanned files`);
  if (vars !== undefined && !isObjectValue(vars)) return unknownFrom(ctx.expr.text, 'template variables not known statically', [vars]);
  const template = ctx.evaluator.host.parseTemplate(file.text, file.path);
  const scope = vars ?? {};
  const rendered = ctx.evaluator.detached(NO_NAMES, scope).eval(template);
  if (!isUnknown(rendered) || isError(rendered)) return rendered;
  return renderedJson(template, scope, file.text, ctx) ?? rendered;
}

/**
 * A JSON template (a key policy) with variables not known statically (`role_arn =
 * aws_iam_role.app.arn`): rendered with a unique placeholder for each such variable, parsed, and
 * the placeholders put back as values, so the structure stays readable like `jsonencode()`'s. A
 * placeholder that is a whole JSON string becomes the variable's value (the Ref itself); one inside
 * a longer string makes that string an Unknown carrying the value's refs. Only when every use of
 * those variables is a plain `${name}` (a function or condition over a placeholder would compute
 * with the wrong text), and the result is JSON with no placeholder in an object key; else undefined.
 */
function renderedJson(template: Expr, vars: ObjectValue, text: string, ctx: CallContext): Value | undefined {
  const symbolic = Object.entries(vars).filter(([, value]) => isSymbolic(value));
  if (symbolic.length === 0 || !onlyInterpolated(template, new Set(symbolic.map(([name]) => name)))) return undefined;
  let tag = 'kms-review-placeholder-';
  while (text.includes(tag)) tag += 'x';
  const values = new Map<string, Value>();
  const placeholders: ObjectValue = {};
  symbolic.forEach(([name, value], index) => {
    const placeholder = `@${tag}${index}@`;
    values.set(placeholder, value);
    placeholders[name] = placeholder;
  });
  const rendered = ctx.evaluator.detached(NO_NAMES, { ...vars, ...placeholders }).eval(template);
  if (typeof rendered !== 'string' || jsonDepth(rendered) > MAX_JSON_DEPTH) return undefined;
  let parsed: Value;
  try {
    parsed = JSON.parse(rendered) as Value;
  } catch {
    return undefined;
  }
  const pattern = new RegExp(`@${tag}\\d+@`, 'g');
  let placeholderInKey = false;
  const restore = (value: Value): Value => {
    if (typeof value === 'string') {
      const whole = values.get(value);
      if (whole !== undefined) return whole;
      const inside = value.match(pattern);
      if (!inside) return value;
      const expr = value.replace(pattern, (placeholder) => `\${${describeValue(values.get(placeholder) ?? null)}}`);
      return unknownFrom(
        expr,
        'interpolates values not known statically',
        inside.map((placeholder) => values.get(placeholder) ?? null),
      );
    }
    if (Array.isArray(value)) return value.map(restore);
    if (!isObjectValue(value)) return value;
    const out: ObjectValue = {};
    for (const [key, item] of Object.entries(value)) {
      placeholderInKey ||= key.match(pattern) !== null;
      out[key] = restore(item);
    }
    return out;
  };
  const restored = restore(parsed);
  return placeholderInKey ? undefined : restored;
}

/** Every use of `names` in a template is a whole interpolation `${name}` (walked with explicit stacks: templates may be deep). */
function onlyInterpolated(template: Expr, names: ReadonlySet<string>): boolean {
  const exprs: Expr[] = [template];
  const parts: TemplatePart[] = [];
  while (exprs.length > 0 || parts.length > 0) {
    const part = parts.pop();
    if (part) {
      if (part.kind === 'interp' && !(part.expr.kind === 'variable' && names.has(part.expr.name))) exprs.push(part.expr);
      else if (part.kind === 'if') {
        exprs.push(part.cond);
        parts.push(...part.whenTrue, ...part.whenFalse);
      } else if (part.kind === 'for') {
        exprs.push(part.collection);
        parts.push(...part.body);
      }
      continue;
    }
    const expr = exprs.pop() as Expr;
    if (expr.kind === 'variable' && names.has(expr.name)) return false;
    if (expr.kind === 'template') parts.push(...expr.parts);
    else exprs.push(...childExprs(expr));
  }
  return true;
}

const FUNCTIONS: Record<string, Fn> = {
  jsonencode: ([value]) => (value !== undefined && isFullyKnown(value) ? JSON.stringify(value) : (value ?? null)),
  jsondecode: ([value], ctx) => {
    if (value !== undefined && (Array.isArray(value) || isObjectValue(value))) return value;
    if (typeof value !== 'string') return unknownFrom(ctx.expr.text, 'JSON text not known statically', [value ?? null]);
    if (jsonDepth(value) > MAX_JSON_DEPTH) return fail(ctx, 'JSON nested too deeply');
    try {
      return JSON.parse(value) as Value;
    } catch {
      return fail(ctx, 'invalid JSON');
    }
  },
  merge: (args, ctx) => {
    const symbolic = args.filter(isSymbolic);
    if (symbolic.length > 0) return unknownFrom(ctx.expr.text, 'merges values not known statically', symbolic);
    if (!args.every((a) => a === null || isObjectValue(a))) return fail(ctx, 'needs objects');
    return Object.assign({}, ...args.filter((a) => a !== null));
  },
  concat: known((args, ctx) => (args.every(Array.isArray) ? (args as Value[][]).flat(1) : fail(ctx, 'needs lists'))),
  lookup: (args, ctx) => {
    const [map, key, fallback] = args;
    if (isSymbolic(map) || isSymbolic(key)) return unknownFrom(ctx.expr.text, 'lookup not known statically', [map, key]);
    const name = asString(key);
    if (isObjectValue(map) && name !== undefined && name in map) return map[name];
    return fallback !== undefined ? fallback : fail(ctx, `no key ${String(key)}`);
  },
  element: list((items, [index], ctx) => {
    if (items.length === 0 || typeof index !== 'number') return fail(ctx, 'needs a non-empty list and a number');
    return items[((Math.trunc(index) % items.length) + items.length) % items.length];
  }),
  coalesce: (args, ctx) => {
    for (const arg of args) {
      if (isSymbolic(arg)) return unknownFrom(ctx.expr.text, 'coalesce over values not known statically', args);
      if (arg !== null && arg !== '') return arg;
    }
    return fail(ctx, 'all arguments are null or empty');
  },
  coalescelist: (args, ctx) => {
    for (const arg of args) {
      if (isSymbolic(arg)) return unknownFrom(ctx.expr.text, 'coalescelist over values not known statically', args);
      if (Array.isArray(arg) && arg.length > 0) return arg;
    }
    return [];
  },
  format: known(([spec, ...rest], ctx) => (typeof spec === 'string' ? format(spec, rest, ctx) : fail(ctx, 'needs a format string'))),
  join: known(([sep, ...lists], ctx) => {
    const items = lists.flatMap((l) => (Array.isArray(l) ? l : [l]));
    const symbolic = items.filter(isSymbolic);
    if (symbolic.length > 0) return unknownFrom(ctx.expr.text, 'joins values not known statically', symbolic);
    const strings = items.map(asString);
    return typeof sep === 'string' && strings.every((s) => s !== undefined) ? strings.join(sep) : fail(ctx, 'needs strings');
  }),
  split: str((sep, s) => s.split(sep)),
  // Regular expressions from a pull request could backtrack for ever: they are not run.
  replace: known(([s, search, replacement], ctx) => {
    if (typeof s !== 'string' || typeof search !== 'string' || typeof replacement !== 'string') return fail(ctx, 'needs strings');
    if (/^\/.*\/$/s.test(search)) return unknown(ctx.expr.text, 'regular expressions are not evaluated');
    return s.split(search).join(replacement);
  }),
  lower: str((s) => s.toLowerCase()),
  upper: str((s) => s.toUpperCase()),
  title: str((s) => s.replace(/\b\w/g, (c) => c.toUpperCase())),
  trimspace: str((s) => s.trim()),
  chomp: str((s) => s.replace(/(\r?\n)+$/, '')),
  trim: str((s, chars) => {
    const set = new Set(chars);
    let a = 0;
    let b = s.length;
    while (a < b && set.has(s[a])) a++;
    while (b > a && set.has(s[b - 1])) b--;
    return s.slice(a, b);
  }),
  trimprefix: str((s, prefix) => (s.startsWith(prefix) ? s.slice(prefix.length) : s)),
  trimsuffix: str((s, suffix) => (suffix && s.endsWith(suffix) ? s.slice(0, -suffix.length) : s)),
  startswith: str((s, prefix) => s.startsWith(prefix)),
  endswith: str((s, suffix) => s.endsWith(suffix)),
  substr: known(([s, offset, length], ctx) => {
    if (typeof s !== 'string' || typeof offset !== 'number' || typeof length !== 'number') return fail(ctx, 'needs a string and numbers');
    const chars = [...s];
    const start = offset < 0 ? chars.length + offset : offset;
    return chars.slice(start, length < 0 ? undefined : start + length).join('');
  }),
  tostring: known(([v], ctx) => (v === null ? null : (asString(v) ?? fail(ctx, 'needs a primitive')))),
  tonumber: known(([v], ctx) => (v === null ? null : Number.isNaN(Number(v)) ? fail(ctx, 'not a number') : Number(v))),
  tobool: known(([v], ctx) => (v === true || v === 'true' ? true : v === false || v === 'false' ? false : v === null ? null : fail(ctx, 'not a bool'))),
  tomap: ([v]) => v ?? null,
  tolist: ([v]) => v ?? null,
  toset: (args, ctx) => (Array.isArray(args[0]) ? asSet(distinct(args[0])) : known(([v]) => v ?? null)(args, ctx)),
  flatten: list((items) => flatten(items)),
  distinct: list((items) => distinct(items)),
  compact: list((items) => items.filter((i) => i !== null && i !== '')),
  reverse: list((items) => [...items].reverse()),
  sort: list((items, _rest, ctx) =>
    items.every((i) => typeof i === 'string') ? [...(items as string[])].sort() : unknownFrom(ctx.expr.text, 'sorts values not known statically', items),
  ),
  slice: list((items, [from, to], ctx) => (typeof from === 'number' && typeof to === 'number' ? items.slice(from, to) : fail(ctx, 'needs numbers'))),
  one: list((items, _rest, ctx) => (items.length === 0 ? null : items.length === 1 ? items[0] : fail(ctx, 'more than one element'))),
  index: list((items, [value], ctx) => {
    const at = items.findIndex((i) => value !== undefined && sameValue(i, value));
    return at >= 0 ? at : fail(ctx, 'value not in list');
  }),
  keys: known(([v], ctx) => (isObjectValue(v) ? sortedKeys(v) : fail(ctx, 'needs a map'))),
  values: known(([v], ctx) => (isObjectValue(v) ? sortedKeys(v).map((k) => v[k]) : fail(ctx, 'needs a map'))),
  length: known(([v], ctx) => {
    if (typeof v === 'string') return [...v].length;
    if (Array.isArray(v)) return v.length;
    return isObjectValue(v) ? Object.keys(v).length : fail(ctx, 'needs a collection');
  }),
  contains: (args, ctx) => {
    const [items, value] = args;
    if (!Array.isArray(items) || value === undefined) return unknownFrom(ctx.expr.text, 'contains over values not known statically', args);
    if (items.some((i) => value !== undefined && sameValue(i, value))) return true;
    return items.some(isSymbolic) || isSymbolic(value) ? unknownFrom(ctx.expr.text, 'contains over values not known statically', args) : false;
  },
  zipmap: known(([ks, vs], ctx) => {
    if (!Array.isArray(ks) || !Array.isArray(vs)) return fail(ctx, 'needs lists');
    const out: ObjectValue = {};
    ks.forEach((k, i) => {
      const name = asString(k);
      if (name !== undefined) out[name] = vs[i] ?? null;
    });
    return out;
  }),
  range: known((args, ctx) => {
    const nums = args.map(Number);
    if (nums.some(Number.isNaN) || nums.length === 0) return fail(ctx, 'needs numbers');
    const [start, end, step] = nums.length === 1 ? [0, nums[0], 1] : [nums[0], nums[1], nums[2] ?? (nums[1] >= nums[0] ? 1 : -1)];
    if (step === 0) return fail(ctx, 'step must not be 0');
    const out: number[] = [];
    for (let i = start; step > 0 ? i < end : i > end; i += step) {
      if (out.length >= MAX_GENERATED) return unknown(ctx.expr.text, `range longer than ${MAX_GENERATED}`);
      out.push(i);
    }
    return out;
  }),
  sum: list((items, _rest, ctx) => (items.every((i) => typeof i === 'number') ? (items as number[]).reduce((a, b) => a + b, 0) : fail(ctx, 'needs numbers'))),
  min: known((args) => Math.min(...args.map(Number))),
  max: known((args) => Math.max(...args.map(Number))),
  abs: known(([v]) => Math.abs(Number(v))),
  ceil: known(([v]) => Math.ceil(Number(v))),
  floor: known(([v]) => Math.floor(Number(v))),
  alltrue: list((items, _rest, ctx) =>
    items.some(isSymbolic) ? unknownFrom(ctx.expr.text, 'not known statically', items) : items.every((i) => i === true || i === 'true'),
  ),
  anytrue: list((items, _rest, ctx) =>
    items.some((i) => i === true || i === 'true') ? true : items.some(isSymbolic) ? unknownFrom(ctx.expr.text, 'not known statically', items) : false,
  ),
  base64encode: str((s) => Buffer.from(s, 'utf8').toString('base64')),
  base64decode: str((s) => Buffer.from(s, 'base64').toString('utf8')),
  file: known(([path], ctx) => {
    if (typeof path !== 'string') return fail(ctx, 'needs a path');
    const hit = readRepoFile(path, ctx.evaluator.resolver, ctx);
    return hit ? hit.text : unknown(ctx.expr.text, `file ${path} not found in the scanned files`);
  }),
  fileexists: known(([path], ctx) => typeof path === 'string' && readRepoFile(path, ctx.evaluator.resolver, ctx) !== undefined),
  templatefile,
};
