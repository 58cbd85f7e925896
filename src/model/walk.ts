/**
 * The one walk over a resource's (or module call's) attributes at any depth: into lists, objects and
 * the options of a choice, handing each leaf to a visitor with its dotted path without list indexes
 * (`rule.apply_server_side_encryption_by_default.kms_master_key_id`, as `valuesAtPath` names paths).
 * Used to find key references wherever they are written: the arguments of a module the tool cannot
 * read, and key-named attributes the consumer catalogue does not list.
 */
import type { OneOf, Value } from './types.js';
import { isOneOf, isRecord } from './value.js';

/** Levels walked below a top-level attribute: deeper values of hostile input are not read. */
export const MAX_WALK_DEPTH = 32;

export interface AttributeWalk {
  /** Names not walked into (settings of a call, free-form maps whose entries are the user's names); `top` for a top-level attribute. */
  skip?: (name: string, top: boolean) => boolean;
  /** Whether a choice is walked into, each option at the choice's path; otherwise the choice is one leaf. Default: always. */
  intoChoice?: (choice: OneOf) => boolean;
  /** Values visited at most, the attributes' own object included (every list, object and leaf counts); the walk stops there. */
  maxVisits?: number;
  /** Asked after each leaf: true stops the walk (enough found). */
  done?: () => boolean;
}

/**
 * A leaf: a scalar, an unknown, a reference, or a choice not walked into. `name` is the last segment
 * of `path`: the attribute that holds the value (a list's items included).
 */
export type LeafVisitor = (value: Value, path: string, name: string) => void;

export function walkAttributes(attrs: Record<string, Value>, leaf: LeafVisitor, options: AttributeWalk = {}): void {
  const { skip, intoChoice, maxVisits = Number.POSITIVE_INFINITY, done } = options;
  let visited = 1;
  let stopped = false;
  const walk = (value: Value, path: string, name: string, depth: number): void => {
    if (stopped || ++visited > maxVisits || depth > MAX_WALK_DEPTH) return;
    if (Array.isArray(value)) {
      for (const item of value) walk(item, path, name, depth + 1);
    } else if (isRecord(value)) {
      // for…in, not Object.entries: values are plain records, and every resource of a run is walked.
      for (const inner in value) if (!skip?.(inner, false)) walk(value[inner], `${path}.${inner}`, inner, depth + 1);
    } else if (isOneOf(value) && (intoChoice?.(value) ?? true)) {
      for (const option of value.options) walk(option, path, name, depth + 1);
    } else {
      leaf(value, path, name);
      stopped = done?.() ?? false;
    }
  };
  for (const name in attrs) if (!skip?.(name, true)) walk(attrs[name], name, name, 0);
}
