/**
 * `count` / `for_each` of a resource, data source or module call: one declaration marked as many.
 * Attributes are evaluated once, with `count.index` / `each.key` / `each.value` bound to the one
 * value when there is one instance, to the set of possible values (OneOf) when there are a few
 * static ones, and to Unknown otherwise.
 */
import type { Multiplicity, Value } from '../../model/types.js';
import type { Body } from './ast.js';
import type { Evaluator } from './evaluate.js';
import { isObjectValue, isOneOf, oneOf, unknown } from './values.js';

export interface Expansion {
  /** `count = 0`, `for_each = {}`: nothing is created. */
  absent: boolean;
  multiplicity?: Multiplicity;
  /** Set when the object may not exist: `count = var.create ? 1 : 0`, a count not known statically. */
  conditional?: string;
  /** Names bound while evaluating the body: `count` or `each`. */
  scope: Record<string, Value>;
  /**
   * The instances one by one, when their keys are static and few: each is evaluated on its own
   * (`aws_kms_key.workload["orders"]`), so per-instance values (tags, names) stay paired.
   */
  instances?: { key: string | number; scope: Record<string, Value> }[];
}

/** Instance values are spelled out as OneOf up to this many; beyond, they are Unknown. */
const MAX_SPELLED_OUT = 50;
/** Static instance keys kept on the resource. */
const MAX_KEYS = 1_000;

export function expansionOf(body: Body, ev: Evaluator): Expansion {
  const count = body.attributes.find((a) => a.name === 'count');
  const forEach = body.attributes.find((a) => a.name === 'for_each');
  if (count) return countExpansion(ev.eval(count.expr), `count = ${count.expr.text}`);
  if (forEach) return forEachExpansion(ev.eval(forEach.expr), `for_each = ${forEach.expr.text}`);
  return { absent: false, scope: {} };
}

function countExpansion(value: Value, text: string): Expansion {
  const options = isOneOf(value) ? value.options : [value];
  const numbers = options.filter((o): o is number => typeof o === 'number');
  if (numbers.length === options.length && numbers.length > 0) {
    const max = Math.max(...numbers);
    if (max <= 0) return { absent: true, scope: {} };
    const indexes = Array.from({ length: Math.min(max, MAX_SPELLED_OUT) }, (_, i) => i);
    const index = max <= MAX_SPELLED_OUT ? oneOf(indexes, text) : unknown('count.index', `${text} has ${max} instances`);
    if (numbers.length === 1) {
      return {
        absent: false,
        multiplicity: { kind: 'count', keys: Array.from({ length: Math.min(max, MAX_KEYS) }, (_, i) => i) },
        scope: { count: { index } },
        ...(max <= MAX_SPELLED_OUT ? { instances: indexes.map((i) => ({ key: i, scope: { count: { index: i } } })) } : {}),
      };
    }
    return { absent: false, multiplicity: { kind: 'count' }, conditional: numbers.includes(0) ? text : undefined, scope: { count: { index } } };
  }
  return {
    absent: false,
    multiplicity: { kind: 'count' },
    conditional: text,
    scope: { count: { index: unknown('count.index', `${text} is not known statically`) } },
  };
}

function forEachExpansion(value: Value, text: string): Expansion {
  const pairs = staticPairs(value);
  if (!pairs) {
    const why = `${text} is not known statically`;
    return {
      absent: false,
      multiplicity: { kind: 'for_each' },
      conditional: text,
      scope: { each: { key: unknown('each.key', why), value: unknown('each.value', why) } },
    };
  }
  if (pairs.length === 0) return { absent: true, scope: {} };
  const spelled = pairs.length <= MAX_SPELLED_OUT;
  const why = `${text} has ${pairs.length} instances`;
  return {
    absent: false,
    multiplicity: { kind: 'for_each', keys: pairs.slice(0, MAX_KEYS).map(([k]) => k) },
    scope: {
      each: {
        key: spelled
          ? oneOf(
              pairs.map(([k]) => k),
              text,
            )
          : unknown('each.key', why),
        value: spelled
          ? oneOf(
              pairs.map(([, v]) => v),
              text,
            )
          : unknown('each.value', why),
      },
    },
    ...(spelled ? { instances: pairs.map(([key, value]) => ({ key, scope: { each: { key, value } } })) } : {}),
  };
}

/** for_each over a map uses its keys; over a set of strings, each string is key and value. */
function staticPairs(value: Value): [string, Value][] | undefined {
  if (isObjectValue(value)) return Object.entries(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return (value as string[]).map((v) => [v, v]);
  return undefined;
}
