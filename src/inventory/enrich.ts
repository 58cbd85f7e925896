/**
 * Inventory × live facts → Inventory (pure). The live account view fills what the repository
 * cannot say about keys it only references (spec, usage, origin, state, rotation, deletion date,
 * multi-region, policy, tags), turns the key's grants into consumers of kind `grant` so the
 * blast radius counts what really depends on the key, and leaves declared fields as declared
 * (their differences from the account are KMS600's drift). Notes of what the live view could not
 * read become KMS000 info problems at the line that references the key. See docs/live.md.
 */
import { configSchema } from '../config/schema.js';
import type { LiveFacts, LiveGrant, LiveKeyFacts, LiveNote } from '../live/types.js';
import type { Classifications, Dimension, Location, Problem, Value } from '../model/types.js';
import { DIMENSIONS } from '../model/types.js';
import { isUnknown } from '../model/value.js';
import { normalizePolicy } from '../parse/policy/normalize.js';
import { blastRadius } from './blast-radius.js';
import { canonicalEnvironment } from './conventions.js';
import type { Consumer, Grant, Inventory, Key, LiveKeyView } from './types.js';

export interface EnrichOptions {
  /** Tag names per classification dimension (`config.tags`); the defaults otherwise. */
  tags?: Record<Dimension, string[]>;
}

/** Where problems about the live view point when no key reference has a line (run-wide notes). */
const CONFIG_LOCATION: Location = { file: '.github/kms-review.yml', startLine: 1, endLine: 1 };

export function enrichInventory(inventory: Inventory, live: LiveFacts, options: EnrichOptions = {}): Inventory {
  const tagNames = options.tags ?? configSchema.parse({}).tags;
  const keys = inventory.keys.map((key) => {
    const facts = live.keys[key.id];
    return facts ? enrichKey(key, facts, tagNames) : key;
  });
  const notes = live.notes.map((note) => noteProblem(note, inventory.keys));
  return {
    ...inventory,
    keys,
    problems: [...inventory.problems, ...notes],
    live: {
      keys: Object.keys(live.keys).length,
      calls: live.calls,
      notes: notes.length,
      accounts: live.accounts ?? [],
      ...(live.caller ? { caller: live.caller } : {}),
    },
  };
}

function enrichKey(original: Key, facts: LiveKeyFacts, tagNames: Record<Dimension, string[]>): Key {
  const key: Key = { ...original, rotation: { ...original.rotation }, aliases: [...original.aliases], grants: [...original.grants] };
  const at = referenceLocation(original);
  const policy = facts.policy === undefined ? undefined : normalizePolicy(facts.policy, at);
  key.live = liveView(facts, policy);
  if (facts.state === 'PendingDeletion') {
    key.pendingDeletion = {
      ...(facts.deletionDate ? { date: facts.deletionDate } : {}),
      ...(facts.pendingDeletionWindowDays !== undefined ? { windowDays: facts.pendingDeletionWindowDays } : {}),
    };
  }
  if (!key.declared) {
    fillReferenced(key, facts);
    if (policy && !key.policy) key.policy = { document: policy, from: 'live', location: at };
    if (facts.tags) {
      key.tags = { ...facts.tags, ...key.tags };
      classifyFromLiveTags(key, facts, tagNames);
    }
  }
  for (const alias of facts.aliases ?? []) if (!key.aliases.includes(alias)) key.aliases.push(alias);
  const grants = facts.grants ?? [];
  key.grants.push(...grants.map((g) => liveGrant(g, at)));
  const repoConsumers = key.consumers.filter((c) => c.kind !== 'grant');
  key.consumers = [...repoConsumers.map((c) => withKeyTags(c, key)), ...grantConsumers(facts, grants, at)];
  key.blastRadius = blastRadius(key.consumers);
  return key;
}

function liveView(facts: LiveKeyFacts, policy: LiveKeyView['policy']): LiveKeyView {
  const multiRegion =
    facts.multiRegion && facts.multiRegionKeyType
      ? { type: facts.multiRegionKeyType, ...(facts.primaryArn ? { primaryArn: facts.primaryArn } : {}) }
      : undefined;
  return {
    arn: facts.arn,
    account: facts.account,
    region: facts.region,
    state: facts.state,
    enabled: facts.enabled,
    manager: facts.manager,
    spec: facts.spec,
    usage: facts.usage,
    origin: facts.origin,
    description: facts.description,
    multiRegion,
    rotation: facts.rotation,
    policy,
    tags: facts.tags,
    aliases: facts.aliases,
    grants: facts.grants?.length,
  };
}

/** A referenced key's unknowns, from the account. Values the repository fixed (AWS managed keys) stay. */
function fillReferenced(key: Key, facts: LiveKeyFacts): void {
  const open = (current: unknown) => current === undefined || isUnknown(current as Value);
  if (facts.spec !== undefined && open(key.spec)) key.spec = facts.spec;
  if (facts.usage !== undefined && open(key.usage)) key.usage = facts.usage;
  if (facts.origin !== undefined && open(key.origin)) key.origin = facts.origin;
  if (facts.multiRegion !== undefined && open(key.multiRegion)) key.multiRegion = facts.multiRegion;
  if (facts.description !== undefined && open(key.description)) key.description = facts.description;
  if (isUnknown(key.enabled as Value)) key.enabled = facts.enabled;
  if (facts.rotation && isUnknown(key.rotation.enabled as Value)) {
    key.rotation = { enabled: facts.rotation.enabled, ...(facts.rotation.periodDays !== undefined ? { periodDays: facts.rotation.periodDays } : {}) };
  }
  if (facts.pendingDeletionWindowDays !== undefined && key.deletionWindowDays === undefined) key.deletionWindowDays = facts.pendingDeletionWindowDays;
  if (facts.multiRegionKeyType === 'REPLICA' && facts.primaryArn && !key.primary) key.primary = facts.primaryArn;
  if (facts.manager === 'AWS') key.manager = 'aws';
  key.account ??= facts.account;
  key.region ??= facts.region;
}

/**
 * Tags read from the account classify a referenced key with provenance `live`. They win over name
 * conventions and paths (weaker evidence), never over what the repository's own tags or config say.
 */
function classifyFromLiveTags(key: Key, facts: LiveKeyFacts, tagNames: Record<Dimension, string[]>): void {
  const tags = facts.tags ?? {};
  const byLower = new Map(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), { k, v }]));
  for (const dim of DIMENSIONS) {
    const current = key[dim];
    if (current && current.from !== 'name' && current.from !== 'path') continue;
    const hit = tagNames[dim].map((name) => byLower.get(name.toLowerCase())).find((t) => t && t.v.trim() !== '');
    if (!hit) continue;
    const value = dim === 'environment' ? canonicalEnvironment(hit.v) : hit.v.trim();
    key[dim] = { value, from: 'live', detail: `tag ${hit.k}=${hit.v} on ${facts.arn} (live)` };
  }
}

/** A repository consumer of a key classified by live tags takes the key's data class and owner when it has none (as with key tags). */
function withKeyTags(consumer: Consumer, key: Key): Consumer {
  let changed: Partial<Classifications> | undefined;
  for (const dim of ['dataClass', 'owner'] as const) {
    const fromKey = key[dim];
    if (consumer[dim] === null && fromKey?.from === 'live') changed = { ...changed, [dim]: { ...fromKey, detail: `${fromKey.detail} (the key)` } };
  }
  return changed ? { ...consumer, ...changed } : consumer;
}

function liveGrant(grant: LiveGrant, location: Location): Grant {
  const constraints: { [k: string]: Value }[] = [];
  if (grant.constraints?.encryptionContextEquals) constraints.push({ EncryptionContextEquals: { ...grant.constraints.encryptionContextEquals } });
  if (grant.constraints?.encryptionContextSubset) constraints.push({ EncryptionContextSubset: { ...grant.constraints.encryptionContextSubset } });
  return {
    id: `live:grant/${grant.grantId}`,
    grantee: grant.granteePrincipal ?? null,
    operations: [...grant.operations],
    constraints: constraints.length > 0 ? constraints : null,
    ...(grant.retiringPrincipal ? { retiringPrincipal: grant.retiringPrincipal } : {}),
    location,
    live: true,
  };
}

/** Encryption-context keys AWS services set on their grants, naming the resource the grant is for. */
const CONTEXT_SERVICES: readonly (readonly [RegExp, string])[] = [
  [/^aws:ebs:id$/, 'ebs'],
  [/^aws:rds:db-(cluster-)?id$/, 'rds'],
  [/^aws:s3:arn$/, 's3'],
  [/^aws:logs:arn$/, 'logs'],
  [/^aws:lambda:FunctionArn$/, 'lambda'],
  [/^aws:dynamodb:tableName$/, 'dynamodb'],
  [/^(aws:secretsmanager:arn|SecretARN)$/, 'secretsmanager'],
  [/^aws:sqs:arn$/, 'sqs'],
  [/^aws:sns:topicArn$/, 'sns'],
  [/^aws:elasticfilesystem:filesystem:id$/, 'efs'],
  [/^aws:backup:backup-vault$/, 'backup'],
  [/^aws:redshift:arn$/, 'redshift'],
  [/^aws:fsx:/, 'fsx'],
];

/** Service principal host prefixes that the catalog names differently. */
const PRINCIPAL_SERVICES: Record<string, string> = {
  elasticfilesystem: 'efs',
  es: 'opensearch',
  cassandra: 'keyspaces',
  kafka: 'msk',
  elasticmapreduce: 'emr',
};

/** The resource a grant is for, from its encryption-context constraint (`aws:ebs:id = vol-…`). */
function resourceOfGrant(grant: LiveGrant): { service: string; name: string } | undefined {
  const context = { ...grant.constraints?.encryptionContextSubset, ...grant.constraints?.encryptionContextEquals };
  for (const [name, value] of Object.entries(context)) {
    const service = CONTEXT_SERVICES.find(([pattern]) => pattern.test(name))?.[1];
    if (service) return { service, name: `${name}=${value}` };
  }
  return undefined;
}

/**
 * The service behind a principal: a service principal (`rds.eu-west-1.amazonaws.com`), a
 * service-linked role (`role/aws-service-role/rds.amazonaws.com/…`), EC2's infrastructure role
 * that EBS grants name.
 */
export function serviceOfPrincipal(principal: string | undefined): string | undefined {
  if (!principal) return undefined;
  if (/:assumed-role\/aws:ec2-infrastructure\//.test(principal)) return 'ebs';
  const host =
    /^([a-z0-9-]+)(?:\.[a-z0-9-]+)?\.amazonaws\.com$/.exec(principal)?.[1] ?? /:role\/aws-service-role\/([a-z0-9-]+)\.amazonaws\.com\//.exec(principal)?.[1];
  return host ? (PRINCIPAL_SERVICES[host] ?? host) : undefined;
}

/**
 * Grants → consumers of kind `grant`: one per resource the grants name in their encryption
 * context (an EBS volume, an RDS instance: several grants for one resource count once), else one
 * per grantee principal. The service is the context's, else the grantee's or retiring principal's
 * service, else `grant`.
 */
function grantConsumers(facts: LiveKeyFacts, grants: readonly LiveGrant[], location: Location): Consumer[] {
  const groups = new Map<string, { service: string; subject: string; grants: LiveGrant[] }>();
  for (const grant of grants) {
    const named = resourceOfGrant(grant);
    const grantee = grant.granteePrincipal ?? 'unknown grantee';
    const service = named?.service ?? serviceOfPrincipal(grant.granteePrincipal) ?? serviceOfPrincipal(grant.retiringPrincipal) ?? 'grant';
    const resource = named ? `live:${named.service}/${named.name}` : `live:grantee/${grantee}`;
    const group = groups.get(resource) ?? { service, subject: named ? named.name : grantee, grants: [] };
    group.grants.push(grant);
    groups.set(resource, group);
  }
  const none = null;
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([resource, group]) => {
      const operations = [...new Set(group.grants.flatMap((g) => g.operations))].sort();
      const count = group.grants.length;
      return {
        resource,
        type: 'kms_grant',
        service: group.service,
        attribute: 'grant',
        purpose: `grant (${operations.join(', ') || 'no operations'})`,
        location,
        replacementOnKeyChange: false,
        via: `${count} grant${count === 1 ? '' : 's'} on ${facts.arn} to ${[...new Set(group.grants.map((g) => g.granteePrincipal ?? '?'))].join(', ')} (live)`,
        kind: 'grant' as const,
        grants: group.grants.map((g) => g.grantId),
        environment: none,
        workload: none,
        dataClass: none,
        owner: none,
      };
    });
}

/** The line that makes the key part of this review: its declaration, else the first reference to it. */
export function referenceLocation(key: Key): Location {
  const repo = key.consumers.find((c) => c.kind !== 'grant');
  return key.location ?? repo?.location ?? key.grants.find((g) => !g.live)?.location ?? key.policy?.location ?? CONFIG_LOCATION;
}

function noteProblem(note: LiveNote, keys: readonly Key[]): Problem {
  const key = note.key ? keys.find((k) => k.id === note.key) : undefined;
  const location = key ? referenceLocation(key) : CONFIG_LOCATION;
  return { rule: 'KMS000', message: `live view: ${note.message}`, location };
}
