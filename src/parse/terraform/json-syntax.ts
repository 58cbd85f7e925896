/**
 * The JSON syntax of HCL (`.tf.json`, `.tfvars.json`) → the same `Body` as native syntax.
 * tree-sitter already read the JSON as an HCL object whose strings are templates (so `${…}` inside
 * them is parsed by the same machinery); this module only decides what is a block.
 *
 * JSON does not say whether `{…}` is a nested block or a map-valued attribute; Terraform decides by
 * provider schema. Without schemas: block labels come from the top-level block type's label count,
 * and inside resource-like bodies an object (or a list of objects) is a nested block unless its
 * name is a well-known map attribute.
 */
import type { Attribute, Block, Body, Expr, ExprOf, Lines } from './ast.js';

/** Number of labels each top-level block type takes in JSON syntax. */
const LABELS: Record<string, number> = {
  resource: 2,
  data: 2,
  module: 1,
  variable: 1,
  output: 1,
  provider: 1,
  locals: 0,
  terraform: 0,
  moved: 0,
  import: 0,
  check: 1,
};
/** Blocks whose body is only attributes (objects inside are values). */
const ATTRIBUTE_ONLY = new Set(['locals', 'variable', 'output', 'module', 'moved', 'import']);
/** Map-valued attributes of AWS resources that look like blocks in JSON. */
const MAP_ATTRIBUTES = new Set([
  'tags',
  'tags_all',
  'variables',
  'labels',
  'parameters',
  'triggers',
  'encryption_context_equals',
  'encryption_context_subset',
  'environment_variables',
  'context',
  'inputs',
  'policy',
  'assume_role_policy',
]);

type ObjectExpr = ExprOf<'object'>;

/** `tf` is false for `.tfvars.json`, whose top-level keys are all variable values. */
export function bodyFromJson(root: ObjectExpr, tf: boolean): Body {
  if (!tf) return { attributes: root.items.flatMap((item) => attributeOf(item)), blocks: [] };
  const body: Body = { attributes: [], blocks: [] };
  for (const item of root.items) {
    const type = keyName(item.key);
    if (type === undefined || type === '//') continue;
    body.blocks.push(...labelledBlocks(type, item.value, LABELS[type] ?? 0, []));
  }
  return body;
}

function labelledBlocks(type: string, value: Expr, labelsLeft: number, labels: string[]): Block[] {
  if (value.kind === 'tuple') return value.items.flatMap((item) => labelledBlocks(type, item, labelsLeft, labels));
  if (value.kind !== 'object') return [];
  if (labelsLeft > 0) {
    return value.items.flatMap((item) => {
      const label = keyName(item.key);
      return label === undefined ? [] : labelledBlocks(type, item.value, labelsLeft - 1, [...labels, label]);
    });
  }
  return [{ ...lines(value), type, labels, body: blockBody(value, ATTRIBUTE_ONLY.has(type)) }];
}

function blockBody(object: ObjectExpr, attributesOnly: boolean): Body {
  const body: Body = { attributes: [], blocks: [] };
  for (const item of object.items) {
    const name = keyName(item.key);
    if (name === undefined || name === '//') continue;
    if (!attributesOnly && isBlockValue(name, item.value)) body.blocks.push(...nestedBlocks(name, item.value));
    else body.attributes.push(...attributeOf(item));
  }
  return body;
}

function isBlockValue(name: string, value: Expr): boolean {
  if (MAP_ATTRIBUTES.has(name)) return false;
  if (value.kind === 'object') return true;
  return value.kind === 'tuple' && value.items.length > 0 && value.items.every((i) => i.kind === 'object');
}

function nestedBlocks(type: string, value: Expr): Block[] {
  const objects = value.kind === 'tuple' ? value.items : [value];
  return objects.flatMap((object) => {
    if (object.kind !== 'object') return [];
    // `dynamic` takes one label (the generated block's type) in JSON as in native syntax.
    if (type === 'dynamic') return labelledBlocks(type, object, 1, []);
    return [{ ...lines(object), type, labels: [], body: blockBody(object, false) }];
  });
}

function attributeOf(item: { key: Expr; value: Expr }): Attribute[] {
  const name = keyName(item.key);
  if (name === undefined) return [];
  return [{ startLine: item.key.startLine, endLine: item.value.endLine, name, expr: item.value }];
}

function lines(expr: Expr): Lines {
  return { startLine: expr.startLine, endLine: expr.endLine };
}

function keyName(key: Expr): string | undefined {
  if (key.kind === 'literal' && typeof key.value === 'string') return key.value;
  if (key.kind === 'template' && key.parts.every((p) => p.kind === 'text')) return key.parts.map((p) => (p.kind === 'text' ? p.value : '')).join('');
  return undefined;
}
