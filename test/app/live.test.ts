/**
 * The App with the live account view: `live.enabled` in the repository's configuration turns it on,
 * the recorded responses of fixtures/live/pending-deletion stand in for KMS (`deps.live`), and the
 * live finding (KMS304, key pending deletion) reaches the check run.
 */
import { readFileSync } from 'node:fs';
import type { Probot } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { kmsReviewApp } from '../../src/app.js';
import { DEFAULT_POLICY } from '../../src/github/octokit.js';
import { type KmsApi, type KmsApiFactory, readRecording, recordedKmsApis } from '../../src/live/index.js';
import { BlobCache } from '../../src/sources/blob-cache.js';
import { CHECK_RUN_ID, deliver, FakeApp, payload, resetNock, testProbot } from './harness.js';

const DIR = 'fixtures/live/pending-deletion';
const PROVIDERS = readFileSync(`${DIR}/providers.tf`, 'utf8');
const QUEUES = readFileSync(`${DIR}/queues.tf`, 'utf8');
const LIVE = 'live:\n  enabled: true\n  accounts:\n    "111111111111":\n      regions: [eu-west-1]\n';

/** The recorded KMS, counting the calls made to it. */
function countingKms(): { apis: KmsApiFactory; calls: string[] } {
  const recorded = recordedKmsApis(readRecording(`${DIR}/live.json`));
  const calls: string[] = [];
  const apis: KmsApiFactory = (account, region) => {
    const api = recorded(account, region);
    return new Proxy(api, {
      get: (target, name: keyof KmsApi) => (keyId: string, marker?: string) => {
        calls.push(`${String(name)} ${keyId}`);
        return target[name](keyId, marker);
      },
    });
  };
  return { apis, calls };
}

let fake: FakeApp;
afterEach(() => resetNock());
beforeEach(() => {
  resetNock();
  fake = new FakeApp();
  // The pull request adds a queue encrypted with a key that is pending deletion in the account.
  fake.scenario({ 'providers.tf': PROVIDERS }, { 'providers.tf': PROVIDERS, 'queues.tf': QUEUES });
});

async function appWith(live: { apis: KmsApiFactory }): Promise<Probot> {
  const probot = await testProbot({ load: false });
  await probot.load(kmsReviewApp({ cache: new BlobCache(), today: '2026-11-22', policy: { ...DEFAULT_POLICY, retryAfterBaseValue: 1 }, live }));
  return probot;
}

const completion = () => fake.bodies('PATCH', `/check-runs/${CHECK_RUN_ID}`).at(-1);

describe('the App with live.enabled', () => {
  it('reads the account once for both sides and reports the key pending deletion in the check run', async () => {
    const kms = countingKms();
    fake.config = `failOn: high\n${LIVE}`;
    fake.start();
    await deliver(await appWith(kms), 'pull_request.opened', payload('pull_request.opened'));

    const done = completion();
    expect(done).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(done.output.summary).toContain('KMS304');
    expect(done.output.summary).toContain('pending deletion in account 111111111111 (deleted on 2026-12-01)');
    expect(done.output.annotations).toContainEqual(
      expect.objectContaining({ path: 'queues.tf', start_line: 3, annotation_level: 'failure', title: expect.stringMatching(/^KMS304 /) }),
    );
    expect(kms.calls.filter((c) => c.startsWith('describeKey'))).toEqual(['describeKey arn:aws:kms:eu-west-1:111111111111:alias/legacy-prod']);
  });

  it('base and head both use the key: one hook for both sides, the account read once', async () => {
    const kms = countingKms();
    fake.scenario(
      { 'providers.tf': PROVIDERS, 'queues.tf': QUEUES },
      { 'providers.tf': PROVIDERS, 'queues.tf': QUEUES.replace('"invoices"\n', '"invoices"\n  delay_seconds     = 5\n') },
    );
    fake.config = `failOn: high\n${LIVE}`;
    fake.start();
    await deliver(await appWith(kms), 'pull_request.opened', payload('pull_request.opened'));

    expect(completion().status).toBe('completed');
    expect(kms.calls.filter((c) => c.startsWith('describeKey'))).toHaveLength(1);
  });

  it('without live.enabled the account is not read and the review is the static one', async () => {
    const kms = countingKms();
    fake.config = `failOn: high\n${LIVE.replace('  enabled: true\n', '')}`;
    fake.start();
    await deliver(await appWith(kms), 'pull_request.opened', payload('pull_request.opened'));

    const done = completion();
    expect(done.status).toBe('completed');
    expect(done.output.summary).not.toContain('KMS304');
    expect(kms.calls).toEqual([]);
  });

  it('a failing live view is a note; the review completes', async () => {
    const failing: KmsApiFactory = () => {
      const denied = () => Promise.reject(Object.assign(new Error('not authorized to perform kms:DescribeKey'), { name: 'AccessDeniedException' }));
      return { describeKey: denied, getKeyPolicy: denied, getKeyRotationStatus: denied, listAliases: denied, listResourceTags: denied, listGrants: denied };
    };
    fake.config = `failOn: high\n${LIVE}`;
    fake.start();
    await deliver(await appWith({ apis: failing }), 'pull_request.opened', payload('pull_request.opened'));

    const done = completion();
    expect(done.status).toBe('completed');
    expect(done.output.summary).not.toContain('KMS304');
    expect(JSON.stringify(done.output)).toContain('live view');
  });
});
