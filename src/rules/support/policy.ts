/** Helpers shared by the key-policy and access rules (KMS105, KMS106, KMS201–KMS209). */
import type { AccessEntry, AccessVia, KeyAccess, Principal } from '../../access/types.js';
import { actionGroup } from '../../catalog/actions.js';
import { keyTypeSpecFor } from '../../catalog/keys.js';
import type { Key } from '../../inventory/types.js';
import type { Location } from '../../model/types.js';
import { isRef } from '../../model/value.js';
import type { RuleContext } from '../types.js';
import { keyById, resourceById } from './lookup.js';

/** How messages name a key: its first alias, else its address (or ARN when only referenced). */
export function keyName(key: Key): string {
  if (key.aliases.length > 0) return key.aliases[0];
  return key.declared ? key.id.slice(key.id.indexOf(':') + 1) : key.id;
}

/** How messages name a principal: the ARN, the service, or the address of a role declared here. */
export function principalName(principal: Principal): string {
  return principal.kind === 'wildcard' ? '"*" (anyone)' : principal.id;
}

export function viaName(via: AccessVia): string {
  if (via.kind === 'key-policy') return via.statement.startsWith('#') ? `key policy statement ${via.statement}` : `statement "${via.statement}"`;
  if (via.kind === 'grant') return `grant ${addressOf(via.grant)}`;
  return `IAM policy ${addressOf(via.policy)} (statement ${via.statement.startsWith('#') ? via.statement : `"${via.statement}"`})`;
}

/** `<unit>:<address>` → `<address>`. */
export function addressOf(resourceId: string): string {
  return resourceId.slice(resourceId.indexOf(':') + 1);
}

/**
 * The account root of the key's own account (or a root whose account id is known only at deploy
 * time, like `${AWS::AccountId}`): the standard delegation to IAM, never a finding by itself.
 */
export function isOwnRoot(principal: Principal, keyAccount: string | undefined): boolean {
  return principal.kind === 'account' && (principal.account === undefined || keyAccount === undefined || principal.account === keyAccount);
}

/**
 * Actions that use the key's secret material. `kms:GetPublicKey` is in the catalog's usage group,
 * but it hands out public material only, and administrators' `kms:Get*` covers it.
 */
export function isDataPlaneAction(action: string): boolean {
  return actionGroup(action) === 'usage' && action !== 'kms:GetPublicKey';
}

/** Administrative duty: the key's life and its policy. */
export function isAdminAction(action: string): boolean {
  const group = actionGroup(action);
  return group === 'admin' || group === 'policy';
}

/** `kms:Decrypt, kms:Encrypt, kms:GenerateDataKey and 3 more`. */
export function listActions(actions: readonly string[], max = 4): string {
  if (actions.length <= max) return actions.join(', ');
  return `${actions.slice(0, max).join(', ')} and ${actions.length - max} more`;
}

/**
 * Entries of every key, with the key: what the access rules iterate. A key whose policy is
 * another key's (`policy = aws_kms_key.primary.policy` on a replica) is reported through that
 * key's statements, once, where they can be fixed: its key-policy entries are left out.
 */
export function accessByKey(ctx: RuleContext): { key: Key; access: KeyAccess }[] {
  return ctx.inventory.keys.flatMap((key) => {
    const access = ctx.access.get(key.id);
    if (!access) return [];
    if (!policyCopiedFromKey(ctx, key)) return [{ key, access }];
    return [{ key, access: { ...access, entries: access.entries.filter((e) => e.via.kind !== 'key-policy') } }];
  });
}

/** The id of the key whose policy attribute this key's policy reads, if any. */
export function policyCopiedFromKey(ctx: RuleContext, key: Key): string | undefined {
  if (!key.declared || !key.source || !key.type || key.policy?.from !== 'inline') return undefined;
  const attribute = keyTypeSpecFor(key.source, key.type)?.attributes.policy;
  const written = attribute ? resourceById(ctx.resources, key.id)?.attrs[attribute] : undefined;
  if (!isRef(written)) return undefined;
  const source = `${written.unit}:${written.address}`;
  return source !== key.id && keyById(ctx.inventory.keys, source) !== undefined ? source : undefined;
}

/** The statement's own lines where the parser gave only the policy's: see `statementLocation`. */
export function entryLocation(ctx: RuleContext, entry: AccessEntry): Location | undefined {
  const { via } = entry;
  if (!via.location) return undefined;
  const sid = via.kind === 'grant' || via.statement.startsWith('#') ? undefined : via.statement;
  return statementLocation(ctx, via.location, sid);
}

/**
 * Terraform `jsonencode` / heredoc policies and CloudFormation policies come with one location for
 * the whole policy; the statement a finding is about is found by its Sid inside it: the enclosing
 * `{ … }` (HCL, JSON) or YAML list item. Falls back to the whole policy.
 */
export function statementLocation(ctx: RuleContext, location: Location, sid: string | undefined): Location {
  const lines = ctx.sourceLines(location.file);
  if (!sid || !lines || location.startLine === location.endLine) return location;
  const first = location.startLine - 1;
  const last = Math.min(location.endLine - 1, lines.length - 1);
  const sidPattern = new RegExp(`(^|[\\s{,"'-])["']?Sid["']?\\s*[:=]\\s*["']?${escapeRegExp(sid)}["']?\\s*,?\\s*$`);
  let sidLine = -1;
  for (let i = first; i <= last; i++) {
    if (sidPattern.test(lines[i].replace(/\s*(#|\/\/).*$/, ''))) {
      sidLine = i;
      break;
    }
  }
  if (sidLine < 0) return location;
  const bounds = /^\s*-\s/.test(lines[sidLine]) || isYaml(location.file) ? yamlItem(lines, sidLine, first, last) : braceBlock(lines, sidLine, first, last);
  return bounds ? { file: location.file, startLine: bounds[0] + 1, endLine: bounds[1] + 1 } : location;
}

function isYaml(file: string): boolean {
  return /\.ya?ml$/i.test(file);
}

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

/** The YAML list item (`- Sid: …` and its more-indented lines) holding the Sid line. */
function yamlItem(lines: readonly string[], sidLine: number, first: number, last: number): [number, number] | undefined {
  let start = sidLine;
  while (start >= first && !/^\s*-\s/.test(lines[start])) start--;
  if (start < first) return undefined;
  const dash = indentOf(lines[start]);
  let end = start;
  for (let i = start + 1; i <= last; i++) {
    if (lines[i].trim() === '' || lines[i].trim().startsWith('#')) continue;
    if (indentOf(lines[i]) <= dash) break;
    end = i;
  }
  return [start, end];
}

/** The innermost `{ … }` around the Sid line, counting braces outside quoted strings. */
function braceBlock(lines: readonly string[], sidLine: number, first: number, last: number): [number, number] | undefined {
  let depth = 0;
  let start = -1;
  for (let i = sidLine - 1; i >= first && start < 0; i--) {
    const braces = bracesOf(lines[i]);
    for (let j = braces.length - 1; j >= 0; j--) {
      depth += braces[j] === '}' ? 1 : -1;
      if (depth < 0) {
        start = i;
        break;
      }
    }
  }
  if (start < 0) return undefined;
  depth = 0;
  for (let i = start; i <= last; i++) {
    // On the opening line only braces from the opening one on count; it is the last unmatched there.
    for (const brace of bracesOf(lines[i])) {
      depth += brace === '{' ? 1 : -1;
      if (depth === 0 && i > start) return [start, i];
    }
  }
  return undefined;
}

/** `{` and `}` of a line outside strings and comments. */
function bracesOf(line: string): string[] {
  const braces: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"') quote = c;
    else if (c === '#' || (c === '/' && line[i + 1] === '/')) break;
    else if (c === '{' || c === '}') braces.push(c);
  }
  return braces;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
