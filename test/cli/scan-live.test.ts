/**
 * `kms-review scan --live` with no `live.accounts`: the CLI asks STS who the caller is
 * (GetCallerIdentity, standard credential chain) and reads the ARN-named keys of that account, in
 * the region each ARN names. Through the real SDK stack against one loopback server standing in for
 * STS (`AWS_ENDPOINT_URL_STS`, query protocol) and KMS (`AWS_ENDPOINT_URL_KMS`, JSON 1.1).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../support/cli.js';
import type { Loose } from '../support/loose.js';

const OWN = '111122223333';
const OTHER = '222233334444';
const OWN_KEY = `arn:aws:kms:eu-west-1:${OWN}:key/11111111-1111-1111-1111-111111111111`;
const OWN_ALIAS = `arn:aws:kms:us-east-1:${OWN}:alias/events`;
const EVENTS_KEY = `arn:aws:kms:us-east-1:${OWN}:key/33333333-3333-3333-3333-333333333333`;
const OTHER_KEY = `arn:aws:kms:eu-west-1:${OTHER}:key/22222222-2222-2222-2222-222222222222`;
const CALLER_ARN = `arn:aws:iam::${OWN}:user/alice`;
const ACCESS_KEY = 'AKIDCALLEREXAMPLE';

const MAIN_TF = `resource "aws_sqs_queue" "orders" {
  name              = "orders"
  kms_master_key_id = "${OWN_KEY}"
}
resource "aws_sqs_queue" "events" {
  name              = "events"
  kms_master_key_id = "${OWN_ALIAS}"
}
resource "aws_sqs_queue" "shared" {
  name              = "shared"
  kms_master_key_id = "${OTHER_KEY}"
}
resource "aws_sqs_queue" "managed" {
  name              = "managed"
  kms_master_key_id = "alias/aws/sqs"
}
`;

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type StsAnswer = 'ok' | 'expired';

/** Key metadata by every KeyId the review may send (key ARN or alias ARN). */
const KEYS: Record<string, Record<string, unknown>> = {
  [OWN_KEY]: { KeyId: '11111111-1111-1111-1111-111111111111', Arn: OWN_KEY },
  [OWN_ALIAS]: { KeyId: '33333333-3333-3333-3333-333333333333', Arn: EVENTS_KEY },
  [EVENTS_KEY]: { KeyId: '33333333-3333-3333-3333-333333333333', Arn: EVENTS_KEY },
};

function kmsAnswer(target: string, body: { KeyId?: string }): [number, unknown] {
  const meta = KEYS[body.KeyId ?? ''];
  if (!meta) return [400, { __type: 'NotFoundException', message: `Key '${body.KeyId}' does not exist` }];
  switch (target) {
    case 'TrentService.DescribeKey':
      return [
        200,
        {
          KeyMetadata: {
            ...meta,
            AWSAccountId: OWN,
            KeyState: 'Enabled',
            Enabled: true,
            KeySpec: 'SYMMETRIC_DEFAULT',
            KeyUsage: 'ENCRYPT_DECRYPT',
            Origin: 'AWS_KMS',
            KeyManager: 'CUSTOMER',
          },
        },
      ];
    case 'TrentService.GetKeyPolicy':
      return [200, { Policy: '{"Version":"2012-10-17","Statement":[]}', PolicyName: 'default' }];
    case 'TrentService.GetKeyRotationStatus':
      return [200, { KeyRotationEnabled: true, RotationPeriodInDays: 365 }];
    case 'TrentService.ListAliases':
    case 'TrentService.ListResourceTags':
    case 'TrentService.ListGrants':
      return [200, { Aliases: [], Tags: [], Grants: [], Truncated: false }];
    default:
      return [400, { __type: 'UnknownOperationException' }];
  }
}

const STS_OK = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <GetCallerIdentityResult>
    <Arn>${CALLER_ARN}</Arn>
    <UserId>AIDACALLEREXAMPLE</UserId>
    <Account>${OWN}</Account>
  </GetCallerIdentityResult>
  <ResponseMetadata><RequestId>sts-1</RequestId></ResponseMetadata>
</GetCallerIdentityResponse>`;

const STS_EXPIRED = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message></Error>
  <RequestId>sts-2</RequestId>
</ErrorResponse>`;

async function fakeAws(sts: StsAnswer) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      const target = req.headers['x-amz-target'];
      if (typeof target === 'string') {
        const [status, out] = kmsAnswer(target, JSON.parse(body || '{}'));
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `kms-${seen.length}` });
        res.end(JSON.stringify(out));
        return;
      }
      res.writeHead(sts === 'ok' ? 200 : 403, { 'content-type': 'text/xml' });
      res.end(sts === 'ok' ? STS_OK : STS_EXPIRED);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** Nothing from this machine's AWS setup may leak into a run: no files, no instance metadata, no profile. */
const ISOLATED = {
  AWS_ACCESS_KEY_ID: '',
  AWS_SECRET_ACCESS_KEY: '',
  AWS_SESSION_TOKEN: '',
  AWS_PROFILE: '',
  AWS_REGION: '',
  AWS_DEFAULT_REGION: '',
  AWS_WEB_IDENTITY_TOKEN_FILE: '',
  AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '',
  AWS_CONTAINER_CREDENTIALS_FULL_URI: '',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_CONFIG_FILE: '/nonexistent/kms-review-test/config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/kms-review-test/credentials',
  AWS_ENDPOINT_URL_STS: '',
  AWS_ENDPOINT_URL_KMS: '',
};

/** The SDK reads process.env: the run's variables go there, and the CLI's `io.env` is the same. */
function stubEnv(values: Record<string, string>): NodeJS.ProcessEnv {
  for (const [name, value] of Object.entries({ ...ISOLATED, ...values })) vi.stubEnv(name, value);
  return process.env;
}

const folders: string[] = [];
const servers: { close(): Promise<void> }[] = [];
beforeEach(() => {
  vi.unstubAllEnvs();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function repo(config: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kms-review-caller-'));
  folders.push(dir);
  mkdirSync(join(dir, '.github'));
  writeFileSync(join(dir, '.github/kms-review.yml'), config);
  writeFileSync(join(dir, 'main.tf'), MAIN_TF);
  return dir;
}

async function aws(sts: StsAnswer) {
  const fake = await fakeAws(sts);
  servers.push(fake);
  const credentials = { AWS_ACCESS_KEY_ID: ACCESS_KEY, AWS_SECRET_ACCESS_KEY: 'c2VjcmV0LW9mLXRoZS1jYWxsZXI=' };
  return { ...fake, env: { ...credentials, AWS_ENDPOINT_URL_STS: fake.url, AWS_ENDPOINT_URL_KMS: fake.url } };
}

/** One key at a time, so the KMS requests come in a fixed order. */
const CONFIG = 'live:\n  concurrency: 1\n';
const READ_KEY = (keyId: string, arn: string) => [
  ['TrentService.DescribeKey', { KeyId: keyId }],
  ['TrentService.GetKeyPolicy', { KeyId: arn, PolicyName: 'default' }],
  ['TrentService.GetKeyRotationStatus', { KeyId: arn }],
  ['TrentService.ListAliases', { KeyId: arn, Limit: 100 }],
  ['TrentService.ListResourceTags', { KeyId: arn, Limit: 50 }],
  ['TrentService.ListGrants', { KeyId: arn, Limit: 100 }],
];
const kmsRequests = (seen: Seen[]) => seen.filter((s) => s.headers['x-amz-target']).map((s) => [s.headers['x-amz-target'], JSON.parse(s.body)]);
const stsRequests = (seen: Seen[]) => seen.filter((s) => !s.headers['x-amz-target']);
const credentialRegion = (s: Seen) => /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\/(\w+)\/aws4_request/.exec(String(s.headers.authorization))?.slice(1, 3);
const FOREIGN_NOTE = `live view: 1 key(s) not looked up: account ${OTHER} is not the caller's account ${OWN} and no live.accounts are configured (${OTHER_KEY})`;

describe('kms-review scan --live with no live.accounts: the caller own account', () => {
  it('asks STS once, then reads only the own-account keys, each in the region its ARN names', async () => {
    const fake = await aws('ok');
    const dir = repo(CONFIG);
    const run = await runCli(['scan', dir, '--live'], stubEnv({ ...fake.env, AWS_REGION: 'eu-west-1' }));
    expect(run.code, run.stderr).toBe(0);

    const [sts, ...more] = stsRequests(fake.seen);
    expect(more).toEqual([]);
    expect(sts.url).toBe('/');
    expect(Object.fromEntries(new URLSearchParams(sts.body))).toEqual({ Action: 'GetCallerIdentity', Version: '2011-06-15' });
    expect(sts.headers.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/\\d{8}/eu-west-1/sts/aws4_request,`));
    expect(fake.seen[0]).toBe(sts);

    // The other account's key and the AWS managed key are not asked for.
    expect(kmsRequests(fake.seen)).toEqual([...READ_KEY(OWN_KEY, OWN_KEY), ...READ_KEY(OWN_ALIAS, EVENTS_KEY)]);
    const regions = fake.seen.filter((s) => s.headers['x-amz-target']).map(credentialRegion);
    expect(regions).toEqual([...Array(6).fill(['eu-west-1', 'kms']), ...Array(6).fill(['us-east-1', 'kms'])]);

    expect(run.stdout.split('\n')).toContain(`live view: account ${OWN} (caller) in eu-west-1, us-east-1 · 2 keys read · 13 AWS calls · 1 note`);
    expect(run.stdout).toContain(FOREIGN_NOTE);
  });

  it('JSON: the live run summary names the caller and the accounts and regions read; the skipped key is a KMS000 problem at its line', async () => {
    const fake = await aws('ok');
    const dir = repo(CONFIG);
    const run = await runCli(['scan', dir, '--live', '--format', 'json'], stubEnv({ ...fake.env, AWS_DEFAULT_REGION: 'eu-west-1' }));
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout) as Loose;
    expect(json.live).toEqual({
      keys: 2,
      calls: 13,
      notes: 1,
      accounts: [{ account: OWN, regions: ['eu-west-1', 'us-east-1'] }],
      caller: { account: OWN, arn: CALLER_ARN },
    });
    expect(json.problems).toContainEqual({ rule: 'KMS000', message: FOREIGN_NOTE, location: { file: 'main.tf', startLine: 11, endLine: 11 } });
    const byId = (id: string) => (json.keys as Loose[]).find((k) => k.id === id);
    expect(byId(OWN_KEY).live).toMatchObject({ arn: OWN_KEY, account: OWN, region: 'eu-west-1', state: 'Enabled' });
    expect(byId(OWN_ALIAS).live).toMatchObject({ arn: EVENTS_KEY, region: 'us-east-1' });
    expect(byId(OTHER_KEY).live).toBeNull();
    // AWS_DEFAULT_REGION is the STS region when AWS_REGION is not set.
    expect(credentialRegion(stsRequests(fake.seen)[0])).toEqual(['eu-west-1', 'sts']);
  });

  it('no region in the environment: STS is asked in the region of the first key ARN', async () => {
    const fake = await aws('ok');
    const dir = repo(CONFIG);
    const run = await runCli(['scan', dir, '--live'], stubEnv(fake.env));
    expect(run.code, run.stderr).toBe(0);
    // Keys sort by id: the eu-west-1 ARNs come before the us-east-1 alias ARN.
    expect(stsRequests(fake.seen).map(credentialRegion)).toEqual([['eu-west-1', 'sts']]);
    expect(kmsRequests(fake.seen)).toHaveLength(12);
  });

  it('no credentials: a KMS000 note, no AWS request, and the static scan completes with the same exit code', async () => {
    const fake = await aws('ok');
    const dir = repo(CONFIG);
    const env = stubEnv({ AWS_ENDPOINT_URL_STS: fake.url, AWS_ENDPOINT_URL_KMS: fake.url, AWS_REGION: 'eu-west-1' });
    const statics = await runCli(['scan', dir, '--format', 'json', '--fail-on', 'high'], env);
    const run = await runCli(['scan', dir, '--live', '--format', 'json', '--fail-on', 'high'], env);
    expect(run.code, run.stderr).toBe(statics.code);
    expect(fake.seen).toEqual([]);
    const json = JSON.parse(run.stdout) as Loose;
    const notes = (json.problems as Loose[]).filter((p) => p.message.startsWith('live view: '));
    expect(notes).toEqual([
      {
        rule: 'KMS000',
        message: expect.stringMatching(
          /^live view: GetCallerIdentity \(STS eu-west-1\): CredentialsProviderError: .*: no key was looked up \(with no live\.accounts, --live reads the caller's account\)$/,
        ),
        location: { file: '.github/kms-review.yml', startLine: 1, endLine: 1 },
      },
    ]);
    expect(json.live).toEqual({ keys: 0, calls: 1, notes: 1, accounts: [], caller: null });
    expect(json.findings.filter((f: Loose) => f.rule !== 'KMS000')).toEqual(JSON.parse(statics.stdout).findings.filter((f: Loose) => f.rule !== 'KMS000'));
    const text = await runCli(['scan', dir, '--live'], env);
    expect(text.stdout.split('\n')).toContain('live view: no account looked up · 0 keys read · 1 AWS call · 1 note');
  });

  it('STS refuses the credentials (expired token): the note says so; KMS is not called', async () => {
    const fake = await aws('expired');
    const dir = repo(CONFIG);
    const run = await runCli(['scan', dir, '--live'], stubEnv({ ...fake.env, AWS_REGION: 'eu-west-1' }));
    expect(run.code, run.stderr).toBe(0);
    expect(fake.seen.some((s) => s.headers['x-amz-target'])).toBe(false);
    expect(stsRequests(fake.seen).length).toBeGreaterThanOrEqual(1);
    expect(run.stdout).toContain(
      'live view: GetCallerIdentity (STS eu-west-1): ExpiredToken: The security token included in the request is expired: no key was looked up',
    );
  });

  it('near miss: with live.accounts configured, no STS call; the allow-list decides as before', async () => {
    const fake = await aws('ok');
    const dir = repo(`${CONFIG}  accounts:\n    "${OWN}":\n      regions: [eu-west-1]\n`);
    const run = await runCli(['scan', dir, '--live', '--format', 'json'], stubEnv({ ...fake.env, AWS_REGION: 'eu-west-1' }));
    expect(run.code, run.stderr).toBe(0);
    expect(stsRequests(fake.seen)).toEqual([]);
    expect(kmsRequests(fake.seen)).toEqual(READ_KEY(OWN_KEY, OWN_KEY));
    const json = JSON.parse(run.stdout) as Loose;
    expect(json.live).toEqual({ keys: 1, calls: 6, notes: 1, accounts: [{ account: OWN, regions: ['eu-west-1'] }], caller: null });
    expect((json.problems as Loose[]).map((p) => p.message)).toContainEqual(
      `live view: 2 key(s) in accounts or regions not configured in live.accounts were not looked up: ${OTHER_KEY}, ${OWN_ALIAS}`,
    );
    const text = await runCli(['scan', dir, '--live'], process.env);
    expect(text.stdout.split('\n')).toContain(`live view: account ${OWN} in eu-west-1 · 1 key read · 6 AWS calls · 1 note`);
  });

  it('near miss: without --live nothing is asked and no live line is printed', async () => {
    const fake = await aws('ok');
    const dir = repo(CONFIG);
    const run = await runCli(['scan', dir], stubEnv({ ...fake.env, AWS_REGION: 'eu-west-1' }));
    expect(run.code).toBe(0);
    expect(fake.seen).toEqual([]);
    expect(run.stdout).not.toContain('live view');
  });
});
