/**
 * A block body → attributes in the shape of `terraform show -json`: nested blocks are arrays of
 * objects under the block type, `dynamic "x"` blocks are expanded, and every attribute and block
 * gets its location by dotted path without list indexes.
 */
import { detached } from '../../model/strings.js';
import type { Location, Value } from '../../model/types.js';
import type { Body } from './ast.js';
import type { Evaluator } from './evaluate.js';
import { unknown } from './values.js';

export interface EvaluatedBody {
  attrs: Record<string, Value>;
  locations: Record<string, Location>;
}

export interface BodyOptions {
  file: string;
  /** Top-level attribute and block names that are meta-arguments, not resource attributes. */
  skip?: ReadonlySet<string>;
}

export function evaluateBody(body: Body, ev: Evaluator, options: BodyOptions): EvaluatedBody {
  const locations: Record<string, Location> = {};
  return { attrs: fill(locations, body, ev, options.file, undefined, options.skip), locations };
}

/** `prefix`: the path of the enclosing block; undefined at the top level. */
function fill(
  locations: Record<string, Location>,
  body: Body,
  ev: Evaluator,
  file: string,
  prefix: string | undefined,
  skip?: ReadonlySet<string>,
): Record<string, Value> {
  const attrs: Record<string, Value> = {};
  for (const attribute of body.attributes) {
    if (skip?.has(attribute.name)) continue;
    attrs[attribute.name] = ev.eval(attribute.expr);
    locations[prefix === undefined ? attribute.name : pathOf(prefix, attribute.name)] = { file, startLine: attribute.startLine, endLine: attribute.endLine };
  }
  // Block types whose list was made here (more blocks of the type append to it; an evaluated value is never changed).
  let made: Set<string> | undefined;
  for (const block of body.blocks) {
    if (skip?.has(block.type)) continue;
    const dynamic = block.type === 'dynamic';
    const type = dynamic ? (block.labels[0] ?? '') : block.type;
    const path = prefix === undefined ? type : pathOf(prefix, type);
    locations[path] ??= { file, startLine: block.startLine, endLine: block.endLine };
    const elements = dynamic ? expandDynamic(locations, block.body, type, ev, file, path) : [fill(locations, block.body, ev, file, path)];
    const existing = attrs[type];
    if (made?.has(type)) (existing as Value[]).push(...elements);
    else {
      attrs[type] = Array.isArray(existing) ? [...existing, ...elements] : elements;
      made ??= new Set();
      made.add(type);
    }
  }
  return attrs;
}

/**
 * Nested attribute paths (`rule.apply_server_side_encryption_by_default.kms_master_key_id`) repeat
 * in every resource of a type: each is made once, so every resource's locations share one string
 * that is already a property name, instead of a new rope to flatten, hash and look up each time.
 * Bounded, since PR content chooses the names.
 */
const PATHS = new Map<string, Map<string, string>>();
const MAX_PATHS = 10_000;
let pathCount = 0;

function pathOf(prefix: string, name: string): string {
  let named = PATHS.get(prefix);
  const known = named?.get(name);
  if (known !== undefined) return known;
  const path = `${prefix}.${name}`;
  if (pathCount >= MAX_PATHS) return path;
  if (!named) {
    named = new Map();
    PATHS.set(detached(prefix), named);
  }
  // Copies: a block label is a slice of its file's text, which the table must not keep alive.
  const kept = detached(path);
  named.set(detached(name), kept);
  pathCount++;
  return kept;
}

/**
 * `dynamic "label" { for_each = …; iterator = name; content { … } }`: one element per item when
 * the collection is static; otherwise one element evaluated with the iterator unknown.
 */
function expandDynamic(locations: Record<string, Location>, body: Body, label: string, ev: Evaluator, file: string, prefix: string): Record<string, Value>[] {
  const forEach = body.attributes.find((a) => a.name === 'for_each');
  const iteratorAttr = body.attributes.find((a) => a.name === 'iterator');
  const iterator = iteratorAttr?.expr.kind === 'variable' ? iteratorAttr.expr.name : label;
  const content = body.blocks.find((b) => b.type === 'content');
  if (!forEach || !content) return [];
  const iteration = ev.iterate(ev.eval(forEach.expr), forEach.expr.text);
  const pairs: [Value, Value][] =
    'pairs' in iteration
      ? iteration.pairs
      : [
          [
            unknown(`${iterator}.key`, `for_each ${forEach.expr.text} is not known statically`),
            unknown(`${iterator}.value`, `for_each ${forEach.expr.text} is not known statically`),
          ],
        ];
  return pairs.map(([key, value]) => fill(locations, content.body, ev.with({ [iterator]: { key, value } }), file, prefix));
}
