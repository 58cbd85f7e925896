/**
 * KMS key specs and what each allows. Rules need this to stay quiet where AWS allows nothing else:
 * only symmetric encryption keys rotate automatically (KMS301) and only they can protect data at
 * rest in an AWS service (KMS305).
 */

export type KeyUsage = 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC' | 'KEY_AGREEMENT';
export type KeySpecFamily = 'symmetric' | 'rsa' | 'ecc' | 'hmac' | 'sm2' | 'ml-dsa';

export interface KeySpecInfo {
  family: KeySpecFamily;
  usages: readonly KeyUsage[];
  autoRotatable: boolean;
  usableForServiceEncryption: boolean;
}

const SYMMETRIC: KeySpecInfo = { family: 'symmetric', usages: ['ENCRYPT_DECRYPT'], autoRotatable: true, usableForServiceEncryption: true };
const RSA: KeySpecInfo = { family: 'rsa', usages: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY'], autoRotatable: false, usableForServiceEncryption: false };
const ECC_NIST: KeySpecInfo = { family: 'ecc', usages: ['SIGN_VERIFY', 'KEY_AGREEMENT'], autoRotatable: false, usableForServiceEncryption: false };
// The secp256k1 (blockchain) curve is for signing only.
const ECC_SECG: KeySpecInfo = { family: 'ecc', usages: ['SIGN_VERIFY'], autoRotatable: false, usableForServiceEncryption: false };
const HMAC: KeySpecInfo = { family: 'hmac', usages: ['GENERATE_VERIFY_MAC'], autoRotatable: false, usableForServiceEncryption: false };
// SM2 exists only in the China Regions.
const SM2: KeySpecInfo = {
  family: 'sm2',
  usages: ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'KEY_AGREEMENT'],
  autoRotatable: false,
  usableForServiceEncryption: false,
};
// Post-quantum ML-DSA (FIPS 204) signing keys, added to KMS in 2025.
const ML_DSA: KeySpecInfo = { family: 'ml-dsa', usages: ['SIGN_VERIFY'], autoRotatable: false, usableForServiceEncryption: false };

// ECC_NIST_EDWARDS25519 is left out: we are not sure KMS offers it.
export const KEY_SPECS = {
  SYMMETRIC_DEFAULT: SYMMETRIC,
  RSA_2048: RSA,
  RSA_3072: RSA,
  RSA_4096: RSA,
  ECC_NIST_P256: ECC_NIST,
  ECC_NIST_P384: ECC_NIST,
  ECC_NIST_P521: ECC_NIST,
  ECC_SECG_P256K1: ECC_SECG,
  HMAC_224: HMAC,
  HMAC_256: HMAC,
  HMAC_384: HMAC,
  HMAC_512: HMAC,
  SM2,
  ML_DSA_44: ML_DSA,
  ML_DSA_65: ML_DSA,
  ML_DSA_87: ML_DSA,
} as const satisfies Record<string, KeySpecInfo>;

export type KeySpec = keyof typeof KEY_SPECS;

export const KEY_SPEC_NAMES = Object.keys(KEY_SPECS) as KeySpec[];

/** The spec's properties, or undefined for a name KMS does not know. */
export function keySpecInfo(spec: string): KeySpecInfo | undefined {
  return Object.hasOwn(KEY_SPECS, spec) ? KEY_SPECS[spec as KeySpec] : undefined;
}

/** Whether KMS accepts this key usage with this spec (CreateKey rejects other pairs). */
export function isUsageAllowed(spec: string, usage: string): boolean {
  return keySpecInfo(spec)?.usages.some((allowed) => allowed === usage) ?? false;
}
