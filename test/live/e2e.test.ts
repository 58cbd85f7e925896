/**
 * Through the real SDK HTTP stack: SigV4 signing, the JSON 1.1 protocol, ListGrants pagination,
 * a ThrottlingException retried (adaptive mode) — against a loopback server that records requests.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../src/config/schema.js';
import { LiveKeySource, sdkKmsApis } from '../../src/live/index.js';

const ARN = 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

interface Seen {
  target: string;
  body: unknown;
  headers: IncomingHttpHeaders;
}

let server: Server;
let endpoint: string;
const seen: Seen[] = [];
let throttleNext = true;

function reply(target: string, body: Record<string, unknown>): [number, unknown] {
  switch (target) {
    case 'TrentService.DescribeKey':
      if (throttleNext) {
        throttleNext = false;
        return [400, { __type: 'ThrottlingException', message: 'Rate exceeded' }];
      }
      return [
        200,
        {
          KeyMetadata: {
            KeyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
            Arn: ARN,
            KeyState: 'PendingDeletion',
            Enabled: false,
            KeySpec: 'SYMMETRIC_DEFAULT',
            KeyUsage: 'ENCRYPT_DECRYPT',
            Origin: 'AWS_KMS',
            KeyManager: 'CUSTOMER',
            DeletionDate: 1796083200,
            PendingDeletionWindowInDays: 7,
          },
        },
      ];
    case 'TrentService.GetKeyPolicy':
      return [200, { Policy: '{"Version":"2012-10-17","Statement":[]}', PolicyName: 'default' }];
    case 'TrentService.ListAliases':
      return [200, { Aliases: [{ AliasName: 'alias/legacy-prod', AliasArn: 'arn:aws:kms:eu-west-1:111111111111:alias/legacy-prod' }], Truncated: false }];
    case 'TrentService.ListResourceTags':
      return [200, { Tags: [{ TagKey: 'Owner', TagValue: 'billing' }], Truncated: false }];
    case 'TrentService.ListGrants':
      return body.Marker === 'page-2'
        ? [200, { Grants: [{ GrantId: 'g2', GranteePrincipal: 'rds.eu-west-1.amazonaws.com', Operations: ['Decrypt'] }], Truncated: false }]
        : [
            200,
            {
              Grants: [{ GrantId: 'g1', GranteePrincipal: 'arn:aws:iam::222222222222:role/app', Operations: ['Encrypt'] }],
              NextMarker: 'page-2',
              Truncated: true,
            },
          ];
    default:
      return [400, { __type: 'UnknownOperationException' }];
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => {
      text += chunk;
    });
    req.on('end', () => {
      const target = String(req.headers['x-amz-target']);
      const body = JSON.parse(text || '{}') as Record<string, unknown>;
      seen.push({ target, body, headers: req.headers });
      const [status, out] = reply(target, body);
      res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${seen.length}` });
      res.end(JSON.stringify(out));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const live = configSchema.parse({ live: { accounts: { '111111111111': { regions: ['eu-west-1'] } } } }).live;

describe('live view through the SDK HTTP stack', () => {
  it('signs, speaks JSON 1.1, retries throttling, follows NextMarker, and reads the key', async () => {
    const source = new LiveKeySource({ apis: sdkKmsApis(live, { endpoint, credentials }), budget: 20, concurrency: 1 });
    const facts = await source.read([{ key: ARN, keyId: ARN, account: '111111111111', region: 'eu-west-1' }]);
    expect(facts.notes).toEqual([]);
    // The throttled attempt is an SDK retry inside one call: the budget counts calls, not attempts.
    expect(facts.calls).toBe(6);
    expect(seen.map((s) => [s.target, s.body])).toEqual([
      ['TrentService.DescribeKey', { KeyId: ARN }],
      ['TrentService.DescribeKey', { KeyId: ARN }],
      ['TrentService.GetKeyPolicy', { KeyId: ARN, PolicyName: 'default' }],
      // No rotation status for a key pending deletion.
      ['TrentService.ListAliases', { KeyId: ARN, Limit: 100 }],
      ['TrentService.ListResourceTags', { KeyId: ARN, Limit: 50 }],
      ['TrentService.ListGrants', { KeyId: ARN, Limit: 100 }],
      ['TrentService.ListGrants', { KeyId: ARN, Limit: 100, Marker: 'page-2' }],
    ]);
    for (const s of seen) {
      expect(s.headers['content-type']).toBe('application/x-amz-json-1.1');
      expect(s.headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/kms\/aws4_request, SignedHeaders=[^,]*x-amz-target[^,]*, Signature=[0-9a-f]{64}$/,
      );
      expect(s.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    }
    // Adaptive retry mode: the retry carries the attempt count.
    expect(seen[1].headers['amz-sdk-request']).toMatch(/attempt=2; max=3/);
    const key = facts.keys[ARN];
    expect(key).toMatchObject({
      state: 'PendingDeletion',
      enabled: false,
      deletionDate: '2026-12-01T00:00:00.000Z',
      pendingDeletionWindowDays: 7,
      aliases: ['alias/legacy-prod'],
      tags: { Owner: 'billing' },
    });
    expect(key.grants?.map((g) => g.grantId)).toEqual(['g1', 'g2']);
  });

  it('a role that cannot be assumed stops that account with one note', async () => {
    const sts = mockClient(STSClient);
    sts.on(AssumeRoleCommand).rejects(Object.assign(new Error('not authorized to perform: sts:AssumeRole'), { name: 'AccessDenied' }));
    const withRole = configSchema.parse({
      live: { accounts: { '111111111111': { roleArn: 'arn:aws:iam::111111111111:role/kms-review-readonly', regions: ['eu-west-1'] } } },
    }).live;
    const before = seen.length;
    const target = { key: ARN, keyId: ARN, account: '111111111111', region: 'eu-west-1' };
    const facts = await new LiveKeySource({ apis: sdkKmsApis(withRole, { endpoint, credentials }), budget: 20, concurrency: 1 }).read([
      target,
      { ...target, key: 'k2' },
    ]);
    sts.restore();
    expect(seen.length).toBe(before);
    expect(facts.notes.map((n) => n.kind)).toEqual(['access-denied', 'access-denied']);
    expect(facts.notes[0].message).toContain('could not assume arn:aws:iam::111111111111:role/kms-review-readonly');
    expect(facts.notes[1].message).toContain('1 more key(s) not looked up');
  });
});
