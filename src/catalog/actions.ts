/**
 * Every KMS API action and the duty it belongs to (RULES.md principle 4, separation of duties):
 * `admin` manages the key's life, `usage` does cryptography with it, `grant` delegates it,
 * `policy` rewrites who may do anything (escalation), `read` only looks at metadata.
 */

export type ActionGroup = 'admin' | 'usage' | 'grant' | 'policy' | 'read';

export const KMS_ACTIONS = {
  CancelKeyDeletion: 'admin',
  ConnectCustomKeyStore: 'admin',
  CreateAlias: 'admin',
  CreateCustomKeyStore: 'admin',
  CreateGrant: 'grant',
  CreateKey: 'admin',
  Decrypt: 'usage',
  DeleteAlias: 'admin',
  DeleteCustomKeyStore: 'admin',
  DeleteImportedKeyMaterial: 'admin',
  DeriveSharedSecret: 'usage',
  DescribeCustomKeyStores: 'read',
  DescribeKey: 'read',
  DisableKey: 'admin',
  DisableKeyRotation: 'admin',
  DisconnectCustomKeyStore: 'admin',
  EnableKey: 'admin',
  EnableKeyRotation: 'admin',
  Encrypt: 'usage',
  GenerateDataKey: 'usage',
  GenerateDataKeyPair: 'usage',
  GenerateDataKeyPairWithoutPlaintext: 'usage',
  GenerateDataKeyWithoutPlaintext: 'usage',
  GenerateMac: 'usage',
  // Involves no key at all (it can only be allowed on Resource "*"), so it is as harmless as a read.
  GenerateRandom: 'read',
  GetKeyPolicy: 'read',
  GetKeyRotationStatus: 'read',
  // The first step of importing key material: part of administering an EXTERNAL key.
  GetParametersForImport: 'admin',
  // Public keys are for verifying and encrypting outside KMS: a key user's action.
  GetPublicKey: 'usage',
  ImportKeyMaterial: 'admin',
  ListAliases: 'read',
  ListGrants: 'grant',
  ListKeyPolicies: 'read',
  ListKeyRotations: 'read',
  ListKeys: 'read',
  ListResourceTags: 'read',
  ListRetirableGrants: 'grant',
  PutKeyPolicy: 'policy',
  ReEncryptFrom: 'usage',
  ReEncryptTo: 'usage',
  ReplicateKey: 'admin',
  RetireGrant: 'grant',
  RevokeGrant: 'grant',
  RotateKeyOnDemand: 'admin',
  ScheduleKeyDeletion: 'admin',
  Sign: 'usage',
  TagResource: 'admin',
  UntagResource: 'admin',
  UpdateAlias: 'admin',
  UpdateCustomKeyStore: 'admin',
  UpdateKeyDescription: 'admin',
  UpdatePrimaryRegion: 'admin',
  Verify: 'usage',
  VerifyMac: 'usage',
} as const satisfies Record<string, ActionGroup>;

export type KmsAction = keyof typeof KMS_ACTIONS;

export const KMS_ACTION_NAMES = Object.keys(KMS_ACTIONS) as KmsAction[];

/** The operations a grant may allow (CreateGrant `Operations`); anything else is rejected by KMS. */
export const GRANT_OPERATIONS: readonly KmsAction[] = [
  'Decrypt',
  'Encrypt',
  'GenerateDataKey',
  'GenerateDataKeyWithoutPlaintext',
  'GenerateDataKeyPair',
  'GenerateDataKeyPairWithoutPlaintext',
  'ReEncryptFrom',
  'ReEncryptTo',
  'Sign',
  'Verify',
  'GetPublicKey',
  'GenerateMac',
  'VerifyMac',
  'DeriveSharedSecret',
  'DescribeKey',
  'CreateGrant',
  'RetireGrant',
];

// IAM action names are case-insensitive, so lookups go through lower case.
const BY_LOWER_NAME = new Map<string, KmsAction>(KMS_ACTION_NAMES.map((name) => [name.toLowerCase(), name]));

/** The canonical action name for `kms:decrypt`, `Decrypt`…; a grant operation has no `kms:` prefix. */
function canonicalAction(action: string): KmsAction | undefined {
  const name = action.replace(/^kms:/i, '');
  return BY_LOWER_NAME.get(name.toLowerCase());
}

export function isKnownAction(action: string): boolean {
  return canonicalAction(action) !== undefined;
}

export function actionGroup(action: string): ActionGroup | undefined {
  const name = canonicalAction(action);
  return name === undefined ? undefined : KMS_ACTIONS[name];
}

/** IAM wildcards: `*` any run of characters, `?` exactly one; everything else literal. */
function wildcardRegExp(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

/**
 * The KMS actions a policy's action pattern covers, as `kms:Name`: `kms:Get*`, `kms:?ecrypt`,
 * `kms:*` and a bare `*` (every service). A pattern for another service (`s3:*`) covers none.
 */
export function expandActionPattern(pattern: string): string[] {
  const cached = EXPANDED.get(pattern);
  if (cached) return cached;
  const actions = expand(pattern);
  // Policies repeat a handful of patterns thousands of times; bounded, since patterns come from PR content.
  if (EXPANDED.size < MAX_CACHED_PATTERNS) EXPANDED.set(pattern, actions);
  return actions;
}

const EXPANDED = new Map<string, string[]>();
/** `kms:Name` of every action, made once: access entries of every key list them. */
const PREFIXED_NAMES = KMS_ACTION_NAMES.map((name) => `kms:${name}`);
const MAX_CACHED_PATTERNS = 10_000;

function expand(pattern: string): string[] {
  const colon = pattern.indexOf(':');
  if (colon < 0) return pattern === '*' ? PREFIXED_NAMES : [];
  if (!wildcardRegExp(pattern.slice(0, colon)).test('kms')) return [];
  const name = wildcardRegExp(pattern.slice(colon + 1));
  return KMS_ACTION_NAMES.flatMap((action, i) => (name.test(action) ? [PREFIXED_NAMES[i]] : []));
}
