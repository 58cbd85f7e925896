/**
 * What a key is recognised by in other repositories: its key id (from a key ARN, a bare id, or the
 * ARN the live view read) and its alias names, each with the account and region when known. Two
 * keys match when a kind and value agree and neither the account nor the region disagree (unknown
 * matches any): the same key ARN, the same alias ARN, the same alias name within an account.
 */
import { keyAccountOf } from '../access/key-account.js';
import { isAwsManagedAlias, parseKeyReference } from '../inventory/key-reference.js';
import type { Key } from '../inventory/types.js';

export interface KeyMatch {
  kind: 'key' | 'alias';
  value: string;
  account: string | null;
  region: string | null;
}

/** No matches for AWS managed keys: `alias/aws/s3` is a different key in every account. */
export function keyMatches(key: Key): KeyMatch[] {
  if (key.manager === 'aws') return [];
  const account = keyAccountOf(key) ?? key.live?.account ?? null;
  const region = key.region ?? key.live?.region ?? null;
  const out = new Map<string, KeyMatch>();
  const add = (m: KeyMatch) => {
    if (m.kind === 'alias' && isAwsManagedAlias(m.value)) return;
    const id = `${m.kind}\0${m.value}`;
    const seen = out.get(id);
    // The more specific account or region wins when two sources say it.
    out.set(id, seen ? { ...seen, account: seen.account ?? m.account, region: seen.region ?? m.region } : m);
  };
  for (const text of [key.declared ? undefined : key.id, key.live?.arn].filter((t): t is string => !!t)) {
    const ref = parseKeyReference(text);
    if (ref.kind === 'key-arn') add({ kind: 'key', value: ref.keyId, account: ref.account, region: ref.region });
    else if (ref.kind === 'key-id') add({ kind: 'key', value: ref.keyId, account, region });
    else if (ref.kind === 'alias') add({ kind: 'alias', value: ref.name, account: ref.account ?? account, region: ref.region ?? region });
  }
  for (const alias of [...key.aliases, ...(key.live?.aliases ?? [])]) {
    const ref = parseKeyReference(alias);
    if (ref.kind === 'alias') add({ kind: 'alias', value: ref.name, account: ref.account ?? account, region: ref.region ?? region });
  }
  return [...out.values()];
}

/** `alias alias/shared-prod in 111122223333 eu-west-1`, `key 1234abcd-… in 111122223333` */
export function matchText(m: Pick<KeyMatch, 'kind' | 'value' | 'account' | 'region'>): string {
  const where = [m.account, m.region].filter(Boolean).join(' ');
  return `${m.kind} ${m.value}${where ? ` in ${where}` : ' (account not known)'}`;
}
