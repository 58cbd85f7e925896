/**
 * The resource types that declare KMS keys, aliases, grants and key policies, and which attribute
 * carries each normalised field, so the inventory reads Terraform and CloudFormation the same way.
 */
import type { Scalar, SourceKind } from '../model/types.js';

export type CatalogSource = 'terraform' | 'cloudformation';

/** Plan resources carry Terraform types; policy files declare no resources of the catalog. */
const CATALOG_SOURCES: Readonly<Record<SourceKind | CatalogSource, CatalogSource | undefined>> = {
  terraform: 'terraform',
  plan: 'terraform',
  cloudformation: 'cloudformation',
  policy: undefined,
};

export function catalogSourceOf(source: SourceKind | CatalogSource): CatalogSource | undefined {
  return CATALOG_SOURCES[source];
}

/** A lookup of specs by source and type (the first spec listed wins), made once: it runs for every resource. */
function bySourceAndType<T extends { source: CatalogSource; type: string }>(specs: readonly T[]): (source: SourceKind, type: string) => T | undefined {
  const index = new Map<CatalogSource, Map<string, T>>();
  for (const spec of specs) {
    const ofSource = index.get(spec.source) ?? new Map<string, T>();
    index.set(spec.source, ofSource);
    if (!ofSource.has(spec.type)) ofSource.set(spec.type, spec);
  }
  return (source, type) => {
    const catalogSource = catalogSourceOf(source);
    return catalogSource ? index.get(catalogSource)?.get(type) : undefined;
  };
}

export type KeyField =
  | 'description'
  | 'policy'
  | 'enableRotation'
  | 'rotationPeriodDays'
  | 'deletionWindowDays'
  | 'keyUsage'
  | 'keySpec'
  | 'multiRegion'
  | 'enabled'
  | 'origin'
  | 'bypassLockoutSafetyCheck'
  | 'customKeyStoreId'
  | 'primaryKeyArn'
  | 'xksKeyId'
  | 'tags';

/** What reading an attribute of a key/alias resource yields; a consumer may hold any of these. */
export type ReferenceYield = 'key-arn' | 'key-id' | 'alias-arn' | 'alias-name';

export interface KeyTypeSpec {
  type: string;
  source: CatalogSource;
  /** Replicas take spec, usage and rotation from their primary. */
  replica: boolean;
  /** Attribute name holding each field; a field the type cannot set is absent. */
  attributes: Partial<Record<KeyField, string>>;
  /** Fields the type fixes whatever is written (external keys always have EXTERNAL origin). */
  fixed: Partial<Record<KeyField, Scalar>>;
  /** What AWS (or the provider) uses when the attribute is not written. */
  defaults: Partial<Record<KeyField, Scalar>>;
  /** Attribute names whose change replaces the key (ForceNew / "Update requires: Replacement"). */
  replacingAttributes: readonly string[];
  /** Referenceable attributes (`Ref` for CloudFormation `!Ref`) and what they yield. */
  references: Readonly<Record<string, ReferenceYield>>;
}

const TF_KEY_REFERENCES = { arn: 'key-arn', key_id: 'key-id', id: 'key-id' } as const;
const CFN_KEY_REFERENCES = { Arn: 'key-arn', KeyId: 'key-id', Ref: 'key-id' } as const;

const TF_COMMON = {
  description: 'description',
  policy: 'policy',
  deletionWindowDays: 'deletion_window_in_days',
  bypassLockoutSafetyCheck: 'bypass_policy_lockout_safety_check',
  tags: 'tags',
} as const;
const CFN_COMMON = { description: 'Description', policy: 'KeyPolicy', deletionWindowDays: 'PendingWindowInDays', tags: 'Tags' } as const;

const COMMON_DEFAULTS = { deletionWindowDays: 30, enabled: true, bypassLockoutSafetyCheck: false } as const;
const PRIMARY_DEFAULTS = {
  ...COMMON_DEFAULTS,
  enableRotation: false,
  rotationPeriodDays: 365,
  keyUsage: 'ENCRYPT_DECRYPT',
  keySpec: 'SYMMETRIC_DEFAULT',
  multiRegion: false,
  origin: 'AWS_KMS',
} as const;

export const KEY_TYPES: readonly KeyTypeSpec[] = [
  {
    type: 'aws_kms_key',
    source: 'terraform',
    replica: false,
    attributes: {
      ...TF_COMMON,
      enableRotation: 'enable_key_rotation',
      rotationPeriodDays: 'rotation_period_in_days',
      keyUsage: 'key_usage',
      keySpec: 'customer_master_key_spec',
      multiRegion: 'multi_region',
      enabled: 'is_enabled',
      customKeyStoreId: 'custom_key_store_id',
      xksKeyId: 'xks_key_id',
    },
    fixed: {},
    // No origin attribute: it is AWS_KMS, or AWS_CLOUDHSM / EXTERNAL_KEY_STORE when a custom key store is set.
    defaults: PRIMARY_DEFAULTS,
    replacingAttributes: ['customer_master_key_spec', 'key_usage', 'multi_region', 'custom_key_store_id', 'xks_key_id'],
    references: TF_KEY_REFERENCES,
  },
  {
    type: 'aws_kms_replica_key',
    source: 'terraform',
    replica: true,
    attributes: { ...TF_COMMON, enabled: 'enabled', primaryKeyArn: 'primary_key_arn' },
    fixed: { multiRegion: true },
    defaults: COMMON_DEFAULTS,
    replacingAttributes: ['primary_key_arn'],
    references: TF_KEY_REFERENCES,
  },
  {
    type: 'aws_kms_external_key',
    source: 'terraform',
    replica: false,
    // key_spec / key_usage arrived in provider 5.x with asymmetric and HMAC import.
    attributes: { ...TF_COMMON, enabled: 'enabled', multiRegion: 'multi_region', keySpec: 'key_spec', keyUsage: 'key_usage' },
    fixed: { origin: 'EXTERNAL', enableRotation: false },
    defaults: { ...COMMON_DEFAULTS, keyUsage: 'ENCRYPT_DECRYPT', keySpec: 'SYMMETRIC_DEFAULT', multiRegion: false },
    // Different key material cannot be imported into an existing key, so the provider replaces it.
    replacingAttributes: ['key_material_base64', 'multi_region', 'key_spec', 'key_usage'],
    references: TF_KEY_REFERENCES,
  },
  {
    type: 'aws_kms_replica_external_key',
    source: 'terraform',
    replica: true,
    attributes: { ...TF_COMMON, enabled: 'enabled', primaryKeyArn: 'primary_key_arn' },
    fixed: { origin: 'EXTERNAL', enableRotation: false, multiRegion: true },
    defaults: COMMON_DEFAULTS,
    replacingAttributes: ['key_material_base64', 'primary_key_arn'],
    references: TF_KEY_REFERENCES,
  },
  {
    type: 'AWS::KMS::Key',
    source: 'cloudformation',
    replica: false,
    attributes: {
      ...CFN_COMMON,
      enableRotation: 'EnableKeyRotation',
      rotationPeriodDays: 'RotationPeriodInDays',
      keyUsage: 'KeyUsage',
      keySpec: 'KeySpec',
      multiRegion: 'MultiRegion',
      enabled: 'Enabled',
      origin: 'Origin',
      bypassLockoutSafetyCheck: 'BypassPolicyLockoutSafetyCheck',
    },
    fixed: {},
    defaults: PRIMARY_DEFAULTS,
    // Documented as "Replacement"; CloudFormation actually fails such an update rather than delete a key.
    replacingAttributes: ['KeySpec', 'KeyUsage', 'MultiRegion', 'Origin'],
    references: CFN_KEY_REFERENCES,
  },
  {
    type: 'AWS::KMS::ReplicaKey',
    source: 'cloudformation',
    replica: true,
    attributes: { ...CFN_COMMON, enabled: 'Enabled', primaryKeyArn: 'PrimaryKeyArn' },
    fixed: { multiRegion: true },
    defaults: { deletionWindowDays: 30, enabled: true },
    replacingAttributes: ['PrimaryKeyArn'],
    references: CFN_KEY_REFERENCES,
  },
];

export interface AliasTypeSpec {
  type: string;
  source: CatalogSource;
  /** Attributes that may hold the alias name (`name_prefix` makes a generated one). */
  nameAttributes: readonly string[];
  targetAttribute: string;
  references: Readonly<Record<string, ReferenceYield>>;
}

export const ALIAS_TYPES: readonly AliasTypeSpec[] = [
  {
    type: 'aws_kms_alias',
    source: 'terraform',
    nameAttributes: ['name', 'name_prefix'],
    targetAttribute: 'target_key_id',
    references: { arn: 'alias-arn', name: 'alias-name', id: 'alias-name', target_key_arn: 'key-arn', target_key_id: 'key-id' },
  },
  {
    type: 'AWS::KMS::Alias',
    source: 'cloudformation',
    nameAttributes: ['AliasName'],
    targetAttribute: 'TargetKeyId',
    references: { Ref: 'alias-name' },
  },
];

/** `aws_kms_grant` (CloudFormation has no grant resource). Nested paths are dotted. */
export const GRANT_TYPE = {
  type: 'aws_kms_grant',
  source: 'terraform',
  attributes: {
    keyId: 'key_id',
    name: 'name',
    grantee: 'grantee_principal',
    operations: 'operations',
    retiringPrincipal: 'retiring_principal',
    grantCreationTokens: 'grant_creation_tokens',
    constraints: 'constraints',
    encryptionContextEquals: 'constraints.encryption_context_equals',
    encryptionContextSubset: 'constraints.encryption_context_subset',
  },
} as const;

/** `aws_kms_key_policy`: a key's policy set by a separate resource. */
export const KEY_POLICY_TYPE = {
  type: 'aws_kms_key_policy',
  source: 'terraform',
  attributes: { keyId: 'key_id', policy: 'policy', bypassLockoutSafetyCheck: 'bypass_policy_lockout_safety_check' },
} as const;

export interface KeyDataSourceSpec {
  type: string;
  /** The argument that names the key looked up. */
  lookupAttribute: string;
  references: Readonly<Record<string, ReferenceYield>>;
}

/** Terraform data sources that point at an existing key (`data.aws_kms_key.x`, `data.aws_kms_alias.x`). */
export const KEY_DATA_SOURCES: readonly KeyDataSourceSpec[] = [
  { type: 'aws_kms_key', lookupAttribute: 'key_id', references: { arn: 'key-arn', id: 'key-id' } },
  {
    type: 'aws_kms_alias',
    lookupAttribute: 'name',
    references: { arn: 'alias-arn', name: 'alias-name', target_key_arn: 'key-arn', target_key_id: 'key-id' },
  },
];

export const keyTypeSpecFor: (source: SourceKind, type: string) => KeyTypeSpec | undefined = bySourceAndType(KEY_TYPES);

export const aliasTypeSpecFor: (source: SourceKind, type: string) => AliasTypeSpec | undefined = bySourceAndType(ALIAS_TYPES);

export function keyDataSourceFor(type: string): KeyDataSourceSpec | undefined {
  return KEY_DATA_SOURCES.find((spec) => spec.type === type);
}
