import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListGrantsCommand,
  ListResourceTagsCommand,
} from '@aws-sdk/client-kms';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { enrichInventory } from '../../src/inventory/enrich.js';
import { assumeRoleProvider } from '../../src/live/api.js';
import { createLiveHook, LiveCache, LiveKeySource, sdkKmsApis } from '../../src/live/index.js';
import { analyseFiles } from '../harness.js';

const ARN = 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const target = { key: ARN, keyId: ARN, account: '111111111111', region: 'eu-west-1' };
const kms = mockClient(KMSClient);
const sts = mockClient(STSClient);
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' };

function live(overrides: Record<string, unknown> = {}) {
  return configSchema.parse({ live: { accounts: { '111111111111': { regions: ['eu-west-1'] } }, ...overrides } }).live;
}

function happyKms() {
  kms.on(DescribeKeyCommand).resolves({
    KeyMetadata: {
      KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
      Arn: ARN,
      KeyState: 'Enabled',
      Enabled: true,
      KeySpec: 'SYMMETRIC_DEFAULT',
      KeyUsage: 'ENCRYPT_DECRYPT',
      Origin: 'AWS_KMS',
      KeyManager: 'CUSTOMER',
      MultiRegion: false,
    },
  });
  kms.on(GetKeyPolicyCommand).resolves({ Policy: '{"Version":"2012-10-17","Statement":[]}' });
  kms.on(GetKeyRotationStatusCommand).resolves({ KeyRotationEnabled: true, RotationPeriodInDays: 180 });
  kms.on(ListAliasesCommand).resolves({ Aliases: [{ AliasName: 'alias/shared-prod' }] });
  kms.on(ListResourceTagsCommand).resolves({ Tags: [{ TagKey: 'DataClass', TagValue: 'pci' }] });
  kms
    .on(ListGrantsCommand)
    .resolves({ Grants: [{ GrantId: 'g1', GranteePrincipal: 'rds.eu-west-1.amazonaws.com', Operations: ['Decrypt'] }], NextMarker: 'm2', Truncated: true })
    .on(ListGrantsCommand, { KeyId: ARN, Limit: 100, Marker: 'm2' })
    .resolves({ Grants: [{ GrantId: 'g2', GranteePrincipal: 'arn:aws:iam::222222222222:role/app', Operations: ['Encrypt'] }], Truncated: false });
}

afterEach(() => {
  kms.reset();
  sts.reset();
});

describe('LiveKeySource (aws-sdk-client-mock)', () => {
  it('reads the six calls, follows ListGrants pages, and makes one call per page', async () => {
    happyKms();
    const source = new LiveKeySource({ apis: sdkKmsApis(live(), { credentials }), budget: 50, concurrency: 2 });
    const facts = await source.read([target]);
    expect(facts.notes).toEqual([]);
    expect(facts.calls).toBe(7);
    const key = facts.keys[ARN];
    expect(key).toMatchObject({
      state: 'Enabled',
      enabled: true,
      spec: 'SYMMETRIC_DEFAULT',
      rotation: { enabled: true, periodDays: 180 },
      aliases: ['alias/shared-prod'],
      tags: { DataClass: 'pci' },
    });
    expect(key.grants?.map((g) => g.grantId)).toEqual(['g1', 'g2']);
    expect(kms.commandCalls(ListGrantsCommand).map((c) => c.args[0].input)).toEqual([
      { KeyId: ARN, Limit: 100 },
      { KeyId: ARN, Limit: 100, Marker: 'm2' },
    ]);
    expect(kms.commandCalls(GetKeyPolicyCommand)[0].args[0].input).toEqual({ KeyId: ARN, PolicyName: 'default' });
  });

  it('turns AccessDenied on one call into a note and keeps the rest', async () => {
    happyKms();
    kms.on(GetKeyPolicyCommand).rejects(Object.assign(new Error('not authorized to perform kms:GetKeyPolicy'), { name: 'AccessDeniedException' }));
    const facts = await new LiveKeySource({ apis: sdkKmsApis(live(), { credentials }), budget: 50, concurrency: 1 }).read([target]);
    expect(facts.keys[ARN].policy).toBeUndefined();
    expect(facts.keys[ARN].grants).toHaveLength(2);
    expect(facts.notes).toEqual([{ kind: 'access-denied', key: ARN, message: expect.stringContaining('GetKeyPolicy') }]);
  });

  it('stops at the call budget and says so; keeps the grants read so far', async () => {
    happyKms();
    const facts = await new LiveKeySource({ apis: sdkKmsApis(live(), { credentials }), budget: 6, concurrency: 1 }).read([
      target,
      { ...target, key: 'other', keyId: `${ARN}0` },
    ]);
    expect(facts.calls).toBe(6);
    expect(facts.keys[ARN].grants?.map((g) => g.grantId)).toEqual(['g1']);
    expect(facts.notes.map((n) => n.kind)).toEqual(['budget', 'budget']);
    expect(facts.notes[1].message).toContain('1 more key(s) not looked up: the call budget is spent');
  });

  it('reuses what it read by key ARN within the TTL', async () => {
    happyKms();
    let now = 0;
    const cache = new LiveCache(60, 10, () => now);
    const apis = sdkKmsApis(live(), { credentials });
    await new LiveKeySource({ apis, budget: 50, concurrency: 1, cache }).read([target]);
    const second = await new LiveKeySource({ apis, budget: 50, concurrency: 1, cache }).read([target]);
    expect(second.calls).toBe(0);
    // The alias ARN hits the cache too.
    const byAlias = await new LiveKeySource({ apis, budget: 50, concurrency: 1, cache }).read([
      { ...target, keyId: 'arn:aws:kms:eu-west-1:111111111111:alias/shared-prod' },
    ]);
    expect(byAlias.calls).toBe(0);
    now = 61_000;
    expect((await new LiveKeySource({ apis, budget: 50, concurrency: 1, cache }).read([target])).calls).toBe(7);
  });

  it('assumes the configured role with session name kms-review, once, and renews before expiry', async () => {
    sts
      .on(AssumeRoleCommand)
      .resolves({ Credentials: { AccessKeyId: 'ASIA', SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(Date.now() + 3_600_000) } });
    const provider = assumeRoleProvider(new STSClient({ region: 'eu-west-1', credentials }), 'arn:aws:iam::111111111111:role/kms-review-readonly');
    expect(await provider()).toMatchObject({ accessKeyId: 'ASIA', secretAccessKey: 's', sessionToken: 't' });
    await provider();
    expect(sts.commandCalls(AssumeRoleCommand).map((c) => c.args[0].input)).toEqual([
      { RoleArn: 'arn:aws:iam::111111111111:role/kms-review-readonly', RoleSessionName: 'kms-review', DurationSeconds: 900 },
    ]);
  });

  it('a failing source is a KMS000 note at the referencing line, and the static review completes', async () => {
    kms.on(DescribeKeyCommand).rejects(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
    const config = live();
    const { findings, inventory } = await analyse(createLiveHook(config, { apis: sdkKmsApis(config, { credentials }) }));
    expect(inventory.keys[0].declared).toBe(false);
    const notes = findings.filter((f) => f.rule === 'KMS000');
    expect(notes.map((f) => f.message)).toEqual([`live view: DescribeKey ${ARN}: CredentialsProviderError: Could not load credentials from any providers`]);
    expect(notes[0]).toMatchObject({ severity: 'info', location: { file: 'main.tf', startLine: 3, endLine: 3 } });
    expect(inventory.live).toEqual({ keys: 0, calls: 1, notes: 1, accounts: [{ account: '111111111111', regions: ['eu-west-1'] }] });
  });
});

async function analyse(live: ReturnType<typeof createLiveHook>) {
  const { analyse: run } = await import('../../src/pipeline.js');
  const { memoryFileSet } = await import('../../src/sources/memory.js');
  const { parseConfig } = await import('../../src/config/load.js');
  return run(memoryFileSet({ 'main.tf': `resource "aws_sqs_queue" "q" {\n  name              = "q"\n  kms_master_key_id = "${ARN}"\n}\n` }), parseConfig(''), {
    live,
    today: '2026-11-22',
  });
}

describe('enrichInventory', () => {
  it('fills the unknowns of a referenced key, classifies it by live tags and groups grants by resource', async () => {
    const { inventory } = await analyseFiles({ 'main.tf': `resource "aws_sqs_queue" "q" {\n  kms_master_key_id = "${ARN}"\n}\n` });
    const grant = (id: string, volume: string) => ({
      grantId: id,
      granteePrincipal: 'arn:aws:sts::222222222222:assumed-role/aws:ec2-infrastructure/i-1',
      operations: ['Decrypt'],
      constraints: { encryptionContextSubset: { 'aws:ebs:id': volume } },
    });
    const enriched = enrichInventory(inventory, {
      calls: 6,
      notes: [],
      keys: {
        [ARN]: {
          arn: ARN,
          keyId: 'k',
          account: '111111111111',
          region: 'eu-west-1',
          state: 'Disabled',
          enabled: false,
          spec: 'SYMMETRIC_DEFAULT',
          usage: 'ENCRYPT_DECRYPT',
          origin: 'AWS_KMS',
          multiRegion: false,
          rotation: { enabled: false },
          tags: { Environment: 'production', DataClass: 'pci' },
          policy: '{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"kms:*","Resource":"*"}]}',
          grants: [
            grant('a', 'vol-1'),
            grant('b', 'vol-1'),
            grant('c', 'vol-2'),
            { grantId: 'd', granteePrincipal: 'lambda.amazonaws.com', operations: ['Decrypt'] },
          ],
        },
      },
    });
    expect(inventory.keys[0].spec).toMatchObject({ $kind: 'unknown' });
    const key = enriched.keys[0];
    expect(key).toMatchObject({
      spec: 'SYMMETRIC_DEFAULT',
      enabled: false,
      rotation: { enabled: false },
      environment: { value: 'prod', from: 'live' },
      dataClass: { value: 'pci', from: 'live' },
    });
    expect(key.policy?.from).toBe('live');
    expect(key.grants).toHaveLength(4);
    expect(key.consumers.map((c) => [c.resource, c.service, c.grants ?? null])).toEqual([
      ['.:aws_sqs_queue.q', 'sqs', null],
      ['live:ebs/aws:ebs:id=vol-1', 'ebs', ['a', 'b']],
      ['live:ebs/aws:ebs:id=vol-2', 'ebs', ['c']],
      ['live:grantee/lambda.amazonaws.com', 'lambda', ['d']],
    ]);
    expect(key.consumers[0].dataClass).toMatchObject({ value: 'pci', from: 'live' });
    expect(key.blastRadius).toMatchObject({ consumers: 4, services: 3 });
  });
});
