import { describe, expect, it } from 'vitest';
import { actionGroup, expandActionPattern, GRANT_OPERATIONS, isKnownAction, KMS_ACTION_NAMES, KMS_ACTIONS } from '../../src/catalog/index.js';

describe('KMS actions', () => {
  it('lists all 54 KMS API actions', () => {
    expect(KMS_ACTION_NAMES).toHaveLength(54);
    expect(KMS_ACTION_NAMES).toContain('RotateKeyOnDemand');
    expect(KMS_ACTION_NAMES).toContain('DeriveSharedSecret');
  });

  it('groups actions by duty', () => {
    const byGroup = (group: string) => KMS_ACTION_NAMES.filter((name) => KMS_ACTIONS[name] === group);
    expect(byGroup('usage')).toEqual([
      'Decrypt',
      'DeriveSharedSecret',
      'Encrypt',
      'GenerateDataKey',
      'GenerateDataKeyPair',
      'GenerateDataKeyPairWithoutPlaintext',
      'GenerateDataKeyWithoutPlaintext',
      'GenerateMac',
      'GetPublicKey',
      'ReEncryptFrom',
      'ReEncryptTo',
      'Sign',
      'Verify',
      'VerifyMac',
    ]);
    expect(byGroup('grant')).toEqual(['CreateGrant', 'ListGrants', 'ListRetirableGrants', 'RetireGrant', 'RevokeGrant']);
    expect(byGroup('policy')).toEqual(['PutKeyPolicy']);
    expect(byGroup('read')).toEqual([
      'DescribeCustomKeyStores',
      'DescribeKey',
      'GenerateRandom',
      'GetKeyPolicy',
      'GetKeyRotationStatus',
      'ListAliases',
      'ListKeyPolicies',
      'ListKeyRotations',
      'ListKeys',
      'ListResourceTags',
    ]);
    expect(byGroup('admin')).toHaveLength(24);
    expect(byGroup('admin')).toEqual(
      expect.arrayContaining([
        'ScheduleKeyDeletion',
        'CancelKeyDeletion',
        'TagResource',
        'UntagResource',
        'ImportKeyMaterial',
        'RotateKeyOnDemand',
        'ReplicateKey',
        'DisableKey',
        'EnableKeyRotation',
        'UpdateAlias',
        'DeleteAlias',
      ]),
    );
  });

  it.each([
    ['kms:Decrypt', 'usage'],
    ['KMS:decrypt', 'usage'],
    ['Decrypt', 'usage'],
    ['kms:PutKeyPolicy', 'policy'],
    ['kms:ScheduleKeyDeletion', 'admin'],
    ['kms:CreateGrant', 'grant'],
    ['kms:DescribeKey', 'read'],
    ['kms:Decrypt*', undefined],
    ['kms:Frobnicate', undefined],
    ['s3:GetObject', undefined],
  ])('actionGroup(%s) is %s', (action, group) => {
    expect(actionGroup(action)).toBe(group);
    expect(isKnownAction(action)).toBe(group !== undefined);
  });

  it.each([
    ['kms:Get*', ['kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:GetParametersForImport', 'kms:GetPublicKey']],
    ['kms:?ecrypt', ['kms:Decrypt']],
    ['kms:ReEncrypt*', ['kms:ReEncryptFrom', 'kms:ReEncryptTo']],
    ['kms:generatedatakeypair*', ['kms:GenerateDataKeyPair', 'kms:GenerateDataKeyPairWithoutPlaintext']],
    ['KMS:Decrypt', ['kms:Decrypt']],
    ['kms:*Grant*', ['kms:CreateGrant', 'kms:ListGrants', 'kms:ListRetirableGrants', 'kms:RetireGrant', 'kms:RevokeGrant']],
    ['k?s:Sign', ['kms:Sign']],
    ['kms:Nope', []],
    ['s3:*', []],
    ['Decrypt', []],
    ['kms:Decrypt.', []],
  ])('expandActionPattern(%s)', (pattern, expected) => {
    expect(expandActionPattern(pattern)).toEqual(expected);
  });

  it('expands kms:* and * to every action', () => {
    const all = KMS_ACTION_NAMES.map((name) => `kms:${name}`);
    expect(expandActionPattern('kms:*')).toEqual(all);
    expect(expandActionPattern('*')).toEqual(all);
    expect(expandActionPattern('*:*')).toEqual(all);
  });

  it('lists the operations a grant may allow, all known KMS actions', () => {
    expect(GRANT_OPERATIONS).toHaveLength(17);
    for (const operation of GRANT_OPERATIONS) expect(isKnownAction(operation)).toBe(true);
    expect(GRANT_OPERATIONS).not.toContain('PutKeyPolicy');
    expect(GRANT_OPERATIONS).not.toContain('ScheduleKeyDeletion');
    expect(GRANT_OPERATIONS).toContain('CreateGrant');
  });
});
