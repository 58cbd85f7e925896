/**
 * Effective access per key, offline, in AWS's evaluation order: explicit deny → SCP → key policy
 * → grants → IAM policies (only where the key policy delegates to the account). VPC endpoint
 * policies are not in infrastructure code we read, so they bound nothing here.
 */
import type { Config } from '../config/schema.js';
import type { Inventory, Key } from '../inventory/types.js';
import type { PolicyDocument, Statement } from '../model/policy.js';
import type { Resource, Value } from '../model/types.js';
import { isOneOf, isRef, isUnknown, unknown } from '../model/value.js';
import { policyFileDocument } from '../parse/policy/index.js';
import { statementActions } from './actions.js';
import { grantAccess } from './grants.js';
import { collectIdentityPolicies, type IdentityPolicy } from './identity.js';
import { keyAccountOf } from './key-account.js';
import { statementReachesKey } from './resource-match.js';
import { type DenyRule, type Evaluated, evaluateStatement, subtractDenies } from './statements.js';
import type { AccessEntry, AccessMap, KeyAccess, Principal } from './types.js';

export { collectIdentityPolicies, type IdentityPolicy } from './identity.js';
export { administeringAccountOf, keyAccountOf } from './key-account.js';
export { statementReachesKey } from './resource-match.js';

interface Scp {
  resource: Resource;
  document: PolicyDocument;
}

export function analyseAccess(inventory: Inventory, resources: readonly Resource[], _config: Config): AccessMap {
  const identity = indexIdentity(collectIdentityPolicies(resources));
  const scps: Scp[] = resources
    .filter((r) => r.type === 'policy_file' && r.attrs.kind === 'scp')
    .map((resource) => ({ resource, document: policyFileDocument(resource) }));
  return new Map(inventory.keys.map((key) => [key.id, keyAccess(key, identity, scps)]));
}

/** An identity policy statement that grants or denies some KMS action, in policy then statement order (`seq`). */
interface IdentityStatement {
  policy: IdentityPolicy;
  statement: Statement;
  index: number;
  seq: number;
}

/**
 * The identity statements by the keys they can reach. A statement whose Resource lists only
 * references and plain ARNs reaches only the keys referenced and the keys known by those ARNs
 * (every other key gets `none` from `statementReachesKey`), so it is checked against those alone;
 * any other (a wildcard, an unknown, NotResource) is checked against every key. Keys × statements
 * would otherwise be the cost of access on a large tree.
 */
interface IdentityIndex {
  policies: number;
  everyKey: IdentityStatement[];
  byKey: Map<string, IdentityStatement[]>;
}

function indexIdentity(policies: readonly IdentityPolicy[]): IdentityIndex {
  const index: IdentityIndex = { policies: policies.length, everyKey: [], byKey: new Map() };
  let seq = 0;
  for (const policy of policies) {
    policy.document.statements.forEach((statement, at) => {
      if (statementActions(statement).actions.length === 0) return;
      const item = { policy, statement, index: at, seq: seq++ };
      const keys = statement.notResource ? undefined : candidateKeys(statement.resource ?? []);
      if (keys === undefined) index.everyKey.push(item);
      else
        for (const key of keys) {
          const list = index.byKey.get(key);
          if (list) list.push(item);
          else index.byKey.set(key, [item]);
        }
    });
  }
  return index;
}

/**
 * The key ids a Resource list can reach when it holds nothing but references (choices of them
 * included) and strings without wildcards, which match a key only as its exact id (an ARN a key
 * is known by); else undefined.
 */
function candidateKeys(values: readonly Value[]): Set<string> | undefined {
  const keys = new Set<string>();
  const visit = (value: Value): boolean => {
    if (isOneOf(value)) return value.options.every(visit);
    if (isRef(value)) {
      keys.add(`${value.unit}:${value.address}`);
      return true;
    }
    if (typeof value === 'string') {
      if (/[*?]/.test(value)) return false;
      keys.add(value);
      return true;
    }
    // Unknowns may reach any key; other values (numbers, objects) reach none.
    return !isUnknown(value);
  };
  return values.every(visit) ? keys : undefined;
}

/** The statements to check against one key, in their original order. */
function candidatesFor(key: Key, index: IdentityIndex): IdentityStatement[] {
  const own = index.byKey.get(key.id);
  if (!own) return index.everyKey;
  return [...index.everyKey, ...own].sort((a, b) => a.seq - b.seq);
}

function keyAccess(key: Key, identity: IdentityIndex, scps: readonly Scp[]): KeyAccess {
  const unknowns: string[] = [];
  const document = keyPolicyOf(key, unknowns);
  const fromPolicy = merge(
    (document?.statements ?? []).map((statement, index) =>
      evaluateStatement(statement, {
        kind: 'key-policy',
        statement: statement.sid ?? `#${index}`,
        location: statement.location ?? key.policy?.location ?? key.location,
      }),
    ),
  );
  unknowns.push(...fromPolicy.unknowns);
  const account = keyAccountOf(key);
  const delegatesToIam = delegation(key, document, fromPolicy.allows, account);

  const fromIam = delegatesToIam === true ? identityAccess(key, identity, unknowns) : emptyEvaluation();
  if (delegatesToIam === 'unknown' && identity.policies > 0) unknowns.push('IAM policies: whether the key policy delegates to IAM is not known');
  const fromGrants = key.grants.map(grantAccess);
  unknowns.push(...fromGrants.flatMap((g) => g.unknowns));
  const fromScps = scpDenies(key, scps, unknowns);

  const explicitDenies = [...fromPolicy.denies, ...fromIam.denies];
  let entries = subtractDenies([...fromPolicy.allows, ...fromIam.allows, ...fromGrants.flatMap((g) => g.entries)], explicitDenies);
  // SCPs bound what principals of an organisation's accounts may do, not services or outsiders.
  entries = subtractDenies(entries, fromScps, (e) => e.principal.kind === 'iam' || e.principal.kind === 'account');
  return {
    key: key.id,
    entries,
    denies: [...explicitDenies, ...fromScps].map((d) => d.entry),
    delegatesToIam,
    unknowns,
  };
}

/**
 * The key's policy; a declared customer managed key without one gets AWS's default key policy
 * (the account root may do everything: access is governed by IAM). Keys only referenced here
 * have a policy we cannot see.
 */
function keyPolicyOf(key: Key, unknowns: string[]): PolicyDocument | undefined {
  if (key.policy) {
    if (key.policy.document.unknown) unknowns.push(`key policy: ${key.policy.document.unknown}`);
    return key.policy.document;
  }
  if (!key.declared) {
    unknowns.push('key policy: the key is not declared in this repository');
    return undefined;
  }
  // The account id of a declared key is known only at deploy time, like CloudFormation's `${AWS::AccountId}`.
  const root = key.account ? `arn:aws:iam::${key.account}:root` : unknown('arn:aws:iam::${AWS::AccountId}:root', 'the account the key is created in');
  const statement: Statement = { sid: 'DefaultKeyPolicy', effect: 'Allow', principal: { AWS: [root] }, action: ['kms:*'], resource: ['*'], conditions: [] };
  return { statements: [statement], ...(key.location ? { location: key.location } : {}) };
}

/** The key policy lets the key's own account root act: IAM policies of that account count. */
function delegation(key: Key, document: PolicyDocument | undefined, allows: readonly AccessEntry[], account: string | undefined): KeyAccess['delegatesToIam'] {
  if (!document) return 'unknown';
  const ownRoot = allows.some((e) => e.principal.kind === 'account' && (e.principal.account === undefined || e.principal.account === account));
  if (ownRoot) return true;
  return document.unknown || !key.declared ? 'unknown' : false;
}

function identityAccess(key: Key, identity: IdentityIndex, unknowns: string[]): Evaluated {
  const results: Evaluated[] = [];
  for (const { policy, statement, index } of candidatesFor(key, identity)) {
    const reach = statementReachesKey(statement, key);
    if (reach === 'none') continue;
    const label = statement.sid ?? `#${index}`;
    if (reach === 'unknown') {
      unknowns.push(`IAM policy ${policy.label} statement ${label}: Resource not known statically`);
      continue;
    }
    const via = { kind: 'iam' as const, policy: policy.resource.id, statement: label, location: statement.location ?? policy.location };
    const evaluated = evaluateStatement(statement, via, policy.holders);
    if (evaluated.allows.length + evaluated.denies.length === 0 && policy.holders.length === 0 && statement.effect === 'Allow') {
      unknowns.push(`IAM policy ${policy.label} statement ${label} reaches this key; ${policy.unknownHolders[0] ?? 'nobody in this repository holds it'}`);
    }
    results.push(evaluated);
  }
  return merge(results);
}

/** Deny statements of SCPs that reach this key's actions; assumed to apply to every account. */
function scpDenies(key: Key, scps: readonly Scp[], unknowns: string[]): DenyRule[] {
  const everyone: Principal[] = [{ kind: 'wildcard', id: '*' }];
  return scps.flatMap(({ resource, document }) =>
    document.statements.flatMap((statement, index) => {
      if (statement.effect !== 'Deny' || statement.principal || statement.notPrincipal) return [];
      if (statementReachesKey(statement, key) === 'none') return [];
      const label = statement.sid ?? `#${index}`;
      const denies = evaluateStatement(
        statement,
        { kind: 'iam', policy: resource.id, statement: label, location: statement.location ?? resource.location },
        everyone,
      ).denies;
      if (denies.length > 0) {
        unknowns.push(
          `SCP ${resource.address} statement ${label} is assumed to apply to every account${statement.conditions.length > 0 ? '; its conditions make it a guard, not a bound' : ''}`,
        );
      }
      return denies;
    }),
  );
}

function merge(results: readonly Evaluated[]): Evaluated {
  return {
    allows: results.flatMap((r) => r.allows),
    denies: results.flatMap((r) => r.denies),
    unknowns: results.flatMap((r) => r.unknowns),
  };
}

function emptyEvaluation(): Evaluated {
  return { allows: [], denies: [], unknowns: [] };
}
