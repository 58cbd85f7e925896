/**
 * Identity policies in the parsed resources and who holds them: Terraform IAM policies with
 * their attachments and inline policies, CloudFormation IAM roles / policies, identity policy files.
 */
import type { PolicyDocument } from '../model/policy.js';
import type { Location, Resource, Value } from '../model/types.js';
import { describeValue, isRecord, isRef } from '../model/value.js';
import { policyFileDocument } from '../parse/policy/index.js';
import { normalizePolicy } from '../parse/policy/normalize.js';
import type { Principal } from './types.js';

export interface IdentityPolicy {
  /** The resource that holds the document. */
  resource: Resource;
  /** `aws_iam_policy.app_kms`, `AppRole policy "kms"`: how messages name it. */
  label: string;
  /** The document as written (for structural checks) and in normal form. */
  raw: Value;
  document: PolicyDocument;
  location: Location;
  /** Who the policy applies to; empty when nobody in the repository holds it. */
  holders: Principal[];
  /** Holders that could not be read (a role name from a variable…), or why holders cannot be known. */
  unknownHolders: string[];
}

/** Where a resource type keeps its document(s) and whom it applies to. */
interface IdentitySource {
  /** Attribute of the document; for `list` sources, of the list of `{name, document}` blocks. */
  document: string;
  list?: { name: string; document: string };
  /** Attributes naming the holders; `self` when the resource itself (a role) holds it. */
  holders: readonly string[] | 'self' | 'attachments';
}

const IDENTITY_SOURCES: Record<string, IdentitySource> = {
  aws_iam_policy: { document: 'policy', holders: 'attachments' },
  aws_iam_role_policy: { document: 'policy', holders: ['role'] },
  aws_iam_user_policy: { document: 'policy', holders: ['user'] },
  aws_iam_group_policy: { document: 'policy', holders: ['group'] },
  aws_iam_role: { document: 'inline_policy', list: { name: 'name', document: 'policy' }, holders: 'self' },
  'AWS::IAM::Role': { document: 'Policies', list: { name: 'PolicyName', document: 'PolicyDocument' }, holders: 'self' },
  'AWS::IAM::User': { document: 'Policies', list: { name: 'PolicyName', document: 'PolicyDocument' }, holders: 'self' },
  'AWS::IAM::Group': { document: 'Policies', list: { name: 'PolicyName', document: 'PolicyDocument' }, holders: 'self' },
  'AWS::IAM::Policy': { document: 'PolicyDocument', holders: ['Roles', 'Users', 'Groups'] },
  'AWS::IAM::ManagedPolicy': { document: 'PolicyDocument', holders: ['Roles', 'Users', 'Groups'] },
};

/** Resources that attach a managed policy (by its ARN) to roles, users or groups. */
const ATTACHMENTS: Record<string, { policy: string; holders: readonly string[] }> = {
  aws_iam_role_policy_attachment: { policy: 'policy_arn', holders: ['role'] },
  aws_iam_user_policy_attachment: { policy: 'policy_arn', holders: ['user'] },
  aws_iam_group_policy_attachment: { policy: 'policy_arn', holders: ['group'] },
  aws_iam_policy_attachment: { policy: 'policy_arn', holders: ['roles', 'users', 'groups'] },
};
/** Roles that list managed policies themselves; the role holds each. */
const MANAGED_POLICY_LISTS: Record<string, string> = { aws_iam_role: 'managed_policy_arns', 'AWS::IAM::Role': 'ManagedPolicyArns' };

/** Policies already collected, per resource array: access analysis and two rules read the same ones. Callers never change them. */
const collected = new WeakMap<readonly Resource[], readonly IdentityPolicy[]>();

export function collectIdentityPolicies(resources: readonly Resource[]): readonly IdentityPolicy[] {
  let policies = collected.get(resources);
  if (!policies) {
    policies = identityPolicies(resources);
    collected.set(resources, policies);
  }
  return policies;
}

function identityPolicies(resources: readonly Resource[]): IdentityPolicy[] {
  const attached = attachedHolders(resources);
  const policies: IdentityPolicy[] = [];
  for (const resource of resources) {
    if (resource.mode !== 'managed') continue;
    if (resource.type === 'policy_file') {
      if (resource.attrs.kind === 'identity') policies.push(policyFile(resource));
      continue;
    }
    const source = IDENTITY_SOURCES[resource.type];
    if (!source) continue;
    const holders = holdersOf(resource, source, attached);
    for (const { raw, label, attribute } of documentsOf(resource, source)) {
      const location = resource.attrLocations[attribute] ?? resource.location;
      policies.push({ resource, label, raw, document: normalizePolicy(raw, location), location, ...holders });
    }
  }
  return policies;
}

function policyFile(resource: Resource): IdentityPolicy {
  return {
    resource,
    label: resource.address,
    raw: resource.attrs.document ?? null,
    document: policyFileDocument(resource),
    location: resource.location,
    holders: [],
    unknownHolders: ['a policy file does not say whom it is attached to'],
  };
}

function documentsOf(resource: Resource, source: IdentitySource): { raw: Value; label: string; attribute: string }[] {
  const value = resource.attrs[source.document];
  if (value === undefined || value === null) return [];
  if (!source.list) return [{ raw: value, label: resource.address, attribute: source.document }];
  const { name, document } = source.list;
  const blocks = Array.isArray(value) ? value : [value];
  return blocks.filter(isRecord).map((block) => ({
    raw: block[document] ?? null,
    label: `${resource.address} policy "${describeValue(block[name] ?? '(unnamed)')}"`,
    attribute: `${source.document}.${document}`,
  }));
}

type Holders = Pick<IdentityPolicy, 'holders' | 'unknownHolders'>;

function holdersOf(resource: Resource, source: IdentitySource, attached: Map<string, Holders>): Holders {
  if (source.holders === 'self') return { holders: [holderByAddress(resource.unit, resource.address)], unknownHolders: [] };
  if (source.holders === 'attachments') return attached.get(resource.id) ?? { holders: [], unknownHolders: [] };
  return readHolders(resource, source.holders);
}

/** Managed policy resource id → the roles, users and groups attached to it. */
function attachedHolders(resources: readonly Resource[]): Map<string, Holders> {
  const byPolicy = new Map<string, Holders>();
  const add = (policy: Value | undefined, holders: Holders) => {
    if (!isRef(policy)) return;
    const id = `${policy.unit}:${policy.address}`;
    const known = byPolicy.get(id) ?? { holders: [], unknownHolders: [] };
    byPolicy.set(id, { holders: [...known.holders, ...holders.holders], unknownHolders: [...known.unknownHolders, ...holders.unknownHolders] });
  };
  for (const resource of resources) {
    const attachment = ATTACHMENTS[resource.type];
    if (attachment) add(resource.attrs[attachment.policy], readHolders(resource, attachment.holders));
    const list = MANAGED_POLICY_LISTS[resource.type];
    const arns = list ? resource.attrs[list] : undefined;
    if (Array.isArray(arns)) for (const arn of arns) add(arn, { holders: [holderByAddress(resource.unit, resource.address)], unknownHolders: [] });
  }
  return byPolicy;
}

function readHolders(resource: Resource, attributes: readonly string[]): Holders {
  const holders: Holders = { holders: [], unknownHolders: [] };
  for (const attribute of attributes) {
    const value = resource.attrs[attribute];
    for (const item of value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]) {
      if (isRef(item)) holders.holders.push(holderByAddress(item.unit, item.address));
      else if (typeof item === 'string') holders.holders.push({ kind: 'iam', id: `${attribute.replace(/s$/, '').toLowerCase()}/${item}` });
      else holders.unknownHolders.push(`${attribute} ${describeValue(item)} of ${resource.address}`);
    }
  }
  return holders;
}

/** A role / user / group declared here: named by its address, like a principal given by reference. */
function holderByAddress(unit: string, address: string): Principal {
  return { kind: 'iam', id: address, resource: `${unit}:${address}` };
}
