/** What keys are recognised by across repositories, and how index rows group into one key (no database). */
import { describe, expect, it } from 'vitest';
import { keyMatches, matchText } from '../../src/index/match.js';
import { groupKeys, type KeyRow } from '../../src/index/report.js';
import type { Key } from '../../src/inventory/types.js';

function key(over: Partial<Key>): Key {
  return {
    id: 'x',
    declared: false,
    manager: 'customer',
    aliases: [],
    spec: 'SYMMETRIC_DEFAULT',
    usage: 'ENCRYPT_DECRYPT',
    origin: 'AWS_KMS',
    multiRegion: false,
    rotation: { enabled: true },
    enabled: true,
    grants: [],
    consumers: [],
    tags: {},
    attributeLocations: {},
    blastRadius: {
      consumers: 0,
      services: 0,
      workloads: 0,
      environments: 0,
      dataClasses: 0,
      unknown: { workloads: 0, environments: 0, dataClasses: 0 },
      breaksIfDisabled: [],
    },
    environment: null,
    workload: null,
    dataClass: null,
    owner: null,
    ...over,
  };
}

describe('keyMatches', () => {
  it('a key ARN gives its key id with account and region', () => {
    const arn = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    expect(keyMatches(key({ id: arn, account: '111122223333', region: 'eu-west-1' }))).toEqual([
      { kind: 'key', value: '1234abcd-12ab-34cd-56ef-1234567890ab', account: '111122223333', region: 'eu-west-1' },
    ]);
  });

  it('an alias ARN gives the alias name within its account and region; a bare alias has none', () => {
    const aliasArn = 'arn:aws:kms:eu-west-1:111122223333:alias/app-prod';
    expect(keyMatches(key({ id: aliasArn, aliases: ['alias/app-prod'], account: '111122223333', region: 'eu-west-1' }))).toEqual([
      { kind: 'alias', value: 'alias/app-prod', account: '111122223333', region: 'eu-west-1' },
    ]);
    expect(keyMatches(key({ id: 'alias/app-prod', aliases: ['alias/app-prod'] }))).toEqual([
      { kind: 'alias', value: 'alias/app-prod', account: null, region: null },
    ]);
  });

  it('a declared key gives its aliases, its id only through the ARN the live view read', () => {
    const declared = key({ id: '.:aws_kms_key.main', declared: true, aliases: ['alias/main'] });
    expect(keyMatches(declared)).toEqual([{ kind: 'alias', value: 'alias/main', account: null, region: null }]);
    const live = key({
      ...declared,
      live: {
        arn: 'arn:aws:kms:us-east-1:111122223333:key/mrk-0123456789abcdef0123456789abcdef',
        account: '111122223333',
        region: 'us-east-1',
      } as Key['live'],
    });
    expect(keyMatches(live)).toEqual([
      { kind: 'key', value: 'mrk-0123456789abcdef0123456789abcdef', account: '111122223333', region: 'us-east-1' },
      { kind: 'alias', value: 'alias/main', account: '111122223333', region: 'us-east-1' },
    ]);
  });

  it('AWS managed keys and their aliases match nothing (each account has its own)', () => {
    expect(keyMatches(key({ id: 'alias/aws/s3', manager: 'aws', aliases: ['alias/aws/s3'] }))).toEqual([]);
    expect(keyMatches(key({ id: 'arn:aws:kms:eu-west-1:111122223333:alias/aws/ebs', aliases: ['alias/aws/ebs'] }))).toEqual([]);
  });

  it('an expression that is no reference matches nothing', () => {
    expect(keyMatches(key({ id: 'var.kms_key' }))).toEqual([]);
  });

  it('says what matched, and when the account is not known', () => {
    expect(matchText({ kind: 'alias', value: 'alias/a', account: '111122223333', region: null })).toBe('alias alias/a in 111122223333');
    expect(matchText({ kind: 'key', value: 'k', account: null, region: null })).toBe('key k (account not known)');
  });
});

function row(over: Partial<KeyRow> & Pick<KeyRow, 'full_name' | 'key'>): KeyRow {
  return {
    key_row: '1',
    commit: 'c1',
    private: false,
    declared: false,
    account: null,
    region: null,
    aliases: [],
    file: null,
    line: null,
    matches: [],
    consumers: 1,
    environments: [],
    workloads: [],
    data_classes: [],
    services: [],
    ...over,
  };
}

const alias = (value: string, account: string | null) => ({ kind: 'alias', value, account, region: null });

describe('groupKeys', () => {
  it('one alias in one account across repositories is one key; the declaring repository comes first', () => {
    const keys = groupKeys([
      row({ full_name: 'a/users', key: 'arn-a', matches: [alias('alias/x', '111122223333')], consumers: 3 }),
      row({ full_name: 'a/owner', key: '.:aws_kms_key.x', declared: true, file: 'main.tf', line: 4, matches: [alias('alias/x', null)] }),
    ]);
    expect(keys).toHaveLength(1);
    expect(keys[0].name).toBe('alias alias/x in 111122223333');
    expect(keys[0].repositories.map((r) => [r.repository, r.declares, r.declaredAt])).toEqual([
      ['a/owner', true, 'main.tf:4'],
      ['a/users', false, undefined],
    ]);
    expect(keys[0].consumers).toBe(4);
  });

  it('the same alias name in two accounts is two keys, and an account-less use joins neither', () => {
    const keys = groupKeys([
      row({ full_name: 'a/one', key: 'k1', matches: [alias('alias/x', '111111111111')] }),
      row({ full_name: 'a/two', key: 'k2', matches: [alias('alias/x', '222222222222')] }),
      row({ full_name: 'a/three', key: 'alias/x', matches: [alias('alias/x', null)] }),
    ]);
    expect(keys.map((k) => k.repositories.map((r) => r.repository))).toEqual([['a/three'], ['a/one'], ['a/two']]);
  });

  it('a key without matches stays on its own, named by its repository', () => {
    const keys = groupKeys([row({ full_name: 'a/one', key: '.:aws_kms_key.lonely', declared: true })]);
    expect(keys.map((k) => k.name)).toEqual(['a/one:.:aws_kms_key.lonely']);
  });
});
