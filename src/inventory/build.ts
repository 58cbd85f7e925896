/**
 * Resource[] → Inventory: keys (declared and referenced), aliases, policies, grants, every
 * consumer resolved to its key, classification with provenance, blast radius.
 */
import { type ConsumerSpec, consumerSpecFor, unprotectedData, valuesAtPath } from '../catalog/consumers.js';
import { aliasTypeSpecFor, GRANT_TYPE, KEY_POLICY_TYPE, keyDataSourceFor, keyTypeSpecFor } from '../catalog/keys.js';
import { moduleServiceGuess } from '../catalog/modules.js';
import { isServiceId } from '../catalog/services.js';
import type { Config } from '../config/schema.js';
import { refTargetId } from '../model/address.js';
import { byId } from '../model/by-id.js';
import { flat } from '../model/strings.js';
import type { Classifications, Location, ParseOutput, Resource, UnitInfo, Value } from '../model/types.js';
import { describeValue, isRef, isUnknown } from '../model/value.js';
import { normalizePolicy } from '../parse/policy/normalize.js';
import { blastRadius, UNKNOWN_SERVICE } from './blast-radius.js';
import { type Classifier, createClassifier } from './classify.js';
import { keyArguments } from './key-arguments.js';
import { declaredKey } from './keys.js';
import { KeyResolver, type ReferencedKeyFacts, type Resolution, refTarget } from './resolve.js';
import type { Alias, Inventory, Key, ModuleUse, Unresolved, WithoutCmk } from './types.js';

/**
 * Resources whose encryption is configured by a companion resource that points back at them:
 * `attribute` of the companion holds a reference to the resource, or its name (`nameAttribute`).
 */
const ENCRYPTION_COMPANIONS = new Map<string, { type: string; attribute: string; nameAttribute: string }>([
  ['aws_s3_bucket', { type: 'aws_s3_bucket_server_side_encryption_configuration', attribute: 'bucket', nameAttribute: 'bucket' }],
]);

const COMPANIONS_BY_TYPE = new Map([...ENCRYPTION_COMPANIONS].map(([target, c]) => [c.type, { ...c, target }]));

export function buildInventory(parsed: ParseOutput, config: Config): Inventory {
  return new InventoryBuilder(parsed, createClassifier(config)).build();
}

class InventoryBuilder {
  private readonly resources: ReadonlyMap<string, Resource>;
  private readonly units = new Map<string, UnitInfo>();
  private readonly keys = new Map<string, Key>();
  private readonly aliases: Alias[] = [];
  private readonly unresolved: Unresolved[] = [];
  private readonly withoutCmk: WithoutCmk[] = [];
  private readonly resolver: KeyResolver;
  /** Resources whose encryption a companion resource configures (S3 buckets with a separate SSE configuration). */
  private readonly configuredByCompanion: Set<string>;
  /** Companion id → the id of the resource it configures. */
  private readonly companionTargets: Map<string, string>;

  constructor(
    private readonly parsed: ParseOutput,
    private readonly classifier: Classifier,
  ) {
    this.resources = byId(parsed.resources);
    for (const u of parsed.units) this.units.set(u.id, u);
    this.companionTargets = companionTargets(parsed.resources, this.resources);
    this.configuredByCompanion = new Set(this.companionTargets.values());
    const aliasesByName = new Map<string, Resource[]>();
    for (const r of parsed.resources) {
      const name = this.aliasName(r);
      if (name) aliasesByName.set(name, [...(aliasesByName.get(name) ?? []), r]);
    }
    this.resolver = new KeyResolver({
      resources: this.resources,
      isKeyType,
      followAttribute: (type, mode) => (mode === 'data' ? keyDataSourceFor(type)?.lookupAttribute : aliasTargetAttribute(type)),
      aliasesByName,
      aliasTarget: (alias) => aliasTargetOf(alias),
      targetsReplica: (alias) => {
        const target = aliasTargetOf(alias);
        const key = isRef(target) ? refTarget(this.resources, target) : undefined;
        return key !== undefined && keyTypeSpecFor(key.source, key.type)?.replica === true;
      },
    });
  }

  build(): Inventory {
    const managed = this.parsed.resources.filter((r) => r.mode === 'managed');
    for (const r of managed) {
      const spec = keyTypeSpecFor(r.source, r.type);
      if (spec) this.keys.set(r.id, { ...declaredKey(r, spec), aliases: [], ...emptyKeyParts() });
    }
    for (const r of managed) {
      if (aliasTypeSpecFor(r.source, r.type)) this.addAlias(r);
      else if (r.type === KEY_POLICY_TYPE.type) this.addPolicyResource(r);
      else if (r.type === GRANT_TYPE.type) this.addGrant(r);
    }
    for (const key of this.keys.values()) {
      this.addInlinePolicy(key);
      this.addPrimary(key);
      this.classifyKey(key);
    }
    for (const r of managed) this.addConsumers(r);
    this.addReferencedKeys();
    for (const key of this.keys.values()) this.finishKey(key);
    const keys = [...this.keys.values()].sort(byDeclaredThenId);
    return {
      keys,
      aliases: this.aliases.sort((a, b) => a.name.localeCompare(b.name)),
      unresolved: this.unresolved,
      withoutCmk: this.withoutCmk,
      units: this.parsed.units,
      problems: this.parsed.problems,
    };
  }

  private aliasName(r: Resource): string | undefined {
    const spec = r.mode === 'managed' ? aliasTypeSpecFor(r.source, r.type) : undefined;
    const name = spec ? r.attrs[spec.nameAttributes[0]] : undefined;
    return typeof name === 'string' ? name : undefined;
  }

  private addAlias(r: Resource): void {
    const name = this.aliasName(r) ?? `${describeValue(r.attrs.name_prefix ?? r.attrs.name ?? r.attrs.AliasName ?? null)} (${r.address})`;
    const target = aliasTargetAttribute(r.type);
    const key = this.singleKey(this.resolver.resolve(target ? r.attrs[target] : undefined, r.unit));
    this.aliases.push({ name, ...(key ? { key } : {}), resource: r.id, location: r.location });
    const declared = key ? this.keys.get(key) : undefined;
    if (declared && !declared.aliases.includes(name)) declared.aliases.push(name);
  }

  private addPolicyResource(r: Resource): void {
    const keyId = this.singleKey(this.resolver.resolve(r.attrs[KEY_POLICY_TYPE.attributes.keyId], r.unit));
    const key = keyId ? this.keys.get(keyId) : undefined;
    if (!key) return;
    const location = r.attrLocations[KEY_POLICY_TYPE.attributes.policy] ?? r.location;
    key.policy = { document: normalizePolicy(r.attrs[KEY_POLICY_TYPE.attributes.policy] ?? null, location), from: r.id, location };
    const bypass = r.attrs[KEY_POLICY_TYPE.attributes.bypassLockoutSafetyCheck];
    if (bypass === true) key.bypassLockoutSafetyCheck = true;
  }

  private addInlinePolicy(key: Key): void {
    if (key.policy || !key.type || !key.source) return;
    const resource = this.resources.get(key.id);
    const attribute = keyTypeSpecFor(key.source, key.type)?.attributes.policy;
    const written = attribute && resource ? resource.attrs[attribute] : undefined;
    // `policy = aws_kms_key.primary.policy` (replicas): the referenced key's policy.
    const value = isRef(written) ? (refTarget(this.resources, written)?.attrs[written.attr] ?? written) : written;
    if (!resource || value === undefined || value === null) return;
    const location = resource.attrLocations[attribute as string] ?? resource.location;
    key.policy = { document: normalizePolicy(value, location), from: 'inline', location };
  }

  /** A replica's primary key: its id when declared here, else the ARN it names. */
  private addPrimary(key: Key): void {
    const attribute = key.type && key.source ? keyTypeSpecFor(key.source, key.type)?.attributes.primaryKeyArn : undefined;
    const resource = attribute ? this.resources.get(key.id) : undefined;
    if (!attribute || !resource) return;
    const primary = this.singleKey(this.resolver.resolve(resource.attrs[attribute], resource.unit, resource.region));
    if (!primary) return;
    key.primary = primary;
    this.inheritFromPrimary(key, this.keys.get(primary));
  }

  /**
   * A replica has the spec, usage, origin and rotation of its primary: copied when the primary is
   * declared here. What the replica's type fixes itself (an external replica's origin) is kept; with
   * no declared primary the fields stay Unknown ("a replica has the … of its primary key").
   */
  private inheritFromPrimary(replica: Key, primary: Key | undefined): void {
    if (!primary?.declared || primary === replica) return;
    if (isUnknown(replica.spec)) replica.spec = primary.spec;
    if (isUnknown(replica.usage)) replica.usage = primary.usage;
    if (isUnknown(replica.origin)) replica.origin = primary.origin;
    // The period is not copied: KMS302 reports an invalid period on the primary, where it is written.
    if (isUnknown(replica.rotation.enabled)) replica.rotation = { ...replica.rotation, enabled: primary.rotation.enabled };
  }

  private addGrant(r: Resource): void {
    const a = GRANT_TYPE.attributes;
    const keyId = this.singleKey(this.resolver.resolve(r.attrs[a.keyId], r.unit));
    const key = keyId ? (this.keys.get(keyId) ?? this.ensureReferenced(keyId)) : undefined;
    if (!key) {
      this.unresolvedRef(r, a.keyId, this.resolver.resolve(r.attrs[a.keyId], r.unit));
      return;
    }
    key.grants.push({
      id: r.id,
      grantee: r.attrs[a.grantee] ?? null,
      operations: r.attrs[a.operations] ?? null,
      constraints: r.attrs[a.constraints] ?? null,
      ...(r.attrs[a.retiringPrincipal] !== undefined ? { retiringPrincipal: r.attrs[a.retiringPrincipal] } : {}),
      location: r.location,
    });
  }

  private addConsumers(r: Resource): void {
    if (r.type === 'module') {
      this.addModuleConsumers(r);
      return;
    }
    const spec = consumerSpecFor(r.source, r.type);
    this.addUnlistedKeyAttributes(r, spec);
    if (!spec) return;
    for (const keyPath of spec.keyPaths) {
      for (const { value, path } of valuesAtPath(r.attrs, keyPath.path)) {
        if (isAbsent(value)) continue;
        const location = r.attrLocations[path] ?? r.location;
        const use = { service: spec.service, attribute: path, purpose: keyPath.purpose, replacement: keyPath.replacement, location };
        this.addConsumer(r, use, this.resolver.resolve(value, r.unit, r.region));
      }
    }
    const protection = this.protectionWithoutKey(r, spec);
    if (protection) {
      this.withoutCmk.push({ resource: r.id, type: r.type, service: spec.service, protection, location: r.location, ...this.classifyConsumer(r) });
    }
  }

  /** What protects the data when no key attribute names a customer managed key; undefined when a key is set or it cannot be told. */
  private protectionWithoutKey(r: Resource, spec: ConsumerSpec): WithoutCmk['protection'] | undefined {
    return this.hasEncryptionCompanion(r) ? undefined : unprotectedData(r.attrs, spec)?.protection;
  }

  /**
   * A key-named attribute that the consumer catalogue does not list for the resource's type (or a
   * type it does not list at all) still makes the resource a consumer, of the service its type
   * names when known: a key reference is never dropped. Key, alias, grant and policy resources
   * wire keys themselves.
   */
  private addUnlistedKeyAttributes(r: Resource, spec: ConsumerSpec | undefined): void {
    if (wiresKeys(r)) return;
    const listed = new Set(spec?.keyPaths.map((k) => k.path));
    for (const argument of keyArguments(r.attrs)) {
      if (argument.kind !== 'named' || listed.has(argument.path)) continue;
      const service = spec?.service ?? serviceOfType(r.type);
      const use = {
        service,
        attribute: argument.path,
        purpose: `${argument.path} (not in the catalogue)`,
        replacement: false,
        location: locationAt(r, argument.path),
      };
      this.addConsumer(r, use, this.resolver.resolve(argument.value, r.unit, r.region));
    }
  }

  /**
   * A call to a module we cannot read is an opaque consumer of every key it passes, in any argument
   * at any depth: a key-named argument (`kms_key_arn`) always counts (unresolved when it cannot be
   * followed), any other argument when its value resolves to a key.
   */
  private addModuleConsumers(r: Resource): void {
    const module = { source: describeValue(r.attrs.source ?? ''), ...(typeof r.attrs.version === 'string' ? { version: r.attrs.version } : {}) };
    for (const argument of keyArguments(r.attrs)) {
      const location = locationAt(r, argument.path);
      const use = {
        service: moduleService(r.attrs.source),
        attribute: argument.path,
        purpose: `module input ${argument.path}`,
        replacement: false,
        location,
        module,
      };
      const resolutions = this.resolver.resolve(argument.value, r.unit, r.region);
      if (argument.kind === 'named') this.addConsumer(r, use, resolutions);
      else
        this.addConsumer(
          r,
          use,
          resolutions.filter((res) => res.kind === 'key'),
        );
    }
  }

  private addConsumer(
    r: Resource,
    use: { service: string; attribute: string; purpose: string; replacement: boolean; location: Location; module?: ModuleUse },
    resolutions: Resolution[],
  ): void {
    for (const resolution of resolutions) {
      if (resolution.kind === 'unresolved') {
        this.unresolved.push({
          resource: r.id,
          type: r.type,
          attribute: use.attribute,
          location: use.location,
          expr: resolution.expr,
          reason: resolution.reason,
        });
        continue;
      }
      const key = this.keys.get(resolution.keyId) ?? this.ensureReferenced(resolution.keyId);
      if (!key) continue;
      key.consumers.push({
        resource: r.id,
        type: r.type,
        service: use.service,
        attribute: use.attribute,
        purpose: use.purpose,
        location: use.location,
        replacementOnKeyChange: use.replacement,
        via: flat(resolution.via),
        ...(use.module ? { kind: 'module' as const, module: use.module } : {}),
        ...(r.multiplicity ? { multiplicity: r.multiplicity } : {}),
        ...(resolution.conditional || r.conditional ? { conditional: resolution.conditional ?? r.conditional } : {}),
        ...this.classifyConsumer(r, key),
      });
    }
  }

  private hasEncryptionCompanion(r: Resource): boolean {
    return this.configuredByCompanion.has(r.id);
  }

  /** A companion (S3 SSE configuration) is classified by the resource it configures, which has the tags. */
  private classificationSubject(r: Resource): Resource {
    const target = this.companionTargets.get(r.id);
    return (target && this.resources.get(target)) || r;
  }

  private classifyConsumer(r: Resource, key?: Key): Classifications {
    const subject = this.classificationSubject(r);
    const name = subject.address.split('.').pop() ?? subject.address;
    return this.classifier.classify({
      resource: subject,
      unit: this.units.get(r.unit),
      file: r.location.file,
      names: [subject.tags.Name, name].filter((n): n is string => Boolean(n)),
      ...(key ? { keyTags: key } : {}),
    });
  }

  private ensureReferenced(keyId: string): Key | undefined {
    const facts = this.resolver.referencedKeys.get(keyId);
    if (!facts) return undefined;
    const key = referencedKey(facts);
    this.classifyKey(key);
    this.keys.set(keyId, key);
    return key;
  }

  private addReferencedKeys(): void {
    for (const id of this.resolver.referencedKeys.keys()) if (!this.keys.has(id)) this.ensureReferenced(id);
  }

  /** Keys are classified once their aliases are known and before consumers, whose data class and owner may fall back to the key's tags. */
  private classifyKey(key: Key): void {
    const resource = this.resources.get(key.id);
    const classification = this.classifier.classify({
      ...(resource ? { resource, file: resource.location.file, unit: this.units.get(resource.unit) } : {}),
      names: key.aliases,
    });
    Object.assign(key, classification);
  }

  private finishKey(key: Key): void {
    key.consumers.sort((a, b) => a.resource.localeCompare(b.resource) || a.attribute.localeCompare(b.attribute));
    key.blastRadius = blastRadius(key.consumers);
  }

  private singleKey(resolutions: Resolution[]): string | undefined {
    const keys = resolutions.filter((r) => r.kind === 'key');
    return keys.length === 1 && keys[0].kind === 'key' ? keys[0].keyId : undefined;
  }

  private unresolvedRef(r: Resource, attribute: string, resolutions: Resolution[]): void {
    for (const res of resolutions) {
      if (res.kind === 'unresolved') {
        this.unresolved.push({
          resource: r.id,
          type: r.type,
          attribute,
          location: r.attrLocations[attribute] ?? r.location,
          expr: res.expr,
          reason: res.reason,
        });
      }
    }
  }
}

/**
 * Companion id → id of the resource it configures: from a reference (`bucket = aws_s3_bucket.x.id`),
 * else from a name (`bucket = "acme-exports"`, as plans and state show every known value) that
 * exactly one resource of the target type in the same unit has.
 */
function companionTargets(all: readonly Resource[], resources: ReadonlyMap<string, Resource>): Map<string, string> {
  const byName = new Map<string, string[]>();
  for (const r of all) {
    const spec = r.mode === 'managed' ? ENCRYPTION_COMPANIONS.get(r.type) : undefined;
    const name = spec ? r.attrs[spec.nameAttribute] : undefined;
    if (typeof name !== 'string' || name === '') continue;
    const key = `${r.type}\u0000${r.unit}\u0000${name}`;
    byName.set(key, [...(byName.get(key) ?? []), r.id]);
  }
  const targets = new Map<string, string>();
  for (const r of all) {
    const companion = COMPANIONS_BY_TYPE.get(r.type);
    const value = companion ? r.attrs[companion.attribute] : undefined;
    if (!companion || value === undefined) continue;
    if (isRef(value)) targets.set(r.id, refTarget(resources, value)?.id ?? refTargetId(value));
    else if (isUnknown(value)) {
      // `"${aws_s3_bucket.x.id}"` known after apply, or an interpolation: the one resource of the target type it mentions.
      const mentioned = new Set(
        (value.refs ?? [])
          .map((ref) => refTarget(resources, ref))
          .filter((t) => t?.type === companion.target)
          .map((t) => t?.id),
      );
      if (mentioned.size === 1) targets.set(r.id, [...mentioned][0] as string);
    } else if (typeof value === 'string') {
      const named = byName.get(`${companion.target}\u0000${r.unit}\u0000${value}`);
      if (named?.length === 1) targets.set(r.id, named[0]);
    }
  }
  return targets;
}

/**
 * The resource a reference points at: the instance it names (`aws_s3_bucket.b["x"]`), or the one
 * declaration when the resource is not expanded (conditional count, > 50 instances, module with
 * count / for_each), where `aws_s3_bucket.b[0]` still means `aws_s3_bucket.b`.
 */
/** Not set: `null`, or `""`, which Terraform state and plans show for an optional string argument left out. */
function isAbsent(value: Value): boolean {
  return value === null || value === '';
}

function isKeyType(type: string): boolean {
  return keyTypeSpecFor('terraform', type) !== undefined || keyTypeSpecFor('cloudformation', type) !== undefined;
}

function aliasTargetOf(alias: Resource): Value | undefined {
  const attribute = aliasTargetAttribute(alias.type);
  return attribute ? alias.attrs[attribute] : undefined;
}

function aliasTargetAttribute(type: string): string | undefined {
  return (aliasTypeSpecFor('terraform', type) ?? aliasTypeSpecFor('cloudformation', type))?.targetAttribute;
}

/** Keys, aliases, grants and key policies: their key attributes are the key graph, not consumers. */
function wiresKeys(r: Resource): boolean {
  return isKeyType(r.type) || aliasTargetAttribute(r.type) !== undefined || r.type === GRANT_TYPE.type || r.type === KEY_POLICY_TYPE.type || r.type === 'moved';
}

/** `aws_sagemaker_domain` → `sagemaker`, `AWS::Kendra::Index` → `kendra` when that names a service, else unknown. */
function serviceOfType(type: string): string {
  const word = (type.startsWith('AWS::') ? type.split('::')[1] : (type.split('_')[1] ?? '')).toLowerCase();
  return isServiceId(word) ? word : UNKNOWN_SERVICE;
}

/** The line of a dotted argument path, else of the nearest enclosing argument, else of the call. */
function locationAt(r: Resource, path: string): Location {
  for (let at = path; at !== ''; at = at.includes('.') ? at.slice(0, at.lastIndexOf('.')) : '') {
    const location = r.attrLocations[at];
    if (location) return location;
  }
  return r.location;
}

/** `terraform-aws-modules/sqs/aws` → `sqs`: the service a module we cannot read is named after, else unknown. */
function moduleService(source: Value | undefined): string {
  return (typeof source === 'string' ? moduleServiceGuess(source) : undefined) ?? UNKNOWN_SERVICE;
}

function emptyKeyParts() {
  return {
    grants: [],
    consumers: [],
    environment: null,
    workload: null,
    dataClass: null,
    owner: null,
    blastRadius: blastRadius([]),
  };
}

function referencedKey(facts: ReferencedKeyFacts): Key {
  const notDeclared = (what: string) => ({ $kind: 'unknown' as const, expr: facts.id, reason: `${what} of a key not declared in this repository` });
  return {
    id: facts.id,
    declared: false,
    manager: facts.manager,
    aliases: facts.alias ? [facts.alias] : [],
    ...(facts.account ? { account: facts.account } : {}),
    ...(facts.region ? { region: facts.region } : {}),
    spec: facts.manager === 'aws' ? 'SYMMETRIC_DEFAULT' : notDeclared('spec'),
    usage: facts.manager === 'aws' ? 'ENCRYPT_DECRYPT' : notDeclared('usage'),
    origin: facts.manager === 'aws' ? 'AWS_KMS' : notDeclared('origin'),
    multiRegion: facts.manager === 'aws' ? false : notDeclared('multi-region'),
    rotation: { enabled: facts.manager === 'aws' ? true : notDeclared('rotation') },
    enabled: notDeclared('state'),
    tags: {},
    attributeLocations: {},
    ...emptyKeyParts(),
  };
}

function byDeclaredThenId(a: Key, b: Key): number {
  return Number(b.declared) - Number(a.declared) || a.id.localeCompare(b.id);
}
