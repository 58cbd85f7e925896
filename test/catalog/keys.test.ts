import { describe, expect, it } from 'vitest';
import {
  ALIAS_TYPES,
  aliasTypeSpecFor,
  catalogSourceOf,
  GRANT_TYPE,
  KEY_POLICY_TYPE,
  KEY_TYPES,
  keyDataSourceFor,
  keyTypeSpecFor,
} from '../../src/catalog/index.js';

describe('key types', () => {
  it('covers the key-declaring types of both sources', () => {
    expect(KEY_TYPES.map((spec) => spec.type)).toEqual([
      'aws_kms_key',
      'aws_kms_replica_key',
      'aws_kms_external_key',
      'aws_kms_replica_external_key',
      'AWS::KMS::Key',
      'AWS::KMS::ReplicaKey',
    ]);
  });

  it('maps the fields of aws_kms_key to its attributes, with AWS defaults', () => {
    const spec = keyTypeSpecFor('terraform', 'aws_kms_key');
    expect(spec?.attributes).toEqual({
      description: 'description',
      policy: 'policy',
      deletionWindowDays: 'deletion_window_in_days',
      bypassLockoutSafetyCheck: 'bypass_policy_lockout_safety_check',
      tags: 'tags',
      enableRotation: 'enable_key_rotation',
      rotationPeriodDays: 'rotation_period_in_days',
      keyUsage: 'key_usage',
      keySpec: 'customer_master_key_spec',
      multiRegion: 'multi_region',
      enabled: 'is_enabled',
      customKeyStoreId: 'custom_key_store_id',
      xksKeyId: 'xks_key_id',
    });
    expect(spec?.defaults).toEqual({
      deletionWindowDays: 30,
      enabled: true,
      bypassLockoutSafetyCheck: false,
      enableRotation: false,
      rotationPeriodDays: 365,
      keyUsage: 'ENCRYPT_DECRYPT',
      keySpec: 'SYMMETRIC_DEFAULT',
      multiRegion: false,
      origin: 'AWS_KMS',
    });
    expect(spec?.replacingAttributes).toEqual(['customer_master_key_spec', 'key_usage', 'multi_region', 'custom_key_store_id', 'xks_key_id']);
    expect(spec?.references).toEqual({ arn: 'key-arn', key_id: 'key-id', id: 'key-id' });
  });

  it('maps the fields of AWS::KMS::Key, whose Ref is the key id', () => {
    const spec = keyTypeSpecFor('cloudformation', 'AWS::KMS::Key');
    expect(spec?.attributes.enableRotation).toBe('EnableKeyRotation');
    expect(spec?.attributes.rotationPeriodDays).toBe('RotationPeriodInDays');
    expect(spec?.attributes.deletionWindowDays).toBe('PendingWindowInDays');
    expect(spec?.attributes.keySpec).toBe('KeySpec');
    expect(spec?.attributes.origin).toBe('Origin');
    expect(spec?.attributes.policy).toBe('KeyPolicy');
    expect(spec?.replacingAttributes).toEqual(['KeySpec', 'KeyUsage', 'MultiRegion', 'Origin']);
    expect(spec?.references).toEqual({ Arn: 'key-arn', KeyId: 'key-id', Ref: 'key-id' });
  });

  it('fixes EXTERNAL origin and no rotation for imported key material', () => {
    for (const type of ['aws_kms_external_key', 'aws_kms_replica_external_key']) {
      const spec = keyTypeSpecFor('terraform', type);
      expect(spec?.fixed.origin).toBe('EXTERNAL');
      expect(spec?.fixed.enableRotation).toBe(false);
      expect(spec?.attributes.enabled).toBe('enabled');
      expect(spec?.replacingAttributes).toContain('key_material_base64');
    }
  });

  it('ties replicas to their primary, which replaces them when changed', () => {
    for (const [source, type, attribute] of [
      ['terraform', 'aws_kms_replica_key', 'primary_key_arn'],
      ['terraform', 'aws_kms_replica_external_key', 'primary_key_arn'],
      ['cloudformation', 'AWS::KMS::ReplicaKey', 'PrimaryKeyArn'],
    ] as const) {
      const spec = keyTypeSpecFor(source, type);
      expect(spec?.replica).toBe(true);
      expect(spec?.fixed.multiRegion).toBe(true);
      expect(spec?.attributes.primaryKeyArn).toBe(attribute);
      expect(spec?.replacingAttributes).toContain(attribute);
    }
  });

  it('only replicas lack a key spec attribute, and every replacing attribute is a known attribute or key material', () => {
    for (const spec of KEY_TYPES) {
      expect(spec.attributes.keySpec === undefined).toBe(spec.replica);
      const known = new Set([...Object.values(spec.attributes), 'key_material_base64']);
      for (const attribute of spec.replacingAttributes) expect(known.has(attribute)).toBe(true);
    }
  });

  it('finds plan resources as Terraform and nothing for other sources', () => {
    expect(keyTypeSpecFor('plan', 'aws_kms_key')?.type).toBe('aws_kms_key');
    expect(keyTypeSpecFor('cloudformation', 'aws_kms_key')).toBeUndefined();
    expect(catalogSourceOf('policy')).toBeUndefined();
  });
});

describe('aliases, grants, key policies and data sources', () => {
  it('describes aliases of both sources', () => {
    expect(ALIAS_TYPES).toHaveLength(2);
    expect(aliasTypeSpecFor('terraform', 'aws_kms_alias')).toEqual({
      type: 'aws_kms_alias',
      source: 'terraform',
      nameAttributes: ['name', 'name_prefix'],
      targetAttribute: 'target_key_id',
      references: { arn: 'alias-arn', name: 'alias-name', id: 'alias-name', target_key_arn: 'key-arn', target_key_id: 'key-id' },
    });
    expect(aliasTypeSpecFor('cloudformation', 'AWS::KMS::Alias')?.references).toEqual({ Ref: 'alias-name' });
    expect(aliasTypeSpecFor('cloudformation', 'AWS::KMS::Alias')?.targetAttribute).toBe('TargetKeyId');
  });

  it('describes grants and key policies', () => {
    expect(GRANT_TYPE.attributes.encryptionContextSubset).toBe('constraints.encryption_context_subset');
    expect(GRANT_TYPE.attributes.grantee).toBe('grantee_principal');
    expect(KEY_POLICY_TYPE.attributes).toEqual({ keyId: 'key_id', policy: 'policy', bypassLockoutSafetyCheck: 'bypass_policy_lockout_safety_check' });
  });

  it('describes the key data sources', () => {
    expect(keyDataSourceFor('aws_kms_key')).toEqual({ type: 'aws_kms_key', lookupAttribute: 'key_id', references: { arn: 'key-arn', id: 'key-id' } });
    expect(keyDataSourceFor('aws_kms_alias')?.references.target_key_arn).toBe('key-arn');
    expect(keyDataSourceFor('aws_kms_grant')).toBeUndefined();
  });
});
