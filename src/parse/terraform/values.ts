/** Helpers over `Value`: telling symbolic values apart, building unknowns, collecting refs. */
import type { OneOf, Ref, Unknown, Value } from '../../model/types.js';
import { isOneOf, isRecord, isRef, isSymbolic, isUnknown, unknown as makeUnknown } from '../../model/value.js';

export type ObjectValue = { [key: string]: Value };
export type Symbolic = Unknown | Ref | OneOf;

export { isOneOf, isRef, isSymbolic, isUnknown } from '../../model/value.js';

const isObjectValue = isRecord;

export { isObjectValue };

/**
 * Unknowns that stand for an evaluation *error* (a missing attribute, a bad argument), as opposed to
 * a value that is merely not known statically. `try`/`can` need the difference; a WeakSet keeps it
 * out of the serialised value.
 */
const errors = new WeakSet<Unknown>();

export function unknown(expr: string, reason: string, refs: Ref[] = []): Unknown {
  return makeUnknown(expr, reason, dedupeRefs(refs));
}
export function errorValue(expr: string, reason: string): Unknown {
  const value = unknown(expr, reason);
  errors.add(value);
  return value;
}
export function isError(value: Value): boolean {
  return isUnknown(value) && errors.has(value);
}

/** Lists made by `toset()`: iterating a set gives each element as both key and value. */
const sets = new WeakSet<Value[]>();

export function asSet(items: Value[]): Value[] {
  sets.add(items);
  return items;
}
export function isSet(value: Value): boolean {
  return Array.isArray(value) && sets.has(value);
}

/** Every Ref reachable in a value (including those remembered by unknowns), bounded by `limit`. */
export function refsIn(value: Value, limit = 50): Ref[] {
  const found: Ref[] = [];
  const stack: Value[] = [value];
  let visited = 0;
  while (stack.length > 0 && found.length < limit && visited++ < 10_000) {
    const v = stack.pop() as Value;
    if (isRef(v)) found.push(v);
    else if (isUnknown(v)) found.push(...(v.refs ?? []));
    else if (isOneOf(v)) stack.push(...v.options);
    else if (Array.isArray(v)) stack.push(...v);
    else if (isObjectValue(v)) stack.push(...Object.values(v));
  }
  return dedupeRefs(found);
}

function dedupeRefs(refs: Ref[]): Ref[] {
  const seen = new Map<string, Ref>();
  for (const ref of refs) seen.set(`${ref.unit}|${ref.address}|${ref.attr}`, ref);
  return [...seen.values()];
}

/** Unknown derived from some inputs: keeps every ref the inputs carry. */
export function unknownFrom(expr: string, reason: string, inputs: Value[]): Unknown {
  return unknown(
    expr,
    reason,
    inputs.flatMap((v) => refsIn(v)),
  );
}

/** True when nothing symbolic is inside (so the value can become JSON text). */
export function isFullyKnown(value: Value): boolean {
  const stack: Value[] = [value];
  while (stack.length > 0) {
    const v = stack.pop() as Value;
    if (isSymbolic(v)) return false;
    if (Array.isArray(v)) stack.push(...v);
    else if (isObjectValue(v)) stack.push(...Object.values(v));
  }
  return true;
}

/** The first symbolic value among `values`, if any. */
export function firstSymbolic(values: Value[]): Symbolic | undefined {
  return values.find(isSymbolic) as Symbolic | undefined;
}

export function oneOf(options: Value[], reason: string): Value {
  const flat: Value[] = [];
  for (const option of options) {
    for (const o of isOneOf(option) ? option.options : [option]) {
      if (!flat.some((f) => sameValue(f, o))) flat.push(o);
    }
  }
  return flat.length === 1 ? flat[0] : { $kind: 'oneOf', options: flat, reason };
}

export function sameValue(a: Value, b: Value): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** HCL's string conversion of a known primitive; undefined for anything else. */
export function asString(value: Value): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function typeName(value: Value): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (isSymbolic(value)) return value.$kind;
  return typeof value === 'object' ? 'object' : typeof value;
}
