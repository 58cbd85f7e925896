/**
 * The bundled action with the `aws-role` input: it asks the runner's token endpoint for the job's
 * OIDC token (audience sts.amazonaws.com), trades it with STS AssumeRoleWithWebIdentity, and reads
 * KMS with those credentials — all against one loopback server standing in for the token endpoint,
 * STS (`AWS_ENDPOINT_URL_STS`) and KMS (`AWS_ENDPOINT_URL_KMS`, answering from the recording of
 * fixtures/live/pending-deletion). `live.enabled` is off in the configuration: `aws-role` turns it on.
 * Failures (no id-token permission, STS AccessDenied) are a warning and a KMS000 note; the step does not fail.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type KmsApi, readRecording, recordedKmsApis } from '../../src/live/index.js';
import { type Job, PENDING_DELETION, pendingDeletionJob, runAction } from './support.js';

const DIR = PENDING_DELETION;
const CONFIG = 'failOn: high\nlive:\n  accounts:\n    "111111111111":\n      regions: [eu-west-1]\n';
const ROLE = 'arn:aws:iam::111111111111:role/kms-review-readonly';
const OIDC_TOKEN = 'eyJhbGciOiJSUzI1NiJ9.oidc-token-of-the-job.sig';
const RUNTIME_TOKEN = 'runtime-bearer-token';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

type Outcome = 'ok' | 'denied';

/** The token endpoint (`/_oidc/token`), STS (form-encoded query protocol) and KMS (JSON 1.1, `x-amz-target`) on one port. */
async function fakeAws(answers: { token: Outcome; sts: Outcome }) {
  const seen: Seen[] = [];
  const kms = recordedKmsApis(readRecording(`${DIR}/live.json`))('111111111111', 'eu-west-1');
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', async () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(request);
      const [status, type, text] = await answer(request, answers, kms);
      res.writeHead(status, { 'content-type': type, 'x-amzn-requestid': `req-${seen.length}` });
      res.end(text);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    seen,
    env: {
      ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/_oidc/token?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: RUNTIME_TOKEN,
      AWS_ENDPOINT_URL_STS: url,
      AWS_ENDPOINT_URL_KMS: url,
      AWS_EC2_METADATA_DISABLED: 'true',
      GITHUB_RUN_ID: '4242',
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

async function answer(request: Seen, answers: { token: Outcome; sts: Outcome }, kms: KmsApi): Promise<[number, string, string]> {
  if (request.url.startsWith('/_oidc/')) {
    return answers.token === 'ok' ? [200, 'application/json', JSON.stringify({ value: OIDC_TOKEN })] : [403, 'application/json', '{"message":"forbidden"}'];
  }
  const target = request.headers['x-amz-target'];
  if (typeof target === 'string') return kmsAnswer(target, JSON.parse(request.body || '{}'), kms);
  return answers.sts === 'ok' ? [200, 'text/xml', STS_OK] : [403, 'text/xml', STS_DENIED];
}

/** KMS from the recording; the wire format has dates as epoch seconds. */
async function kmsAnswer(target: string, body: { KeyId: string; Marker?: string }, kms: KmsApi): Promise<[number, string, string]> {
  const operation = target.replace(/^TrentService\./, '');
  const call = (kms as unknown as Record<string, (keyId: string, marker?: string) => Promise<unknown>>)[operation[0].toLowerCase() + operation.slice(1)];
  try {
    const out = await call(body.KeyId, body.Marker);
    const json = JSON.stringify(out, function (this: Record<string, unknown>, key, value) {
      const raw = this[key];
      return raw instanceof Date ? raw.getTime() / 1000 : value;
    });
    return [200, 'application/x-amz-json-1.1', json];
  } catch (error) {
    return [400, 'application/x-amz-json-1.1', JSON.stringify({ __type: (error as Error).name, message: (error as Error).message })];
  }
}

const STS_OK = `<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <Credentials>
      <AccessKeyId>ASIAKMSREVIEWTEST</AccessKeyId>
      <SecretAccessKey>c2VjcmV0LWtleS1vZi10aGUtYXNzdW1lZC1yb2xl</SecretAccessKey>
      <SessionToken>session-token-of-the-assumed-role</SessionToken>
      <Expiration>2099-01-01T00:00:00Z</Expiration>
    </Credentials>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::111111111111:assumed-role/kms-review-readonly/kms-review-4242</Arn>
      <AssumedRoleId>AROAKMSREVIEWTEST:kms-review-4242</AssumedRoleId>
    </AssumedRoleUser>
    <SubjectFromWebIdentityToken>repo:acme/platform-infra:pull_request</SubjectFromWebIdentityToken>
    <Audience>sts.amazonaws.com</Audience>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata><RequestId>sts-1</RequestId></ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>`;

const STS_DENIED = `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>AccessDenied</Code><Message>Not authorized to perform sts:AssumeRoleWithWebIdentity</Message></Error>
  <RequestId>sts-2</RequestId>
</ErrorResponse>`;

const jobs: Job[] = [];
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const j of jobs.splice(0)) j.cleanup();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

function liveJob(): Job {
  const j = pendingDeletionJob(CONFIG);
  jobs.push(j);
  return j;
}

async function aws(answers: { token: Outcome; sts: Outcome }) {
  const fake = await fakeAws(answers);
  servers.push(fake);
  return fake;
}

type SarifResult = { ruleId: string; message: { text: string } };
const sarifResults = (j: Job) => JSON.parse(readFileSync(join(j.workspace, 'kms-review.sarif'), 'utf8')).runs[0].results as SarifResult[];
const INPUTS = { 'github-token': '', config: '.github/kms-review.yml', 'aws-role': ROLE, 'aws-region': 'eu-west-1' };

describe('the GitHub Action (dist/index.js) with aws-role', () => {
  it('requests the OIDC token, assumes the role with it, and reads KMS with the role: KMS304', async () => {
    const fake = await aws({ token: 'ok', sts: 'ok' });
    const j = liveJob();
    const run = await runAction(j, { ...INPUTS, 'fail-on': 'high' }, fake.env);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain(`kms-review: live account view on (role ${ROLE})`);
    expect(run.stdout).toContain(`kms-review: assumed ${ROLE} with the job's OIDC token`);
    expect(run.stdout).not.toMatch(/^::warning::kms-review: aws-role/m);

    const [token, sts, ...kms] = fake.seen;
    expect(token).toMatchObject({ method: 'GET', url: '/_oidc/token?api-version=2.0&audience=sts.amazonaws.com' });
    expect(token.headers.authorization).toBe(`bearer ${RUNTIME_TOKEN}`);

    expect(sts.method).toBe('POST');
    expect(Object.fromEntries(new URLSearchParams(sts.body))).toEqual({
      Action: 'AssumeRoleWithWebIdentity',
      Version: '2011-06-15',
      RoleArn: ROLE,
      RoleSessionName: 'kms-review-4242',
      WebIdentityToken: OIDC_TOKEN,
      DurationSeconds: '900',
    });
    // AssumeRoleWithWebIdentity is unsigned: the token is the credential.
    expect(sts.headers.authorization).toBeUndefined();

    expect(kms.map((r) => r.headers['x-amz-target'])).toContain('TrentService.DescribeKey');
    for (const r of kms) {
      expect(r.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=ASIAKMSREVIEWTEST\/\d{8}\/eu-west-1\/kms\/aws4_request,/);
      expect(r.headers['x-amz-security-token']).toBe('session-token-of-the-assumed-role');
    }

    const kms304 = sarifResults(j).filter((r) => r.ruleId === 'KMS304');
    expect(kms304).toHaveLength(1);
    expect(kms304[0].message.text).toContain('pending deletion in account 111111111111 (deleted on 2026-12-01)');
  });

  it('the token endpoint refuses (no id-token: write): a warning, a KMS000 note, no AWS call, the review completes', async () => {
    const fake = await aws({ token: 'denied', sts: 'ok' });
    const j = liveJob();
    const run = await runAction(j, { ...INPUTS, 'fail-on': 'never' }, fake.env);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^::warning::kms-review: aws-role: could not assume ${ROLE}: .*HTTP 403`, 'm'));
    expect(fake.seen.map((r) => r.url)).toEqual(['/_oidc/token?api-version=2.0&audience=sts.amazonaws.com']);
    const results = sarifResults(j);
    expect(results.some((r) => r.ruleId === 'KMS304')).toBe(false);
    expect(results.filter((r) => r.ruleId === 'KMS000').map((r) => r.message.text)).toContainEqual(
      expect.stringMatching(new RegExp(`^live view: .*could not assume ${ROLE}.*HTTP 403`)),
    );
    expect(run.outputs.findings).toMatch(/^\d+$/);
  });

  it('STS AccessDenied: a warning, a KMS000 note, KMS is not called, the review completes', async () => {
    const fake = await aws({ token: 'ok', sts: 'denied' });
    const j = liveJob();
    const run = await runAction(j, { ...INPUTS, 'fail-on': 'never' }, fake.env);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^::warning::kms-review: aws-role: .*AccessDenied/m);
    expect(fake.seen.some((r) => r.headers['x-amz-target'])).toBe(false);
    const notes = sarifResults(j).filter((r) => r.ruleId === 'KMS000');
    expect(notes.map((r) => r.message.text)).toContainEqual(expect.stringMatching(/^live view: .*AccessDenied/));
  });

  it('a job without the OIDC token variables: the warning names the missing permission', async () => {
    const fake = await aws({ token: 'ok', sts: 'ok' });
    const j = liveJob();
    const { ACTIONS_ID_TOKEN_REQUEST_URL: _url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: _token, ...env } = fake.env;
    const run = await runAction(j, { ...INPUTS, 'fail-on': 'never' }, env);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^::warning::kms-review: aws-role: .*permissions: id-token: write/m);
    expect(fake.seen).toEqual([]);
  });
});
