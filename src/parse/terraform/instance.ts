/**
 * One module instance in one unit: the root module, a local module call, or a registry module from
 * the catalog. It resolves names for the evaluator (var, local, path, terraform.workspace, module
 * outputs, resources and data sources) lazily and cycle-safely, and caches what it evaluates.
 */

import { type RegistryModule, registryModuleFor } from '../../catalog/modules.js';
import { instanceSuffix } from '../../model/address.js';
import type { Limits } from '../../model/source.js';
import { problem } from '../../model/source.js';
import { flat } from '../../model/strings.js';
import type { Location, Problem, Value } from '../../model/types.js';
import { policyJsonFromDocument } from '../policy/iam-policy-document.js';
import type { Attribute, Block, Expr, Step } from './ast.js';
import { traversalOf } from './ast.js';
import { type EvaluatedBody, evaluateBody } from './body.js';
import type { EvalHost, Resolver } from './evaluate.js';
import { Evaluator } from './evaluate.js';
import { type Expansion, expansionOf } from './multiplicity.js';
import { joinPath, relativePath } from './paths.js';
import type { ParsedFile } from './syntax.js';
import { errorValue, isObjectValue, unknown } from './values.js';

/** Everything one unit (a root instance) shares: budget, files read, problems, parsed modules. */
export interface UnitContext {
  unit: string;
  rootDir: string;
  host: EvalHost;
  workspace: Value;
  limits: Limits;
  problems: Problem[];
  /** Files that make up the unit (UnitInfo.files). */
  files: Set<string>;
  /** Parsed `.tf` / `.tf.json` files of a folder, if it has any. */
  moduleFiles(dir: string): ParsedFile[] | undefined;
  /** The catalog module's reduced HCL, parsed once per run. */
  registryFiles(module: RegistryModule): ParsedFile[];
}

export interface ModuleSource {
  dir: string;
  files: ParsedFile[];
  /** Set for a catalog module: its resources are located at the module call. */
  registry?: { source: string };
}

/** How an instance was called; absent for the root module. */
export interface CallSite {
  name: string;
  block: Block;
  file: string;
  parent: ModuleInstance;
  expansion: Expansion;
}

export type Child = { kind: 'instance'; instance: ModuleInstance } | { kind: 'opaque'; source: string } | { kind: 'absent' };

/** Meta-arguments of resource and module blocks: not attributes of the object. */
export const META_ARGUMENTS: ReadonlySet<string> = new Set([
  'count',
  'for_each',
  'depends_on',
  'lifecycle',
  'provider',
  'providers',
  'provisioner',
  'connection',
]);
const MAX_MODULE_DEPTH = 16;
const LOCAL_SOURCE = /^\.\.?\//;
const POLICY_DOCUMENT_ATTRS = new Set(['json', 'minified_json']);

export interface EvaluatedBlock extends EvaluatedBody {
  expansion: Expansion;
}

type Pending = { pending: true };
const PENDING: Pending = { pending: true };

export class ModuleInstance implements Resolver {
  readonly prefix: string;
  readonly fileBases: string[];
  readonly evaluator: Evaluator;
  private readonly variables = new Map<string, Block>();
  private readonly locals = new Map<string, Attribute>();
  private readonly outputs = new Map<string, Attribute>();
  private readonly moduleCalls = new Map<string, { block: Block; file: string }>();
  private readonly dataBlocks = new Map<string, { block: Block; file: string }>();
  private readonly cache = new Map<string, Value | Pending>();
  private readonly evaluatedBlocks = new Map<Block, EvaluatedBlock | Pending>();
  private readonly expansions = new Map<Block, Expansion | Pending>();
  /** Policy documents of one instance of a data block, by instance key. */
  private readonly instanceDocuments = new Map<Block, Map<string, Value | Pending>>();
  private readonly children = new Map<string, Child>();
  /** Addresses refs point at, by mode (`` or `data.`), type and name: many refs name one resource. */
  private readonly refAddresses = new Map<string, Map<string, Map<string, string>>>();

  constructor(
    readonly ctx: UnitContext,
    readonly source: ModuleSource,
    /** Input values by variable name (tfvars for a root, call arguments for a child). */
    private readonly inputs: (name: string) => Value | undefined,
    readonly call?: CallSite,
  ) {
    this.prefix = call ? `${call.parent.prefix}module.${call.name}.` : '';
    // Terraform reads relative paths from the root; people also write them relative to the module.
    this.fileBases = source.registry ? [] : [ctx.rootDir, source.dir];
    this.evaluator = new Evaluator(this, ctx.host);
    for (const file of source.files) {
      if (!source.registry) ctx.files.add(file.path);
      for (const block of file.body.blocks) this.index(block, file.path);
    }
  }

  private index(block: Block, file: string): void {
    const [first, second] = block.labels;
    if (block.type === 'variable' && first) this.variables.set(first, block);
    else if (block.type === 'output' && first) {
      const value = block.body.attributes.find((a) => a.name === 'value');
      if (value) this.outputs.set(first, value);
    } else if (block.type === 'locals') for (const attr of block.body.attributes) this.locals.set(attr.name, attr);
    else if (block.type === 'module' && first) this.moduleCalls.set(first, { block, file });
    else if (block.type === 'data' && first && second) this.dataBlocks.set(`${first}.${second}`, { block, file });
  }

  location(span: { startLine: number; endLine: number }, file: string): Location {
    return { file, startLine: span.startLine, endLine: span.endLine };
  }

  /** How many module calls deep this instance is (0 for the root). */
  get depth(): number {
    return this.call ? this.call.parent.depth + 1 : 0;
  }

  resolve(root: string, steps: Step[], expr: Expr, ev: Evaluator): { value: Value; used: number } | undefined {
    const first = attrOf(steps[0]);
    switch (root) {
      case 'var':
        return first === undefined ? undefined : { value: this.variable(first), used: 1 };
      case 'local':
        return first === undefined ? undefined : { value: this.local(first, expr), used: 1 };
      case 'path':
        return first === undefined ? undefined : { value: this.pathValue(first, expr), used: 1 };
      case 'terraform':
        return first === 'workspace' ? { value: this.ctx.workspace, used: 1 } : undefined;
      case 'module':
        return first === undefined ? undefined : this.moduleOutput(first, steps, expr);
      case 'data':
        return this.objectRef('data.', attrOf(steps[0]), steps.slice(1), 1, ev);
      case 'count':
      case 'each':
      case 'self':
        return undefined;
      default:
        return this.objectRef('', root, steps, 0, ev);
    }
  }

  /**
   * `type.name.attr` → Ref to `type.name`, or a policy document's JSON. With an index
   * (`type.name[key].attr`) only `type.name` is consumed: the evaluator applies the index (keeping the
   * instance on the Ref) and then the attribute. A policy document's index is evaluated here, in the
   * caller's scope (`[each.key]` of the resource instance), to pick that instance's document.
   */
  private objectRef(mode: string, type: string | undefined, steps: Step[], offset: number, ev: Evaluator): { value: Value; used: number } | undefined {
    const name = attrOf(steps[0]);
    if (type === undefined || name === undefined) return undefined;
    const address = this.refAddress(mode, type, name);
    const index = steps[1] !== undefined && 'index' in steps[1] ? steps[1].index : undefined;
    const attrAt = index ? 2 : 1;
    const attr = attrOf(steps[attrAt]);
    const data =
      mode === 'data.' && type === 'aws_iam_policy_document' && POLICY_DOCUMENT_ATTRS.has(attr ?? '') ? this.dataBlocks.get(`${type}.${name}`) : undefined;
    if (data) {
      const document = index ? this.policyDocument(data.block, data.file, ev.eval(index)) : this.policyDocument(data.block, data.file);
      return { value: document, used: attrAt + 1 + offset };
    }
    if (index) return { value: { $kind: 'ref', unit: this.ctx.unit, address, attr: '' }, used: 1 + offset };
    return { value: { $kind: 'ref', unit: this.ctx.unit, address, attr: attr ?? '' }, used: (attr === undefined ? 1 : 2) + offset };
  }

  private pathValue(name: string, expr: Expr): Value {
    if (name === 'module') return this.source.registry ? '.' : relativePath(this.ctx.rootDir, this.source.dir);
    if (name === 'root' || name === 'cwd') return '.';
    return errorValue(expr.text, `no attribute path.${name}`);
  }

  private memo(key: string, compute: () => Value, cycle: () => Value): Value {
    const hit = this.cache.get(key);
    if (hit === PENDING) return cycle();
    if (hit !== undefined) return hit as Value;
    this.cache.set(key, PENDING);
    const value = compute();
    this.cache.set(key, value);
    return value;
  }

  variable(name: string): Value {
    return this.memo(
      `var.${name}`,
      () => {
        const given = this.inputs(name);
        if (given !== undefined) return given;
        const block = this.variables.get(name);
        if (!block) return unknown(`var.${name}`, `variable ${name} is not declared`);
        const fallback = block.body.attributes.find((a) => a.name === 'default');
        return fallback ? this.evaluator.eval(fallback.expr) : unknown(`var.${name}`, `variable ${name} has no default`);
      },
      () => unknown(`var.${name}`, `variable ${name} refers to itself`),
    );
  }

  private local(name: string, expr: Expr): Value {
    const attr = this.locals.get(name);
    if (!attr) return errorValue(expr.text, `local.${name} is not declared`);
    return this.memo(
      `local.${name}`,
      () => this.evaluator.eval(attr.expr),
      () => unknown(`local.${name}`, `local.${name} refers to itself`),
    );
  }

  output(name: string): Value {
    const attr = this.outputs.get(name);
    if (!attr) return errorValue(`${this.prefix}${name}`, `module has no output ${name}`);
    return this.memo(
      `output.${name}`,
      () => this.evaluator.eval(attr.expr),
      () => unknown(`${this.prefix}${name}`, `output ${name} refers to itself`),
    );
  }

  private moduleOutput(name: string, steps: Step[], expr: Expr): { value: Value; used: number } {
    let used = 1;
    if (steps[used] && 'index' in steps[used]) used++;
    const output = attrOf(steps[used]);
    if (output === undefined) return { value: unknown(expr.text, `whole module ${name} is not evaluated`), used };
    used++;
    const child = this.child(name);
    if (child.kind === 'instance') return { value: child.instance.output(output), used };
    if (child.kind === 'absent') return { value: errorValue(expr.text, `module ${name} creates no instance`), used };
    return { value: { $kind: 'ref', unit: this.ctx.unit, address: flat(`${this.prefix}module.${name}`), attr: output }, used };
  }

  /**
   * `<prefix><mode><type>.<name>`, made once per resource named: refs are kept in resources'
   * attributes to the end, so each is one flat string shared by every ref to it, not a rope per join.
   */
  private refAddress(mode: string, type: string, name: string): string {
    let byType = this.refAddresses.get(mode);
    if (!byType) {
      byType = new Map();
      this.refAddresses.set(mode, byType);
    }
    let byName = byType.get(type);
    if (!byName) {
      byName = new Map();
      byType.set(type, byName);
    }
    let address = byName.get(name);
    if (address === undefined) {
      address = flat(`${this.prefix}${mode}${type}.${name}`);
      byName.set(name, address);
    }
    return address;
  }

  moduleCallNames(): string[] {
    return [...this.moduleCalls.keys()];
  }

  /** The module a call points at: a local folder, a catalog module, or something opaque. */
  child(name: string): Child {
    const cached = this.children.get(name);
    if (cached) return cached;
    const call = this.moduleCalls.get(name);
    const child: Child = call ? this.createChild(name, call.block, call.file) : { kind: 'absent' };
    this.children.set(name, child);
    return child;
  }

  private createChild(name: string, block: Block, file: string): Child {
    const sourceAttr = block.body.attributes.find((a) => a.name === 'source');
    const source = sourceAttr ? this.evaluator.eval(sourceAttr.expr) : undefined;
    if (typeof source !== 'string') return { kind: 'opaque', source: sourceAttr?.expr.text ?? '' };
    const expansion = expansionOf(block.body, this.evaluator);
    if (expansion.absent) return { kind: 'absent' };
    const moduleSource = this.moduleSource(source, block, file);
    if (!moduleSource) return { kind: 'opaque', source };
    const site: CallSite = { name, block, file, parent: this, expansion };
    const scope = this.evaluator.with(expansion.scope);
    const argument = (input: string): Value | undefined => {
      const attr = block.body.attributes.find((a) => a.name === input && !META_ARGUMENTS.has(a.name) && a.name !== 'source' && a.name !== 'version');
      return attr ? scope.eval(attr.expr) : undefined;
    };
    return { kind: 'instance', instance: new ModuleInstance(this.ctx, moduleSource, argument, site) };
  }

  private moduleSource(source: string, block: Block, file: string): ModuleSource | undefined {
    if (LOCAL_SOURCE.test(source) && !this.source.registry) {
      const dir = joinPath(this.source.dir, source);
      const where = this.location(block, file);
      if (this.depth >= MAX_MODULE_DEPTH || this.calledFrom(dir)) {
        this.ctx.problems.push(problem(`module ${source} calls itself or nests deeper than ${MAX_MODULE_DEPTH}; not followed`, where));
        return undefined;
      }
      const files = this.ctx.moduleFiles(dir);
      if (!files) {
        this.ctx.problems.push(problem(`module source ${source} (${dir}) has no Terraform files in the scanned tree`, where));
        return undefined;
      }
      return { dir, files };
    }
    const registry = registryModuleFor(source);
    return registry ? { dir: this.source.dir, files: this.ctx.registryFiles(registry), registry: { source: registry.source } } : undefined;
  }

  private calledFrom(dir: string): boolean {
    for (let at: ModuleInstance | undefined = this; at; at = at.call?.parent) if (at.source.dir === dir && !at.source.registry) return true;
    return false;
  }

  /** A resource / data block evaluated once (its count/for_each scope bound), cached and cycle-safe. */
  evaluated(block: Block, file: string): EvaluatedBlock {
    const hit = this.evaluatedBlocks.get(block);
    if (hit && !('pending' in hit)) return hit;
    // Only policy documents are evaluated on reference, and they guard their own cycles.
    if (hit) return { attrs: {}, locations: {}, expansion: { absent: false, scope: {} } };
    this.evaluatedBlocks.set(block, PENDING);
    const expansion = this.expansion(block);
    const body = evaluateBody(block.body, this.evaluator.with(expansion.scope), { file, skip: META_ARGUMENTS });
    const result = { ...body, expansion };
    this.evaluatedBlocks.set(block, result);
    return result;
  }

  /** count/for_each of a resource / data block, evaluated once (cycle-safe: a block counted by itself has one instance). */
  expansion(block: Block): Expansion {
    const hit = this.expansions.get(block);
    if (hit && !('pending' in hit)) return hit;
    if (hit) return { absent: false, scope: {} };
    this.expansions.set(block, PENDING);
    const expansion = expansionOf(block.body, this.evaluator);
    this.expansions.set(block, expansion);
    return expansion;
  }

  /**
   * The policy JSON of `data "aws_iam_policy_document"` as a Value (refs and unknowns kept inside).
   * Without `key`, the block's one evaluation (count.index / each bound to all instances, like any
   * declaration marked as many); with a static key, the document of that instance (`[each.key]`,
   * `[0]`), evaluated with its own count.index / each value.
   */
  policyDocument(block: Block, file: string, key?: Value): Value {
    const where = `data.aws_iam_policy_document.${block.labels[1]}`;
    const instances = key === undefined ? undefined : this.expansion(block).instances;
    // A key not known statically (or one of several), or instances not spelled out: the document of all instances.
    if (instances && (typeof key === 'string' || typeof key === 'number')) {
      const instance = instances.find((i) => String(i.key) === String(key));
      if (!instance) return errorValue(`${where}${instanceSuffix(key)}.json`, `no instance ${instanceSuffix(key)} of ${where}`);
      return this.instanceDocument(block, file, instance);
    }
    const hit = this.evaluatedBlocks.get(block);
    if (hit && 'pending' in hit) return unknown(`${where}.json`, 'policy document refers to itself');
    return documentJson(this.evaluated(block, file).attrs);
  }

  private instanceDocument(block: Block, file: string, instance: { key: string | number; scope: Record<string, Value> }): Value {
    let documents = this.instanceDocuments.get(block);
    if (!documents) {
      documents = new Map();
      this.instanceDocuments.set(block, documents);
    }
    const key = String(instance.key);
    const hit = documents.get(key);
    if (hit === PENDING)
      return unknown(`data.aws_iam_policy_document.${block.labels[1]}${instanceSuffix(instance.key)}.json`, 'policy document refers to itself');
    if (hit !== undefined) return hit as Value;
    documents.set(key, PENDING);
    const body = evaluateBody(block.body, this.evaluator.with(instance.scope), { file, skip: META_ARGUMENTS });
    const value = documentJson(body.attrs);
    documents.set(key, value);
    return value;
  }

  /** The provider configuration a resource uses, as `aws` or `aws.alias`, seen from the root module. */
  providerKey(local: string): string {
    return this.call ? this.call.parent.providerKey(passedProvider(this.call.block, local)) : local;
  }

  /** Root of the instance tree. */
  get root(): ModuleInstance {
    return this.call ? this.call.parent.root : this;
  }

  /** `default_tags { tags = … }` and static `region` of a provider configuration of this (root) module, read once per provider. */
  providerSettings(providerKey: string): ProviderSettings {
    const cached = this.providerCache.get(providerKey);
    if (cached) return cached;
    const settings = this.readProviderSettings(providerKey);
    this.providerCache.set(providerKey, settings);
    return settings;
  }

  private readonly providerCache = new Map<string, ProviderSettings>();

  private readProviderSettings(providerKey: string): ProviderSettings {
    const [name, alias] = providerKey.split('.');
    for (const file of this.source.files) {
      for (const block of file.body.blocks) {
        if (block.type !== 'provider' || block.labels[0] !== name) continue;
        const aliasAttr = block.body.attributes.find((a) => a.name === 'alias');
        const blockAlias = aliasAttr ? this.evaluator.eval(aliasAttr.expr) : undefined;
        if ((alias ?? undefined) !== (typeof blockAlias === 'string' ? blockAlias : undefined)) continue;
        const tagsAttr = block.body.blocks.find((b) => b.type === 'default_tags')?.body.attributes.find((a) => a.name === 'tags');
        const regionAttr = block.body.attributes.find((a) => a.name === 'region');
        const region = regionAttr ? this.evaluator.eval(regionAttr.expr) : undefined;
        return {
          ...(tagsAttr ? { defaultTags: staticStrings(this.evaluator.eval(tagsAttr.expr)) } : {}),
          ...(typeof region === 'string' ? { region } : {}),
        };
      }
    }
    return {};
  }
}

export interface ProviderSettings {
  defaultTags?: Record<string, string>;
  region?: string;
}

function documentJson(attrs: Record<string, Value>): Value {
  const list = (v: Value | undefined): Value[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
  return policyJsonFromDocument(attrs, {
    sourcePolicyDocuments: list(attrs.source_policy_documents),
    overridePolicyDocuments: list(attrs.override_policy_documents),
  });
}

function attrOf(step: Step | undefined): string | undefined {
  return step && 'attr' in step ? step.attr : undefined;
}

/**
 * The provider configuration, named in the calling module, that a module call gives its resources
 * for their provider `local`: the one passed in `providers = { aws = aws.west }`, else the caller's own.
 */
export function passedProvider(call: Block, local: string): string {
  const providers = call.body.attributes.find((a) => a.name === 'providers');
  if (providers?.expr.kind === 'object') {
    for (const item of providers.expr.items) {
      const key = item.key.kind === 'literal' ? item.key.value : traversalText(item.key);
      if (key === local) return traversalText(item.value) ?? local;
    }
  }
  return local;
}

/** `aws.west` written as a traversal (provider references are not values). */
export function traversalText(expr: Expr): string | undefined {
  const chain = traversalOf(expr);
  if (!chain || chain.steps.some((s) => !('attr' in s))) return undefined;
  return [chain.root, ...chain.steps.map((s) => ('attr' in s ? s.attr : ''))].join('.');
}

/** The static string entries of a tags map (unknown values dropped). */
export function staticStrings(value: Value | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (value === undefined || !isObjectValue(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}
