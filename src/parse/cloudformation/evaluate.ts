/**
 * Evaluates template expressions into `Value`s, statically: references to resources stay `Ref`s,
 * parameters become their default (or the `OneOf` of their allowed values), `Fn::If` keeps both
 * branches, and whatever only the deployment knows becomes `Unknown` with the refs it mentions.
 */
import type { OneOf, Value } from '../../model/types.js';
import type { Budget } from './budget.js';
import { splitSub } from './sub.js';
import type { Template } from './template.js';
import { child, childString, intrinsicCall, isMap, type MapEntry, type TreeNode } from './tree.js';
import { concat, describe, isOneOf, isRef, isTextual, partialText, setOwn, unknown } from './values.js';

/** `AWS::NoValue`: the property (or list item) it stands for is removed. */
export const NO_VALUE = Symbol('AWS::NoValue');
export type Evaluated = Value | typeof NO_VALUE;

/** Resolves `Fn::ImportValue` against the exports of the other templates in the claimed set. */
export interface ImportResolver {
  resolve(exportName: string, importer: string): Value;
}

/** Pseudo parameters with a value that does not depend on the deployment (commercial partition assumed). */
const STATIC_PSEUDO_PARAMETERS: Readonly<Record<string, Evaluated>> = {
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::NoValue': NO_VALUE,
};

/** Parameter types whose `Ref` is a list, split from the comma-separated default. */
const LIST_PARAMETER_TYPE = /^(?:CommaDelimitedList|List<.*>)$/;
/** Parameter types whose default names an SSM parameter: the value is read at deploy time. */
const SSM_PARAMETER_TYPE = /^AWS::SSM::Parameter::Value</;

type Intrinsic = (arg: TreeNode, ev: Evaluator, node: TreeNode) => Evaluated;

const INTRINSICS: Readonly<Record<string, Intrinsic>> = {
  Ref: (arg, ev, node) => (isString(arg) ? ev.ref(arg.value) : malformed(node, 'Ref needs a name')),
  'Fn::GetAtt': getAtt,
  'Fn::Sub': sub,
  'Fn::Join': join,
  'Fn::Select': select,
  'Fn::Split': split,
  'Fn::If': ifBranches,
  'Fn::FindInMap': findInMap,
  'Fn::ImportValue': (arg, ev, node) => {
    const name = ev.value(arg);
    return typeof name === 'string' ? ev.importValue(name) : unknown(describe(node), 'Fn::ImportValue of a name not known statically', [name]);
  },
  'Fn::Base64': (arg, ev, node) => {
    const text = ev.value(arg);
    return typeof text === 'string'
      ? Buffer.from(text, 'utf8').toString('base64')
      : unknown(describe(node), 'Fn::Base64 of a value not known statically', [text]);
  },
  'Fn::GetAZs': (_arg, _ev, node) => unknown(describe(node), 'Fn::GetAZs depends on the deploy region'),
};

export class Evaluator {
  /**
   * @param pseudo overrides of pseudo parameters; export names are evaluated with a marker for
   *   `AWS::StackName` so `${AWS::StackName}-X` exports can be matched by suffix.
   */
  constructor(
    readonly template: Template,
    private readonly imports: ImportResolver,
    private readonly budget: Budget,
    private readonly pseudo: Readonly<Record<string, Value>> = {},
  ) {}

  evaluate(node: TreeNode): Evaluated {
    this.budget.tick();
    const call = intrinsicCall(node);
    if (call) return (INTRINSICS[call.name] ?? notStatic)(call.arg, this, node);
    if (node.kind === 'scalar') return node.value;
    if (node.kind === 'seq') return node.items.map((item) => this.evaluate(item)).filter((item): item is Value => item !== NO_VALUE);
    const result: Record<string, Value> = {};
    for (const entry of node.entries.values()) {
      if (entry.key === '$kind') continue; // would make a plain mapping pass for a Ref / Unknown / OneOf downstream
      const value = this.evaluate(entry.value);
      if (value !== NO_VALUE) setOwn(result, entry.key, value);
    }
    return result;
  }

  /** Evaluates where a value is required: `AWS::NoValue` there is not a value. */
  value(node: TreeNode): Value {
    const value = this.evaluate(node);
    return value === NO_VALUE ? unknown(describe(node), 'AWS::NoValue where a value is required') : value;
  }

  ref(name: string): Evaluated {
    if (Object.hasOwn(this.pseudo, name)) return this.pseudo[name];
    if (Object.hasOwn(STATIC_PSEUDO_PARAMETERS, name)) return STATIC_PSEUDO_PARAMETERS[name];
    if (name.startsWith('AWS::')) return unknown(`\${${name}}`, `pseudo parameter ${name} is known only at deploy time`);
    if (this.template.resources.has(name)) return { $kind: 'ref', unit: this.template.path, address: name, attr: 'Ref' };
    const parameter = this.template.parameters.get(name);
    if (parameter) return this.parameter(parameter);
    return unknown(`\${${name}}`, `${name} is neither a parameter nor a resource of the template`);
  }

  getAtt(resource: string, attribute: string): Value {
    if (this.template.resources.has(resource)) return { $kind: 'ref', unit: this.template.path, address: resource, attr: attribute };
    return unknown(`\${${resource}.${attribute}}`, `${resource} is not a resource of the template`);
  }

  importValue(exportName: string): Value {
    return this.imports.resolve(exportName, this.template.path);
  }

  /** A literal section (parameter defaults, mappings): CloudFormation allows no intrinsics there. */
  literal(node: TreeNode): Value {
    this.budget.tick();
    if (node.kind === 'scalar') return node.value;
    if (node.kind === 'seq') return node.items.map((item) => this.literal(item));
    const result: Record<string, Value> = {};
    for (const entry of node.entries.values()) setOwn(result, entry.key, this.literal(entry.value));
    return result;
  }

  private parameter({ key: name, value: declaration }: MapEntry): Value {
    const type = childString(declaration, 'Type') ?? 'String';
    const fallback = child(declaration, 'Default');
    if (SSM_PARAMETER_TYPE.test(type)) {
      return unknown(`\${${name}}`, `parameter ${name} is read from SSM parameter ${fallback ? describe(fallback) : '(no default)'} at deploy time`);
    }
    if (fallback) {
      const value = this.literal(fallback);
      return LIST_PARAMETER_TYPE.test(type) && typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value;
    }
    const allowed = child(declaration, 'AllowedValues');
    if (allowed?.kind === 'seq' && allowed.items.length > 0) {
      return { $kind: 'oneOf', options: allowed.items.map((item) => this.literal(item)), reason: `parameter ${name} AllowedValues` };
    }
    return unknown(`\${${name}}`, `parameter ${name} has no default`);
  }
}

/** Functions with no static value here (`Fn::Cidr`, `Fn::Transform`, condition functions…); keeps the refs they mention. */
function notStatic(arg: TreeNode, ev: Evaluator, node: TreeNode): Value {
  const [name] = isMap(node) ? node.entries.keys() : [];
  return unknown(describe(node), `${name} is not evaluated statically`, [ev.value(arg)]);
}

function malformed(node: TreeNode, why: string): Value {
  return unknown(describe(node), `malformed intrinsic: ${why}`);
}

function isString(node: TreeNode | undefined): node is TreeNode & { kind: 'scalar'; value: string } {
  return node?.kind === 'scalar' && typeof node.value === 'string';
}

/** `A.B.C` (short form: the attribute is everything after the first dot) or `[A, B]`. */
function getAtt(arg: TreeNode, ev: Evaluator, node: TreeNode): Value {
  if (isString(arg)) {
    const dot = arg.value.indexOf('.');
    return dot > 0 ? ev.getAtt(arg.value.slice(0, dot), arg.value.slice(dot + 1)) : malformed(node, 'Fn::GetAtt needs Resource.Attribute');
  }
  if (arg.kind !== 'seq' || arg.items.length !== 2 || !isString(arg.items[0])) return malformed(node, 'Fn::GetAtt needs [Resource, Attribute]');
  const attribute = ev.value(arg.items[1]);
  return typeof attribute === 'string' ? ev.getAtt(arg.items[0].value, attribute) : unknown(describe(node), 'Fn::GetAtt attribute not known statically');
}

/** `Fn::Sub` in both forms; `${Res.Arn}`, `${Param}`, `${AWS::…}` and the variables map. */
function sub(arg: TreeNode, ev: Evaluator, node: TreeNode): Value {
  const [template, variables] = arg.kind === 'seq' ? arg.items : [arg];
  if (!isString(template)) return malformed(node, 'Fn::Sub needs a template string');
  const parts = splitSub(template.value);
  const values = parts.map((part) => (part.kind === 'text' ? part.text : subVariable(part.name, variables, ev)));
  if (parts.length === 1 && parts[0].kind === 'var' && isRef(values[0])) return values[0];
  const joined = concat(values);
  if (joined !== undefined) return joined;
  const pending = parts.flatMap((part, i) => (part.kind === 'var' && !isTextual(values[i]) ? [part.name] : []));
  return unknown(partialText(values), `Fn::Sub with values not known statically: ${pending.join(', ')}`, values);
}

function subVariable(name: string, variables: TreeNode | undefined, ev: Evaluator): Value {
  const bound = isMap(variables) ? variables.entries.get(name) : undefined;
  if (bound) return ev.value(bound.value);
  const dot = name.indexOf('.');
  if (dot > 0 && !name.startsWith('AWS::')) return ev.getAtt(name.slice(0, dot), name.slice(dot + 1));
  const value = ev.ref(name);
  return value === NO_VALUE ? unknown(`\${${name}}`, 'AWS::NoValue inside Fn::Sub') : value;
}

function pair(arg: TreeNode, ev: Evaluator): [Value, Value] | undefined {
  return arg.kind === 'seq' && arg.items.length === 2 ? [ev.value(arg.items[0]), ev.value(arg.items[1])] : undefined;
}

function join(arg: TreeNode, ev: Evaluator, node: TreeNode): Value {
  const operands = pair(arg, ev);
  if (!operands) return malformed(node, 'Fn::Join needs [delimiter, list]');
  const [delimiter, list] = operands;
  if (typeof delimiter !== 'string' || !Array.isArray(list)) return unknown(describe(node), 'Fn::Join over a list not known statically', [list]);
  const parts = list.flatMap((item, i) => (i === 0 ? [item] : [delimiter, item]));
  return concat(parts) ?? unknown(partialText(parts), 'Fn::Join over values not known statically', list);
}

function select(arg: TreeNode, ev: Evaluator, node: TreeNode): Value {
  const operands = pair(arg, ev);
  if (!operands) return malformed(node, 'Fn::Select needs [index, list]');
  const [index, list] = operands;
  const position = typeof index === 'number' ? index : typeof index === 'string' && /^\d+$/.test(index) ? Number(index) : undefined;
  if (position === undefined || !Array.isArray(list)) return unknown(describe(node), 'Fn::Select over values not known statically', [list]);
  return position < list.length ? list[position] : unknown(describe(node), `Fn::Select index ${position} is outside a list of ${list.length}`);
}

function split(arg: TreeNode, ev: Evaluator, node: TreeNode): Value {
  const operands = pair(arg, ev);
  if (!operands) return malformed(node, 'Fn::Split needs [delimiter, string]');
  const [delimiter, text] = operands;
  if (typeof delimiter !== 'string' || delimiter === '' || typeof text !== 'string')
    return unknown(describe(node), 'Fn::Split of a value not known statically', [text]);
  return text.split(delimiter);
}

/** Both branches, as alternatives; an `AWS::NoValue` branch is the absent option `null`. */
function ifBranches(arg: TreeNode, ev: Evaluator, node: TreeNode): Value {
  if (arg.kind !== 'seq' || arg.items.length !== 3 || !isString(arg.items[0])) return malformed(node, 'Fn::If needs [condition, then, else]');
  const options = arg.items.slice(1).map((branch) => {
    const value = ev.evaluate(branch);
    return value === NO_VALUE ? null : value;
  });
  return { $kind: 'oneOf', options, reason: `Fn::If ${arg.items[0].value}` };
}

/** Static lookup; keys that are a set of alternatives (a parameter's AllowedValues) give one option per key. */
function findInMap(arg: TreeNode, ev: Evaluator, node: TreeNode): Value {
  if (arg.kind !== 'seq' || arg.items.length < 3) return malformed(node, 'Fn::FindInMap needs [map, key, key]');
  const [mapName, topKey, secondKey] = arg.items.slice(0, 3).map((item) => ev.value(item));
  const mapping = typeof mapName === 'string' ? child(ev.template.mappings, mapName) : undefined;
  if (!isMap(mapping)) return unknown(describe(node), `Fn::FindInMap: no mapping ${describe(arg.items[0])}`);
  const tops = keyOptions(topKey);
  const seconds = keyOptions(secondKey);
  if (!tops || !seconds) return unknown(describe(node), `Fn::FindInMap ${mapName}: keys not known statically`, [topKey, secondKey]);
  const found = tops.flatMap((top) =>
    seconds.flatMap((second) => {
      const leaf = child(child(mapping, top), second);
      return leaf ? [ev.literal(leaf)] : [];
    }),
  );
  if (found.length === 0) return unknown(describe(node), `Fn::FindInMap ${mapName}: no entry for ${tops.join('|')}.${seconds.join('|')}`);
  if (tops.length * seconds.length === 1) return found[0];
  const reasons = [topKey, secondKey].filter(isOneOf).map((key: OneOf) => key.reason);
  return { $kind: 'oneOf', options: found, reason: `Fn::FindInMap ${mapName} by ${reasons.join(', ')}` };
}

function keyOptions(key: Value): string[] | undefined {
  const options = isOneOf(key) ? key.options : [key];
  return options.every(isTextual) ? options.map(String) : undefined;
}
