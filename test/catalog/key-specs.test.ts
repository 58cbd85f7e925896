import { describe, expect, it } from 'vitest';
import { isUsageAllowed, KEY_SPEC_NAMES, keySpecInfo } from '../../src/catalog/index.js';

describe('key specs', () => {
  it.each([
    ['SYMMETRIC_DEFAULT', 'symmetric', ['ENCRYPT_DECRYPT'], true, true],
    ['RSA_2048', 'rsa', ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'], false, false],
    ['RSA_4096', 'rsa', ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'], false, false],
    ['ECC_NIST_P256', 'ecc', ['SIGN_VERIFY', 'KEY_AGREEMENT'], false, false],
    ['ECC_NIST_P521', 'ecc', ['SIGN_VERIFY', 'KEY_AGREEMENT'], false, false],
    ['ECC_SECG_P256K1', 'ecc', ['SIGN_VERIFY'], false, false],
    ['HMAC_256', 'hmac', ['GENERATE_VERIFY_MAC'], false, false],
    ['SM2', 'sm2', ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'KEY_AGREEMENT'], false, false],
    ['ML_DSA_65', 'ml-dsa', ['SIGN_VERIFY'], false, false],
  ])('%s: family %s, usages %j, rotatable %s, service encryption %s', (spec, family, usages, autoRotatable, service) => {
    expect(keySpecInfo(spec)).toEqual({ family, usages, autoRotatable, usableForServiceEncryption: service });
  });

  it('knows 16 specs, and only SYMMETRIC_DEFAULT rotates or serves AWS services', () => {
    expect(KEY_SPEC_NAMES).toHaveLength(16);
    expect(KEY_SPEC_NAMES.filter((spec) => keySpecInfo(spec)?.autoRotatable)).toEqual(['SYMMETRIC_DEFAULT']);
    expect(KEY_SPEC_NAMES.filter((spec) => keySpecInfo(spec)?.usableForServiceEncryption)).toEqual(['SYMMETRIC_DEFAULT']);
  });

  it('returns undefined for unknown specs', () => {
    expect(keySpecInfo('AES_256')).toBeUndefined();
    expect(keySpecInfo('toString')).toBeUndefined();
  });

  it.each([
    ['SYMMETRIC_DEFAULT', 'ENCRYPT_DECRYPT', true],
    ['SYMMETRIC_DEFAULT', 'SIGN_VERIFY', false],
    ['RSA_3072', 'SIGN_VERIFY', true],
    ['HMAC_512', 'ENCRYPT_DECRYPT', false],
    ['ECC_NIST_P384', 'KEY_AGREEMENT', true],
    ['ECC_SECG_P256K1', 'KEY_AGREEMENT', false],
    ['NOPE', 'ENCRYPT_DECRYPT', false],
  ])('usage %s with %s allowed: %s', (spec, usage, allowed) => {
    expect(isUsageAllowed(spec, usage)).toBe(allowed);
  });
});
