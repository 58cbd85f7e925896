/**
 * `change.after` omits values that are "known after apply"; `after_unknown` mirrors its shape with
 * `true` at those leaves. This puts them back as `Ref` (when the configuration says the value is
 * one object's attribute) or `Unknown`.
 */
import type { Value } from '../../model/types.js';
import { isRecord, unknown } from '../../model/value.js';
import { isLeafExpression, refFromReferences } from './configuration.js';

export interface UnknownContext {
  unit: string;
  /** Instance address of the resource, for messages. */
  address: string;
  /** Module instance address the resource lives in (`module.kms`), to qualify references. */
  moduleAddress: string | undefined;
}

const REASON = 'known after apply';

/**
 * `value` with every `true` leaf of `mask` replaced. `expression` is the configuration at the same
 * place: nested blocks are lists of expression maps; a leaf expression covers everything below it.
 * Containers are copied only where something changes, so unchanged subtrees are shared.
 */
export function withUnknowns(
  value: Value | undefined,
  mask: Value | undefined,
  expression: Value | undefined,
  path: (string | number)[],
  context: UnknownContext,
): Value | undefined {
  if (mask === true) return unknownAt(expression, path, context);
  if (!Array.isArray(mask) && !isRecord(mask)) return value;
  const copy: Value = Array.isArray(mask) ? (Array.isArray(value) ? [...value] : []) : isRecord(value) ? { ...value } : {};
  const slots = copy as Record<string | number, Value | undefined>;
  let changed = false;
  for (const [key, childMask] of Object.entries(mask)) {
    const slot = Array.isArray(mask) ? Number(key) : key;
    const next = withUnknowns(slots[slot], childMask, childExpression(expression, slot), [...path, slot], context);
    if (next !== slots[slot] && next !== undefined) {
      slots[slot] = next;
      changed = true;
    }
  }
  return changed ? copy : value;
}

function childExpression(expression: Value | undefined, slot: string | number): Value | undefined {
  if (isLeafExpression(expression)) return expression;
  if (typeof slot === 'number') return Array.isArray(expression) ? expression[slot] : undefined;
  return isRecord(expression) ? expression[slot] : undefined;
}

function unknownAt(expression: Value | undefined, path: (string | number)[], context: UnknownContext): Value {
  const references = isLeafExpression(expression) && Array.isArray(expression.references) ? expression.references : [];
  const ref = refFromReferences(references, context.unit, context.moduleAddress);
  if (ref) return ref;
  const attribute = path.filter((part) => typeof part === 'string').join('.');
  const first = references.find((reference) => typeof reference === 'string');
  // Several traversals (an interpolation): no single Ref, but what the value depends on is kept.
  const refs = references.flatMap((reference) => refFromReferences([reference], context.unit, context.moduleAddress) ?? []);
  return unknown(typeof first === 'string' ? first : `${context.address}.${attribute}`, REASON, refs);
}
