/**
 * The plan's `configuration` section: per resource, the expressions as written (`references`,
 * `constant_value`), which tell what an attribute that is "known after apply" refers to.
 */
import type { Ref, Value } from '../../model/types.js';
import { isRecord } from '../../model/value.js';

type JsonObject = { [key: string]: Value };

/** Instance keys in an address: `[0]`, `["a"]` (quoted keys may contain `]`). */
const INSTANCE_KEY = /\[(?:\d+|"(?:[^"\\]|\\.)*")\]/g;

/**
 * Expressions of every configured resource, keyed by the resource address with module instance
 * keys removed (`module.kms.aws_kms_key.this`): configuration is per declaration, not per instance.
 */
export function configuredExpressions(configuration: Value | undefined): Map<string, JsonObject> {
  const found = new Map<string, JsonObject>();
  if (!isRecord(configuration)) return found;
  const queue: { module: Value; prefix: string }[] = [{ module: configuration.root_module, prefix: '' }];
  for (let i = 0; i < queue.length; i++) {
    const { module, prefix } = queue[i];
    if (!isRecord(module)) continue;
    for (const resource of Array.isArray(module.resources) ? module.resources : []) {
      if (isRecord(resource) && typeof resource.address === 'string' && isRecord(resource.expressions)) {
        found.set(prefix + resource.address, resource.expressions);
      }
    }
    for (const [name, call] of Object.entries(isRecord(module.module_calls) ? module.module_calls : {})) {
      if (isRecord(call)) queue.push({ module: call.module, prefix: `${prefix}module.${name}.` });
    }
  }
  return found;
}

/** The configuration address of a resource instance: `module.a["x"].aws_s3_bucket.b[0]` → `module.a.aws_s3_bucket.b`. */
export function configAddress(moduleAddress: string | undefined, mode: string, type: string, name: string): string {
  const module = moduleAddress ? `${moduleAddress.replace(INSTANCE_KEY, '')}.` : '';
  return `${module}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
}

/** Namespaces that are not resources: their references do not name an object with attributes. */
const NOT_RESOURCES = new Set(['var', 'local', 'each', 'count', 'path', 'terraform', 'self']);
const RESOURCE_ATTRIBUTE = /^((?:data\.)?[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?)\.([A-Za-z0-9_-]+)/;
const MODULE_OUTPUT = /^(module\.[A-Za-z0-9_-]+(?:\[(?:\d+|"(?:[^"\\]|\\.)*")\])?)\.([A-Za-z0-9_-]+)/;

/**
 * A reference list that names exactly one object attribute (`["aws_kms_key.main.arn",
 * "aws_kms_key.main"]`: Terraform lists the traversal and its prefixes) → a `Ref`, qualified with
 * the module the expression lives in. Several distinct traversals (an interpolation of two
 * things) are not one value, so they give no `Ref`. The plan cannot tell `x.arn` from
 * `"${x.arn}/*"`: both list the same references.
 */
export function refFromReferences(references: Value[], unit: string, moduleAddress: string | undefined): Ref | undefined {
  const texts = references.filter((r): r is string => typeof r === 'string');
  const first = texts[0];
  if (first === undefined || !texts.every((text) => isTraversalPrefix(text, first))) return undefined;
  const match = MODULE_OUTPUT.exec(first) ?? RESOURCE_ATTRIBUTE.exec(first);
  if (!match || NOT_RESOURCES.has(first.split('.')[0])) return undefined;
  const module = moduleAddress ? `${moduleAddress}.` : '';
  return { $kind: 'ref', unit, address: module + match[1], attr: match[2] };
}

function isTraversalPrefix(prefix: string, traversal: string): boolean {
  return traversal === prefix || (traversal.startsWith(prefix) && '.['.includes(traversal[prefix.length]));
}

/** A leaf expression (`{references, constant_value}`) rather than a map of nested attributes. */
export function isLeafExpression(expression: Value | undefined): expression is JsonObject {
  return isRecord(expression) && ('references' in expression || 'constant_value' in expression);
}
