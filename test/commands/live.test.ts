/**
 * Slash commands with the live account view (`live.enabled` in the base tree's configuration; the
 * recorded responses of fixtures/live/pending-deletion stand in for KMS): a key's card says what
 * the account holds — state, rotation, grants, the deletion date — which no file shows.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { readRecording, recordedKmsApis } from '../../src/live/index.js';
import { resetNock, testProbot } from '../app/harness.js';
import { CommandsFake, comment } from './harness.js';

const DIR = 'fixtures/live/pending-deletion';
const PROVIDERS = readFileSync(`${DIR}/providers.tf`, 'utf8');
const QUEUES = readFileSync(`${DIR}/queues.tf`, 'utf8');
const LIVE = 'live:\n  enabled: true\n  accounts:\n    "111111111111":\n      regions: [eu-west-1]\n';

let fake: CommandsFake;
beforeEach(() => {
  resetNock();
  fake = new CommandsFake();
  // The pull request adds a queue encrypted with a key that is pending deletion in the account.
  fake.scenario({ 'providers.tf': PROVIDERS }, { 'providers.tf': PROVIDERS, 'queues.tf': QUEUES });
});

describe('slash commands with live.enabled', () => {
  it('/kms explain <key>: the card carries the account view, pending deletion and its date included', async () => {
    fake.config = `failOn: high\n${LIVE}`;
    fake.start();
    const probot = await testProbot({ deps: { live: { apis: recordedKmsApis(readRecording(`${DIR}/live.json`)) } } });
    await comment(probot, '/kms explain alias/legacy-prod');
    const [card] = fake.replies();
    expect(card).toMatch(/- In account 111111111111 \(eu-west-1\), read live: state PendingDeletion · .*\*\*pending deletion\*\* on \d{4}-\d{2}-\d{2}/);
    expect(fake.reactions()).toEqual(['eyes', 'rocket']);
  });

  it('without live.enabled the card says nothing about the account, and KMS is not asked', async () => {
    fake.config = 'failOn: high\n';
    fake.start();
    const asked: string[] = [];
    const recorded = recordedKmsApis(readRecording(`${DIR}/live.json`));
    const probot = await testProbot({
      deps: {
        live: {
          apis: (account, region) => {
            asked.push(`${account}/${region}`);
            return recorded(account, region);
          },
        },
      },
    });
    await comment(probot, '/kms explain alias/legacy-prod');
    expect(fake.replies()[0]).not.toContain('read live');
    expect(asked).toEqual([]);
  });
});
