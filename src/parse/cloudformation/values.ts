/** Small helpers over `Value`s used by the evaluator: kinds, unknowns with their refs, concatenation. */
import type { OneOf, Ref, Unknown, Value } from '../../model/types.js';
import { SHORT_FORM_OF_KEY } from './tags.js';
import type { TreeNode } from './tree.js';

export function isRef(value: Value): value is Ref {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.$kind === 'ref';
}

export function isUnknown(value: Value): value is Unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.$kind === 'unknown';
}

export function isOneOf(value: Value): value is OneOf {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && value.$kind === 'oneOf';
}

export function unknown(expr: string, reason: string, from: Value[] = []): Unknown {
  const refs = refsIn(from);
  return refs.length > 0 ? { $kind: 'unknown', expr, reason, refs } : { $kind: 'unknown', expr, reason };
}

/** Every `Ref` inside the values (also those an `Unknown` carries), each once. */
export function refsIn(values: Value[]): Ref[] {
  const found = new Map<string, Ref>();
  const pending = [...values];
  for (let value = pending.pop(); value !== undefined; value = pending.pop()) {
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) pending.push(...value);
    else if (isRef(value)) found.set(`${value.unit}\u0000${value.address}\u0000${value.attr}`, value);
    else if (isUnknown(value)) pending.push(...(value.refs ?? []));
    else if (isOneOf(value)) pending.push(...value.options);
    else pending.push(...Object.values(value));
  }
  return [...found.values()];
}

/** Upper bound on the alternatives one concatenation expands to (the product of its `OneOf` parts). */
const MAX_ALTERNATIVES = 16;

/**
 * Concatenates scalars into one string. `OneOf` parts expand to a `OneOf` of every combination
 * (`alias/app-${Env}` with Env ∈ {dev, prod} → two aliases). `undefined` when a part is not a
 * scalar or an option set, or there would be too many combinations.
 */
export function concat(parts: Value[]): Value | undefined {
  let combos: string[] = [''];
  const reasons: string[] = [];
  for (const part of parts) {
    const options = isOneOf(part) ? part.options : [part];
    if (isOneOf(part)) reasons.push(part.reason);
    if (!options.every(isTextual) || combos.length * options.length > MAX_ALTERNATIVES) return undefined;
    combos = combos.flatMap((prefix) => options.map((option) => prefix + String(option)));
  }
  const distinct = [...new Set(combos)];
  return distinct.length === 1 ? distinct[0] : { $kind: 'oneOf', options: distinct, reason: reasons.join('; ') };
}

export function isTextual(value: Value): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Longest quoted expression; enough to recognise it in a message. */
const EXPR_MAX = 160;
/** Elements of a list or mapping shown before eliding the rest. */
const SHOWN_ITEMS = 6;
const SHOWN_DEPTH = 4;

/** A short YAML-like rendering of a template expression, for `Unknown.expr`. */
export function describe(node: TreeNode): string {
  return shorten(render(node, 0));
}

/**
 * The text a concatenation gives, with `${…}` where a part is not known, so the known shape stays
 * readable (and matchable): `arn:aws:iam::${AWS::AccountId}:root`.
 */
export function partialText(parts: Value[]): string {
  return shorten(parts.map(partText).join(''));
}

function partText(part: Value): string {
  if (isTextual(part)) return String(part);
  if (isUnknown(part)) return part.expr.startsWith('${') ? part.expr : `\${${part.expr}}`;
  if (isRef(part)) return `\${${part.attr === 'Ref' ? part.address : `${part.address}.${part.attr}`}}`;
  return '${…}';
}

function shorten(text: string): string {
  return text.length > EXPR_MAX ? `${text.slice(0, EXPR_MAX - 1)}…` : text;
}

function render(node: TreeNode, depth: number): string {
  if (depth > SHOWN_DEPTH) return '…';
  if (node.kind === 'scalar') return node.value === '' ? "''" : String(node.value);
  if (node.kind === 'seq')
    return `[${elide(
      node.items.slice(0, SHOWN_ITEMS).map((item) => render(item, depth + 1)),
      node.items.length,
    )}]`;
  const entries = [...node.entries.values()];
  const [only] = entries;
  const short = entries.length === 1 ? SHORT_FORM_OF_KEY[only.key] : undefined;
  if (short) return `${short} ${render(only.value, depth + 1)}`;
  const shown = entries.slice(0, SHOWN_ITEMS).map((entry) => `${entry.key}: ${render(entry.value, depth + 1)}`);
  return `{${elide(shown, entries.length)}}`;
}

function elide(shown: string[], total: number): string {
  const head = shown.join(', ');
  return total > SHOWN_ITEMS ? `${head}, …` : head;
}

/** Sets an own property even for keys like `__proto__`, which PR content may contain. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
