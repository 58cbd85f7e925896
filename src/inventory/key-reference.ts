/** What a literal key reference string says: a key ARN, an alias (ARN or name), a bare key id. */

export type LiteralKeyReference =
  | { kind: 'key-arn'; arn: string; account: string; region: string; keyId: string }
  | { kind: 'alias'; name: string; arn?: string; account?: string; region?: string }
  | { kind: 'key-id'; keyId: string }
  | { kind: 'invalid'; reason: string };

const KEY_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):key\/((?:mrk-)?[0-9a-f-]{32,36}|[A-Za-z0-9-]+)$/;
const ALIAS_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):(\d{12}):(alias\/[A-Za-z0-9/_-]+)$/;
const ALIAS_NAME = /^alias\/[A-Za-z0-9/_-]+$/;
const KEY_ID = /^(?:mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function parseKeyReference(text: string): LiteralKeyReference {
  const value = text.trim();
  const keyArn = KEY_ARN.exec(value);
  if (keyArn) return { kind: 'key-arn', arn: value, region: keyArn[1], account: keyArn[2], keyId: keyArn[3] };
  const aliasArn = ALIAS_ARN.exec(value);
  if (aliasArn) return { kind: 'alias', name: aliasArn[3], arn: value, region: aliasArn[1], account: aliasArn[2] };
  if (ALIAS_NAME.test(value)) return { kind: 'alias', name: value };
  if (KEY_ID.test(value)) return { kind: 'key-id', keyId: value };
  if (value === '') return { kind: 'invalid', reason: 'empty key reference' };
  return { kind: 'invalid', reason: `"${value.slice(0, 80)}" is not a KMS key ARN, alias or key id` };
}

/** `alias/aws/s3` and friends: keys AWS creates and manages for a service. */
export function isAwsManagedAlias(name: string): boolean {
  return name.startsWith('alias/aws/');
}
