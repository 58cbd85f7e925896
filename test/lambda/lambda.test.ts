/**
 * The Lambda handler invoked with realistic API Gateway v2 (HTTP API) events: the signature is
 * verified over the raw body (plain or base64), headers are matched case-insensitively, the app
 * reviews the pull request (GitHub = nock), and the answer is `{ statusCode, body }`.
 */
import { readFileSync } from 'node:fs';
import { sign } from '@octokit/webhooks-methods';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kmsReviewApp } from '../../src/app.js';
import { DEFAULT_POLICY } from '../../src/github/octokit.js';
import { type ApiGatewayV2Event, createLambdaHandler } from '../../src/lambda.js';
import { BlobCache } from '../../src/sources/blob-cache.js';
import { FakeApp, HEAD, resetNock, SECRET, testProbot } from '../app/harness.js';

const SCENARIO = 'fixtures/scenarios/env-wide-shared-key';
const body = readFileSync('fixtures/webhooks/pull_request.opened.json', 'utf8');

function apiGatewayEvent(raw: string, signature: string, options: { base64?: boolean; method?: string } = {}): ApiGatewayV2Event {
  return {
    version: '2.0',
    routeKey: 'POST /github/webhooks',
    rawPath: '/github/webhooks',
    rawQueryString: '',
    headers: {
      accept: '*/*',
      'content-type': 'application/json',
      host: 'abc123.execute-api.eu-west-1.amazonaws.com',
      'user-agent': 'GitHub-Hookshot/6f2b1c3',
      'X-GitHub-Event': 'pull_request',
      'X-GitHub-Delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
      'X-GitHub-Hook-ID': '292430182',
      'X-Hub-Signature-256': signature,
      'x-forwarded-for': '140.82.115.1',
      'x-forwarded-proto': 'https',
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      http: {
        method: options.method ?? 'POST',
        path: '/github/webhooks',
        protocol: 'HTTP/1.1',
        sourceIp: '140.82.115.1',
        userAgent: 'GitHub-Hookshot/6f2b1c3',
      },
      requestId: 'JKJaXmPLvHcESHA=',
      routeKey: 'POST /github/webhooks',
      stage: '$default',
      time: '22/Nov/2026:08:00:00 +0000',
      timeEpoch: 1795334400000,
    },
    body: options.base64 ? Buffer.from(raw).toString('base64') : raw,
    isBase64Encoded: !!options.base64,
  } as ApiGatewayV2Event;
}

let fake: FakeApp;
let handler: ReturnType<typeof createLambdaHandler>;

beforeEach(async (test) => {
  resetNock();
  fake = new FakeApp();
  // The full review once; the other cases need no IaC (a quick "skipped" review).
  if (test.task.name.startsWith('a signed webhook')) fake.folders(`${SCENARIO}/before`, `${SCENARIO}/after`);
  else fake.scenario({ 'README.md': 'a' }, { 'README.md': 'b' });
  fake.start();
  handler = createLambdaHandler(
    await testProbot({ load: false }),
    kmsReviewApp({ cache: new BlobCache(), today: '2026-11-22', policy: { ...DEFAULT_POLICY, retryAfterBaseValue: 1 } }),
  );
});
afterEach(() => resetNock());

describe('lambda handler (API Gateway v2)', () => {
  it('a signed webhook: 200, the review ran and completed its check run', async () => {
    const result = await handler(apiGatewayEvent(body, await sign(SECRET, body)));
    expect(result).toMatchObject({ statusCode: 200, body: JSON.stringify({ ok: true }) });
    expect(fake.bodies('POST', '/check-runs')[0]).toMatchObject({ head_sha: HEAD, status: 'in_progress' });
    expect(fake.bodies('PATCH', '/check-runs/').at(-1)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('a base64-encoded body is decoded before the signature is checked', async () => {
    const result = await handler(apiGatewayEvent(body, await sign(SECRET, body), { base64: true }));
    expect(result.statusCode).toBe(200);
    expect(fake.bodies('PATCH', '/check-runs/').at(-1)).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  it('a bad signature: 400 and no GitHub call; missing headers: 400; GET: 405', async () => {
    expect((await handler(apiGatewayEvent(body, await sign('wrong-secret', body)))).statusCode).toBe(400);
    const unsigned = apiGatewayEvent(body, '');
    delete unsigned.headers?.['X-Hub-Signature-256'];
    expect((await handler(unsigned)).statusCode).toBe(400);
    expect((await handler(apiGatewayEvent(body, await sign(SECRET, body), { method: 'GET' }))).statusCode).toBe(405);
    expect(fake.requests()).toEqual([]);
  });
});
