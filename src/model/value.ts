/** Constructors and guards for the symbolic values of `types.ts`. */
import { instanceSuffix } from './address.js';
import type { OneOf, Ref, Unknown, Value } from './types.js';

export function isUnknown(value: unknown): value is Unknown {
  return typeof value === 'object' && value !== null && (value as { $kind?: unknown }).$kind === 'unknown';
}
export function isRef(value: unknown): value is Ref {
  return typeof value === 'object' && value !== null && (value as { $kind?: unknown }).$kind === 'ref';
}
export function isOneOf(value: unknown): value is OneOf {
  return typeof value === 'object' && value !== null && (value as { $kind?: unknown }).$kind === 'oneOf';
}
export function isSymbolic(value: unknown): value is Unknown | Ref | OneOf {
  return isUnknown(value) || isRef(value) || isOneOf(value);
}
export function isRecord(value: unknown): value is { [key: string]: Value } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isSymbolic(value);
}

export function unknown(expr: string, reason: string, refs?: Ref[]): Unknown {
  return refs && refs.length > 0 ? { $kind: 'unknown', expr, reason, refs } : { $kind: 'unknown', expr, reason };
}

/** A value as a short text for messages: `aws_kms_key.main.arn`, `aws_kms_key.k["a"].arn`, `(unknown: var.x)`, the literal. */
export function describeValue(value: Value): string {
  if (isRef(value)) {
    const target = `${value.address}${value.instance === undefined ? '' : instanceSuffix(value.instance)}`;
    if (value.attr === 'Ref') return `!Ref ${target}`;
    return value.attr ? `${target}.${value.attr}` : target;
  }
  if (isUnknown(value)) return value.expr;
  if (isOneOf(value)) return value.options.map(describeValue).join(' | ');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The value when it is a plain boolean/number/string, else undefined. */
export function asBoolean(value: Value | undefined): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}
export function asNumber(value: Value | undefined): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}
