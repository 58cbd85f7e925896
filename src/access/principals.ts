/** Policy principal values → `Principal`s: accounts, IAM identities, services, wildcards; unknowns kept apart. */
import type { PrincipalSet } from '../model/policy.js';
import type { Value } from '../model/types.js';
import { describeValue, isOneOf, isRef, isUnknown } from '../model/value.js';
import type { Principal, PrincipalKind } from './types.js';

export interface ReadPrincipals {
  principals: Principal[];
  /** Values that could not be read, as text for `KeyAccess.unknowns`. */
  unknown: string[];
}

const ACCOUNT_ID = /^\d{12}$/;
const ROOT_ARN = /^arn:aws[\w-]*:iam::(\d{12}):root$/;
const IDENTITY_ARN = /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/;
/**
 * An account root written with a value known only at deploy time (`${AWS::AccountId}`,
 * `${data.aws_caller_identity.current.account_id}`): still recognisably an account root.
 */
const SYMBOLIC_ROOT = /^arn:(?:aws[\w-]*|\$\{[^}]+\}):iam::(?:\$\{[^}]+\}|[^:/])+:root$/;
const SYMBOLIC_IDENTITY = /^arn:(?:aws[\w-]*|\$\{[^}]+\}):(?:iam|sts)::(?:\$\{[^}]+\}|[^:/])+:(?:role|user|assumed-role)\//;

/** Principal type of the normal form → kind of principal its values are. */
const KIND_OF_TYPE: Record<string, PrincipalKind> = {
  Service: 'service',
  Federated: 'federated',
  CanonicalUser: 'iam',
};

export function readPrincipalSet(set: PrincipalSet): ReadPrincipals {
  const read: ReadPrincipals = { principals: [], unknown: [] };
  for (const [type, values] of Object.entries(set)) {
    for (const value of values) addPrincipal(read, type, value);
  }
  return read;
}

/** One principal value (a grantee, a statement's principal) of the given type (`AWS` by default). */
export function readPrincipal(value: Value, type = 'AWS'): ReadPrincipals {
  const read: ReadPrincipals = { principals: [], unknown: [] };
  addPrincipal(read, type, value);
  return read;
}

function addPrincipal(read: ReadPrincipals, type: string, value: Value): void {
  if (isOneOf(value)) {
    for (const option of value.options) addPrincipal(read, type, option);
    return;
  }
  if (type === '*' || value === '*') {
    read.principals.push({ kind: 'wildcard', id: '*' });
    return;
  }
  const kind = KIND_OF_TYPE[type];
  if (isRef(value)) {
    // `aws_iam_role.app.arn` / `!GetAtt AppRole.Arn`: the ARN is computed, the address names the role.
    read.principals.push({ kind: kind ?? 'iam', id: value.address, resource: `${value.unit}:${value.address}` });
    return;
  }
  if (isUnknown(value)) {
    const symbolic = symbolicPrincipal(value.expr);
    if (symbolic && type === 'AWS') read.principals.push(symbolic);
    else read.unknown.push(`principal ${value.expr} (${value.reason})`);
    return;
  }
  if (typeof value !== 'string' || type === '$unknown' || (kind === undefined && type !== 'AWS')) {
    read.unknown.push(`principal ${type} ${describeValue(value)}`);
    return;
  }
  read.principals.push(kind ? { kind, id: value } : awsPrincipal(value));
}

function awsPrincipal(id: string): Principal {
  if (ACCOUNT_ID.test(id)) return { kind: 'account', id: `arn:aws:iam::${id}:root`, account: id };
  const root = ROOT_ARN.exec(id);
  if (root) return { kind: 'account', id, account: root[1] };
  const identity = IDENTITY_ARN.exec(id);
  return identity ? { kind: 'iam', id, account: identity[1] } : { kind: 'iam', id };
}

/**
 * A principal written with parts known only at deploy time, named by the canonical text of its
 * expression: the same text in two places is the same principal, whatever its value turns out to be.
 */
function symbolicPrincipal(expr: string): Principal | undefined {
  const id = canonicalExpression(expr);
  if (SYMBOLIC_ROOT.test(id)) return { kind: 'account', id };
  if (SYMBOLIC_IDENTITY.test(id)) return { kind: 'iam', id };
  return undefined;
}

/**
 * One text for one expression however it is spaced or quoted: an HCL template's enclosing quotes
 * go (`"arn:…:${x}:root"` reads as CloudFormation's `arn:…:${x}:root`), and so does whitespace
 * inside `${…}` outside string literals (with HCL's `~` strip markers). Literal text is kept as is.
 */
export function canonicalExpression(expr: string): string {
  const text = expr.trim();
  const quoted = text.length >= 2 && text.startsWith('"') && text.endsWith('"');
  const inner = quoted ? text.slice(1, -1) : text;
  let out = '';
  let depth = 0; // brace depth inside `${…}`
  let inString = false; // inside a string literal within an interpolation
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i];
    if (c === '\\') {
      out += c + (inner[++i] ?? '');
      continue;
    }
    if (depth === 0) {
      // A quote outside any interpolation: more than one string (`"a" == "b"`), not one template.
      if (c === '"' && quoted) return text;
      if (c === '$' && inner[i + 1] === '{') {
        out += '${';
        i += inner[i + 2] === '~' ? 2 : 1;
        depth = 1;
      } else out += c;
      continue;
    }
    if (inString) {
      out += c;
      if (c === '"') inString = false;
      continue;
    }
    if (/\s/.test(c) || (c === '~' && inner[i + 1] === '}' && depth === 1)) continue;
    if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    out += c;
  }
  return out;
}

/** Same principal for subtraction and grouping: by resource when given by reference, else by id. */
export function principalKey(principal: Principal): string {
  return principal.resource ?? principal.id;
}
