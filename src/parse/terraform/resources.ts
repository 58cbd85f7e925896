/**
 * Module instance → `Resource[]`: every `resource` and `data` block, module calls (followed into
 * local and catalog modules; opaque ones become a `module` resource whose inputs are its attrs),
 * and `moved` blocks (for the diff stage).
 */

import { instanceSuffix } from '../../model/address.js';
import { flat } from '../../model/strings.js';
import type { Location, Resource, Value } from '../../model/types.js';
import type { Block, Body, Expr } from './ast.js';
import { variablesRead } from './ast.js';
import { evaluateBody } from './body.js';
import { type EvaluatedBlock, META_ARGUMENTS, type ModuleInstance, passedProvider, staticStrings, traversalText } from './instance.js';
import { expansionOf } from './multiplicity.js';

/** Attributes a `module` resource keeps besides its inputs. */
const MODULE_META = new Set([...META_ARGUMENTS].filter((name) => name !== 'providers'));

export function resourcesOf(inst: ModuleInstance, out: Resource[]): void {
  for (const file of inst.source.files) {
    for (const block of file.body.blocks) {
      if (block.type === 'resource' || block.type === 'data') declared(inst, block, file.path, out);
      else if (block.type === 'module') moduleCall(inst, block, file.path, out);
      else if (block.type === 'moved') moved(inst, block, file.path, out);
    }
  }
}

function declared(inst: ModuleInstance, block: Block, file: string, out: Resource[]): void {
  const [type, name] = block.labels;
  if (!type || !name) return;
  const expansion = inst.expansion(block);
  if (expansion.absent) return;
  const mode = block.type === 'data' ? 'data' : 'managed';
  const address = `${inst.prefix}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
  const instances = mode === 'managed' && !inModuleWithMultiplicity(inst) ? expansion.instances : undefined;
  if (!instances) {
    const evaluated = inst.evaluated(block, file);
    // A data block's evaluation is also read as a policy document: its resource gets its own attributes.
    const attrs = mode === 'data' ? { ...evaluated.attrs } : evaluated.attrs;
    out.push(declaredResource(inst, { type, mode, address, block, file, evaluated, attrs }));
    return;
  }
  // Spelled-out instances are each evaluated with their own count.index / each; the block as a whole is not.
  for (const instance of instances) {
    const body = evaluateBody(block.body, inst.evaluator.with(instance.scope), { file, skip: META_ARGUMENTS });
    const one: EvaluatedBlock = { ...body, expansion: { absent: false, scope: instance.scope } };
    const resource = declaredResource(inst, {
      type,
      mode,
      address: `${address}${instanceSuffix(instance.key)}`,
      block,
      file,
      evaluated: one,
      attrs: body.attrs,
    });
    resource.multiplicity = { kind: expansion.multiplicity?.kind ?? 'for_each', keys: [instance.key] };
    out.push(resource);
  }
}

/** Resources of a module called with count/for_each stay one declaration marked as many. */
function inModuleWithMultiplicity(inst: ModuleInstance): boolean {
  for (let at: ModuleInstance | undefined = inst; at?.call; at = at.call.parent) if (at.call.expansion.multiplicity) return true;
  return false;
}

function declaredResource(inst: ModuleInstance, d: Declaration): Resource {
  const { type, mode, block, attrs } = d;
  if (mode === 'data' && type === 'aws_iam_policy_document') attrs.json = inst.policyDocument(block, d.file);
  const provider = block.body.attributes.find((a) => a.name === 'provider');
  const providerName = provider ? traversalText(provider.expr) : undefined;
  if (providerName) attrs.provider = providerName;
  const resource = build(inst, d);
  withProvider(inst, resource, providerName ?? type.split('_')[0]);
  const lifecycle = block.body.blocks.find((b) => b.type === 'lifecycle');
  const preventDestroy = lifecycle?.body.attributes.find((a) => a.name === 'prevent_destroy');
  if (preventDestroy && inst.evaluator.eval(preventDestroy.expr) === true) resource.protectedFromDeletion = true;
  return resource;
}

function moduleCall(inst: ModuleInstance, block: Block, file: string, out: Resource[]): void {
  const name = block.labels[0];
  if (!name) return;
  const child = inst.child(name);
  if (child.kind === 'instance') {
    resourcesOf(child.instance, out);
    return;
  }
  if (child.kind === 'absent') return;
  // Not followed: its inputs still tell which keys it consumes (kms_key_id, kms_key_arn…).
  const expansion = expansionOf(block.body, inst.evaluator);
  if (expansion.absent) return;
  const body = evaluateBody(block.body, inst.evaluator.with(expansion.scope), { file, skip: MODULE_META });
  const resource = build(inst, {
    type: 'module',
    mode: 'managed',
    address: `${inst.prefix}module.${name}`,
    block,
    file,
    evaluated: { attrs: body.attrs, locations: { ...argumentLocations(block.body, file), ...body.locations }, expansion },
    attrs: body.attrs,
  });
  // The module's resources are created with this module's `aws` provider, or the one it passes as `aws`.
  withProvider(inst, resource, passedProvider(block, 'aws'));
  out.push(resource);
}

const MAX_ARGUMENT_DEPTH = 32;

/**
 * Where each key inside an argument's object is written (`a.b.c`, list items without indexes, both
 * branches of a conditional, the arguments of `merge(…)` / `try(…)`): an opaque module's inputs are
 * read at any depth, and a key reference deep inside one points at its own line.
 */
function argumentLocations(body: Body, file: string): Record<string, Location> {
  const out: Record<string, Location> = {};
  const walk = (expr: Expr, path: string, depth: number): void => {
    if (depth > MAX_ARGUMENT_DEPTH) return;
    if (expr.kind === 'tuple' || expr.kind === 'call') for (const item of expr.kind === 'tuple' ? expr.items : expr.args) walk(item, path, depth + 1);
    else if (expr.kind === 'conditional') for (const branch of [expr.whenTrue, expr.whenFalse]) walk(branch, path, depth + 1);
    else if (expr.kind === 'object') {
      for (const { key, value } of expr.items) {
        const name = staticKey(key);
        if (name === undefined) continue;
        const at = `${path}.${name}`;
        out[at] ??= { file, startLine: key.startLine, endLine: value.endLine };
        walk(value, at, depth + 1);
      }
    }
  };
  for (const attribute of body.attributes) walk(attribute.expr, attribute.name, 0);
  return out;
}

/** `rule = …` and `"rule" = …`: the key's name; undefined for a computed key. */
function staticKey(key: Expr): string | undefined {
  if (key.kind === 'literal') return typeof key.value === 'string' ? key.value : undefined;
  if (key.kind === 'template' && key.parts.length === 1 && key.parts[0].kind === 'text') return key.parts[0].value;
  if (key.kind === 'template' && key.parts.length === 0) return '';
  return undefined;
}

/**
 * Settings of the provider configuration a resource of `inst` uses through its provider `local`
 * (`aws`, `aws.west`), followed up to the root module: its region, and its default tags on what it
 * creates (providers tag what they create, not what they read).
 */
function withProvider(inst: ModuleInstance, resource: Resource, local: string): void {
  const settings = inst.root.providerSettings(inst.providerKey(local));
  if (resource.mode === 'managed' && settings.defaultTags) resource.defaultTags = settings.defaultTags;
  if (settings.region) resource.region = settings.region;
}

function moved(inst: ModuleInstance, block: Block, file: string, out: Resource[]): void {
  const attrs: Record<string, Value> = {};
  const locations: Record<string, Location> = {};
  for (const attr of block.body.attributes) {
    if (attr.name !== 'from' && attr.name !== 'to') continue;
    // Addresses are written as traversals (`aws_kms_key.a[0]`): their source text is the address.
    attrs[attr.name] = `${inst.prefix}${attr.expr.text}`;
    locations[attr.name] = { file, startLine: attr.startLine, endLine: attr.endLine };
  }
  if (typeof attrs.from !== 'string' || typeof attrs.to !== 'string') return;
  const evaluated = { attrs, locations, expansion: { absent: false, scope: {} } };
  out.push(build(inst, { type: 'moved', mode: 'managed', address: `moved.${attrs.from}`, block, file, evaluated, attrs }));
}

interface Declaration {
  type: string;
  mode: 'managed' | 'data';
  address: string;
  block: Block;
  file: string;
  evaluated: EvaluatedBlock;
  attrs: Record<string, Value>;
}

function build(inst: ModuleInstance, d: Declaration): Resource {
  const placed = placement(inst, d);
  const address = flat(d.address);
  const resource: Resource = {
    id: flat(`${inst.ctx.unit}:${address}`),
    source: 'terraform',
    type: d.type,
    mode: d.mode,
    address,
    unit: inst.ctx.unit,
    attrs: d.attrs,
    tags: staticStrings(d.attrs.tags),
    location: placed.location,
    attrLocations: placed.attrLocations,
  };
  const expansion = inheritedExpansion(inst, d.evaluated);
  if (expansion.multiplicity) resource.multiplicity = expansion.multiplicity;
  if (expansion.conditional) resource.conditional = expansion.conditional;
  if (inst.source.registry && inst.call) resource.displayName = `${inst.prefix.slice(0, -1)} (${inst.source.registry.source})`;
  return resource;
}

/** A resource inside a module called with count/for_each is as many as the call says. */
function inheritedExpansion(inst: ModuleInstance, own: EvaluatedBlock): { multiplicity?: Resource['multiplicity']; conditional?: string } {
  if (own.expansion.multiplicity) return own.expansion;
  for (let at: ModuleInstance | undefined = inst; at?.call; at = at.call.parent) {
    if (at.call.expansion.multiplicity) return at.call.expansion;
  }
  return {};
}

/**
 * Where a resource is written. Catalog modules have no files in the repo, so their resources point
 * at the module call written in the repo (through a catalog module's own calls), and each attribute
 * at the input it comes from (`enable_key_rotation = false` in the call; for a nested block, the
 * input its `for_each` or attributes read, down to the key inside an object input), or at the call
 * when it comes from a default.
 */
function placement(inst: ModuleInstance, d: Declaration): { location: Location; attrLocations: Record<string, Location> } {
  const written = writtenCall(inst);
  if (!written) {
    return { location: { file: d.file, startLine: d.block.startLine, endLine: d.block.endLine }, attrLocations: d.evaluated.locations };
  }
  const callLocation = { file: written.file, startLine: written.block.startLine, endLine: written.block.endLine };
  const attrLocations: Record<string, Location> = {};
  for (const path of Object.keys(d.evaluated.locations))
    attrLocations[path] = inputLocation(inst, byName(inputsRead(d.block.body, path), path), path) ?? callLocation;
  return { location: callLocation, attrLocations };
}

/** The call in the repo's own files that a catalog module's instance comes from, through catalog modules calling catalog modules. */
function writtenCall(inst: ModuleInstance): ModuleInstance['call'] {
  if (!inst.source.registry) return undefined;
  let call = inst.call;
  while (call?.parent.source.registry && call.parent.call) call = call.parent.call;
  return call;
}

/**
 * Inputs named like the attribute first (`performance_insights_kms_key_id` in
 * `var.performance_insights_enabled ? var.performance_insights_kms_key_id : null`), then those that
 * end like it (`cloudwatch_log_group_kms_key_id` for `kms_key_id`), then the rest as read.
 */
function byName(inputs: string[], path: string): string[] {
  const leaf = path.slice(path.lastIndexOf('.') + 1);
  const rank = (input: string) => (input === leaf ? 0 : input.endsWith(`_${leaf}`) ? 1 : 2);
  return [...inputs].sort((a, b) => rank(a) - rank(b));
}

/** The `var.x` read by the attribute, or the nested block, that a dotted path starts with. */
function inputsRead(body: Body, path: string): string[] {
  const first = path.split('.')[0];
  const attribute = body.attributes.find((a) => a.name === first);
  if (attribute) return variablesRead(attribute.expr);
  const blocks = body.blocks.filter((b) => b.type === first || (b.type === 'dynamic' && b.labels[0] === first));
  const names: string[] = [];
  const bodies = blocks.map((b) => b.body);
  while (bodies.length > 0) {
    const current = bodies.pop() as Body;
    for (const a of current.attributes) names.push(...variablesRead(a.expr));
    bodies.push(...current.blocks.map((b) => b.body));
  }
  return names;
}

/**
 * Where the call of `inst` writes one of these inputs: the key of the object input that the path
 * ends with (`server_side_encryption_configuration.rule.…kms_master_key_id`), else the input's line;
 * followed outwards while the call is itself inside a catalog module.
 */
function inputLocation(inst: ModuleInstance, inputs: readonly string[], path: string): Location | undefined {
  const call = inst.call;
  if (!call) return undefined;
  for (const input of inputs) {
    const attr = call.block.body.attributes.find((a) => a.name === input);
    if (!attr) continue;
    if (call.parent.source.registry) {
      const outer = inputLocation(call.parent, variablesRead(attr.expr), path);
      if (outer) return outer;
      continue;
    }
    const nested = argumentLocations({ attributes: [attr], blocks: [] }, call.file);
    const steps = path.split('.');
    for (let i = 0; i < steps.length; i++) {
      const hit = nested[`${input}.${steps.slice(i).join('.')}`];
      if (hit) return hit;
    }
    return { file: call.file, startLine: attr.startLine, endLine: attr.endLine };
  }
  return undefined;
}
