/** Finding fingerprints: stable across line moves, reformatting and file renames. */
import { createHash } from 'node:crypto';

/**
 * `rule | key | identity`. Key ids are `<unit>:<address>` (no file names, no lines); the identity is
 * what distinguishes findings of one rule on one key (a principal, a consumer's resource id).
 */
export function fingerprint(rule: string, key: string | undefined, identity: string): string {
  return createHash('sha256')
    .update(`${rule}\u0000${key ?? ''}\u0000${identity}`)
    .digest('hex')
    .slice(0, 20);
}
