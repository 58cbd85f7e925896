/**
 * Recorded live responses (`live.json`), replayed through the same `LiveKeySource` as the SDK: how
 * fixtures, scenario tests and the demo run without AWS (`kms-review scan --live-recorded <file>`).
 *
 * ```json
 * { "version": 1,
 *   "keys": [ { "DescribeKey": { "KeyMetadata": { "Arn": "arn:aws:kms:…:key/…", … } },
 *               "GetKeyPolicy": { "Policy": "{…}" },
 *               "GetKeyRotationStatus": { "KeyRotationEnabled": true },
 *               "ListAliases": [ { "Aliases": [ { "AliasName": "alias/x" } ] } ],
 *               "ListResourceTags": [ { "Tags": [ { "TagKey": "Owner", "TagValue": "sec" } ] } ],
 *               "ListGrants": [ { "Grants": [ … ], "NextMarker": "m1", "Truncated": true }, { "Grants": [ … ] } ] } ] }
 * ```
 * Each operation holds the response body as KMS returns it (JSON 1.1, dates as ISO strings or epoch
 * seconds), a list of pages for the listings, or `{"$error": {"name": "AccessDeniedException",
 * "message": "…"}}` to replay a failure. A key is found by the `KeyId` of a request: its key ARN,
 * key id, or the name or ARN of one of its aliases.
 */
import { readFileSync } from 'node:fs';
import type { KmsApi, KmsApiFactory } from './api.js';

type Body = Record<string, unknown>;
type Recorded = Body | Body[];

export interface Recording {
  version?: number;
  keys: Record<string, Recorded>[];
}

export function readRecording(file: string): Recording {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Recording;
  if (!parsed || !Array.isArray(parsed.keys)) throw new Error(`${file}: not a recording of live responses ("keys" list missing)`);
  return parsed;
}

/** Accounts and regions of the recorded keys: what replay looks up when live.accounts is empty. */
export function recordedAccounts(recording: Recording): Record<string, { regions: string[] }> {
  const accounts: Record<string, { regions: string[] }> = {};
  for (const entry of recording.keys) {
    const arn = keyArnOf(entry);
    const [, , , region, account] = arn?.split(':') ?? [];
    if (!region || !account) continue;
    accounts[account] ??= { regions: [] };
    if (!accounts[account].regions.includes(region)) accounts[account].regions.push(region);
  }
  return accounts;
}

export function recordedKmsApis(recording: Recording): KmsApiFactory {
  const find = (keyId: string, region: string, account: string) =>
    recording.keys.find((entry) => {
      const arn = keyArnOf(entry);
      if (!arn) return false;
      const [, partition, , keyRegion, keyAccount, resource] = arn.split(':');
      if (keyRegion !== region || keyAccount !== account) return false;
      const ids = [arn, resource?.replace(/^key\//, '')];
      for (const page of pagesOf(entry.ListAliases)) {
        for (const alias of (page.Aliases as Body[] | undefined) ?? []) {
          ids.push(alias.AliasName as string, (alias.AliasArn as string) ?? `arn:${partition}:kms:${region}:${account}:${alias.AliasName}`);
        }
      }
      return ids.includes(keyId);
    });
  return (account, region) => {
    const respond = async (operation: string, keyId: string, marker?: string): Promise<Body> => {
      const entry = find(keyId, region, account);
      if (!entry) throw named('NotFoundException', `Key '${keyId}' does not exist (recorded)`);
      const recorded = entry[operation];
      if (recorded === undefined) throw named('AccessDeniedException', `no recorded ${operation} response for ${keyId}`);
      const pages = pagesOf(recorded);
      const after = marker === undefined ? -1 : pages.findIndex((p) => p.NextMarker === marker);
      const page = marker !== undefined && after < 0 ? undefined : pages[after + 1];
      if (!page) throw named('InvalidMarkerException', `no recorded page after marker ${marker}`);
      const error = page.$error as { name?: string; message?: string } | undefined;
      if (error) throw named(error.name ?? 'Error', error.message ?? 'recorded error');
      return revive(page);
    };
    const api: KmsApi = {
      describeKey: async (keyId) => respond('DescribeKey', keyId),
      getKeyPolicy: async (keyId) => respond('GetKeyPolicy', keyId),
      getKeyRotationStatus: async (keyId) => respond('GetKeyRotationStatus', keyId),
      listAliases: async (keyId, marker) => respond('ListAliases', keyId, marker),
      listResourceTags: async (keyId, marker) => respond('ListResourceTags', keyId, marker),
      listGrants: async (keyId, marker) => respond('ListGrants', keyId, marker),
    };
    return api;
  };
}

function keyArnOf(entry: Record<string, Recorded>): string | undefined {
  const describe = entry.DescribeKey as Body | undefined;
  return ((describe?.KeyMetadata as Body | undefined)?.Arn as string | undefined) ?? undefined;
}

/** Listings are recorded as a list of pages (or one page); the pages get markers when the recording has none. */
function pagesOf(recorded: Recorded | undefined): Body[] {
  if (recorded === undefined) return [];
  const pages = Array.isArray(recorded) ? recorded : [recorded];
  return pages.map((page, i) =>
    i < pages.length - 1 && page.NextMarker === undefined && !page.$error ? { ...page, NextMarker: `page-${i + 1}`, Truncated: true } : page,
  );
}

const DATE_FIELDS = new Set(['CreationDate', 'DeletionDate', 'ValidTo', 'NextRotationDate', 'OnDemandRotationStartDate']);

/** Dates as the SDK returns them (`Date`); a copy, so callers cannot change the recording. */
function revive(value: unknown, field?: string): Body {
  if (field && DATE_FIELDS.has(field) && (typeof value === 'string' || typeof value === 'number')) {
    return new Date(typeof value === 'number' ? value * 1000 : value) as unknown as Body;
  }
  if (Array.isArray(value)) return value.map((v) => revive(v)) as unknown as Body;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v, k)]));
  return value as Body;
}

function named(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}
