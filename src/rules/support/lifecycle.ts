/**
 * Helpers shared by the lifecycle rules (KMS301–KMS309): naming keys and resources in messages,
 * locations, and one-line fixes written in the file's own style (HCL, YAML or JSON).
 */
import { type KeyField, keyTypeSpecFor } from '../../catalog/keys.js';
import type { Choice, Consumer, Key, Known } from '../../inventory/types.js';
import type { Location, SourceKind } from '../../model/types.js';
import { isOneOf, isUnknown } from '../../model/value.js';
import type { Fix, RuleContext } from '../types.js';
import { resourceById } from './lookup.js';

/** A statically known value (not `Unknown`, not one of several values, not absent). */
export function isKnown<T>(value: Known<T> | undefined): value is T {
  return value !== undefined && !isUnknown(value) && !isOneOf(value);
}

/** One possible value of a field and the condition under which it holds (absent when it always does). */
export interface KnownCase<T> {
  value: T;
  when?: string;
}

/**
 * The possible values of a known field: one case when it is known exactly, one per option when it
 * is one of several known values, none when it is unknown. `when` names the condition where the
 * `OneOf` reason says which branch is which (`Fn::If IsProd`, `condition var.prod is not known
 * statically`: options are the true then the false branch), else what the value depends on.
 */
export function knownCases<T>(value: Known<T> | undefined): KnownCase<T>[] {
  if (value === undefined || isUnknown(value)) return [];
  if (!isOneOf(value)) return [{ value: value as T }];
  const { options, reason } = value as Choice<T>;
  const condition = /^Fn::If (.+)$/.exec(reason)?.[1] ?? /^condition (.+) is not known statically$/.exec(reason)?.[1];
  return options.map((option, index) => ({
    value: option,
    when: condition && options.length === 2 ? `when ${condition} is ${index === 0 ? 'true' : 'false'}` : `depending on ${reason}`,
  }));
}

/** `aws_s3_bucket.logs` for `<unit>:aws_s3_bucket.logs`; ids of referenced keys (ARNs) stay as they are. */
export function addressOf(ctx: RuleContext, id: string): string {
  return resourceById(ctx.resources, id)?.address ?? id;
}

/** `aws_kms_key.data (alias/orders-prod)`: how messages name a key. */
export function keyLabel(ctx: RuleContext, key: Key): string {
  const address = addressOf(ctx, key.id);
  return key.aliases.length > 0 ? `${address} (${key.aliases.join(', ')})` : address;
}

/** `kms.tf:12` */
export function where(location: Location): string {
  return `${location.file}:${location.startLine}`;
}

/** The attribute's line when it is written, else the line a fix edits, else the key's declaration. */
export function keyLocation(key: Key, field?: KeyField, fix?: Fix): Location | undefined {
  return (field ? key.attributeLocations[field] : undefined) ?? fix?.location ?? key.location;
}

/** The attribute that holds a field on this key's resource type: `enable_key_rotation`, `EnableKeyRotation`… */
export function keyAttributeName(key: Key, field: KeyField): string | undefined {
  return key.source && key.type ? keyTypeSpecFor(key.source, key.type)?.attributes[field] : undefined;
}

const ASSIGNMENT: Record<SourceKind, string> = { terraform: ' = ', plan: ' = ', cloudformation: ': ', policy: ': ' };

/** `multi_region = true` / `MultiRegion: true`, as the key's source language writes it. */
export function setting(key: Key, attribute: string, value: string | number | boolean): string {
  return `${attribute}${ASSIGNMENT[key.source ?? 'terraform']}${value}`;
}

/** Replica keys take their material, spec and rotation from their primary. */
export function isReplicaKey(key: Key): boolean {
  return Boolean(key.source && key.type && keyTypeSpecFor(key.source, key.type)?.replica);
}

export function declaredKeys(ctx: RuleContext): Key[] {
  return ctx.inventory.keys.filter((k) => k.declared);
}

/** Distinct consumer resource ids, sorted. */
export function consumerResources(consumers: readonly Consumer[]): string[] {
  return [...new Set(consumers.map((c) => c.resource))].sort();
}

/** `aws_s3_bucket.logs (s3 storage)`, `aws_cloudwatch_log_group.app (logs)` */
export function consumerLabel(ctx: RuleContext, consumer: Consumer): string {
  const use = consumer.purpose === consumer.service ? consumer.service : `${consumer.service} ${consumer.purpose}`;
  return `${addressOf(ctx, consumer.resource)} (${use})`;
}

// ---------------------------------------------------------------------------------------------
// Fixes

type Style = 'hcl' | 'yaml' | 'json';

const STYLE_BY_EXTENSION: readonly (readonly [RegExp, Style])[] = [
  [/\.json$/i, 'json'],
  [/\.tf$/i, 'hcl'],
  [/\.(ya?ml|template)$/i, 'yaml'],
];

const ATTRIBUTE_TEXT: Record<Style, (name: string, value: string) => string> = {
  hcl: (name, value) => `${name} = ${value}`,
  yaml: (name, value) => `${name}: ${value}`,
  json: (name, value) => `"${name}": ${value}`,
};

function styleOf(file: string): Style | undefined {
  return STYLE_BY_EXTENSION.find(([pattern]) => pattern.test(file))?.[1];
}

interface SourceLine {
  text: string;
  /** `\r` when the file has CRLF line ends, so replacements keep them. */
  eol: string;
}

function sourceLine(ctx: RuleContext, file: string, line: number): SourceLine | undefined {
  const raw = ctx.sourceLines(file)?.[line - 1];
  if (raw === undefined) return undefined;
  return raw.endsWith('\r') ? { text: raw.slice(0, -1), eol: '\r' } : { text: raw, eol: '' };
}

function indentOf(text: string): string {
  return /^\s*/.exec(text)?.[0] ?? '';
}

function oneLine(file: string, line: number): Location {
  return { file, startLine: line, endLine: line };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const LITERAL_VALUE = String.raw`"[^"]*"|'[^']*'|true|false|-?\d+`;

/**
 * Replaces the literal value of `attribute` on its (single) line, keeping indentation, alignment,
 * a JSON trailing comma and a trailing comment. No fix when the line holds an expression.
 */
export function replaceValueFix(ctx: RuleContext, location: Location, attribute: string, value: string, description: string): Fix | undefined {
  if (location.startLine !== location.endLine) return undefined;
  const line = sourceLine(ctx, location.file, location.startLine);
  if (!line) return undefined;
  const pattern = new RegExp(`^(\\s*(?:- )?"?${escapeRegExp(attribute)}"?\\s*[=:]\\s*)(${LITERAL_VALUE})(\\s*,?\\s*(?:(?:#|//).*)?)$`);
  const match = pattern.exec(line.text);
  if (!match) return undefined;
  return { location: oneLine(location.file, location.startLine), replacement: `${match[1]}${value}${match[3]}${line.eol}`, description };
}

/**
 * Adds `attribute = value` right after `anchor`'s first line (a block's opening line), indented
 * like the block's first member. The fix replaces that line with itself plus the new line.
 */
export function insertAfterFix(ctx: RuleContext, anchor: Location, attribute: string, value: string, description: string): Fix | undefined {
  const style = styleOf(anchor.file);
  const line = sourceLine(ctx, anchor.file, anchor.startLine);
  if (!style || !line || !OPENS_BLOCK[style].test(line.text)) return undefined;
  const next = sourceLine(ctx, anchor.file, anchor.startLine + 1);
  const closesNext = next !== undefined && /^\s*[}\]]/.test(next.text);
  const nextIndent = next && !closesNext ? indentOf(next.text) : '';
  const indent = nextIndent.length > indentOf(line.text).length ? nextIndent : `${indentOf(line.text)}  `;
  const comma = style === 'json' && !closesNext ? ',' : '';
  const added = `${indent}${ATTRIBUTE_TEXT[style](attribute, value)}${comma}`;
  return { location: oneLine(anchor.file, anchor.startLine), replacement: `${line.text}${line.eol}\n${added}${line.eol}`, description };
}

/** What a line that opens a block looks like, per style. */
const OPENS_BLOCK: Record<Style, RegExp> = {
  hcl: /\{\s*$/,
  json: /\{\s*$/,
  yaml: /:\s*$/,
};

/**
 * Adds `attribute = value` as a sibling just before `sibling`'s first line, at its indentation;
 * a YAML list item's dash moves to the new first line. The fix replaces the sibling's line.
 */
export function insertBeforeFix(ctx: RuleContext, sibling: Location, attribute: string, value: string, description: string): Fix | undefined {
  const style = styleOf(sibling.file);
  const line = sourceLine(ctx, sibling.file, sibling.startLine);
  if (!style || !line) return undefined;
  const [, indent, dash, rest] = /^(\s*)(- )?(.*)$/.exec(line.text) ?? [];
  const comma = style === 'json' ? ',' : '';
  const added = `${indent}${dash ?? ''}${ATTRIBUTE_TEXT[style](attribute, value)}${comma}`;
  const moved = `${indent}${dash ? '  ' : ''}${rest}`;
  return { location: oneLine(sibling.file, sibling.startLine), replacement: `${added}${line.eol}\n${moved}${line.eol}`, description };
}

/** CloudFormation properties sit under `Properties:`; Terraform attributes right under the block's first line. */
const ATTRIBUTE_BLOCK_ANCHOR: Record<SourceKind, (ctx: RuleContext, resource: Location) => Location | undefined> = {
  terraform: (_ctx, resource) => oneLine(resource.file, resource.startLine),
  plan: () => undefined,
  policy: () => undefined,
  cloudformation: (ctx, resource) => {
    for (let line = resource.startLine + 1; line <= resource.endLine; line++) {
      if (/^\s*"?Properties"?\s*:\s*\{?\s*$/.test(sourceLine(ctx, resource.file, line)?.text ?? '')) return oneLine(resource.file, line);
    }
    return undefined;
  },
};

/**
 * The fix that sets a key attribute to `value`: rewrite the value where the attribute is written,
 * else add the attribute to the key's resource. Undefined when no exact one-line edit exists.
 */
export function setKeyAttributeFix(ctx: RuleContext, key: Key, field: KeyField, value: string, description: string): Fix | undefined {
  const attribute = keyAttributeName(key, field);
  if (!attribute || !key.source) return undefined;
  const written = key.attributeLocations[field];
  if (written) return replaceValueFix(ctx, written, attribute, value, description);
  const anchor = key.location ? ATTRIBUTE_BLOCK_ANCHOR[key.source](ctx, key.location) : undefined;
  return anchor ? insertAfterFix(ctx, anchor, attribute, value, description) : undefined;
}
