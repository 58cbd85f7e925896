/**
 * The bundled action with the live account view: `live.enabled` in the configuration, and the
 * recorded responses of fixtures/live/pending-deletion replayed through the `live-recorded` input
 * (tests and demos; in a workflow the standard AWS credential chain is read). The live finding
 * (KMS304, a key pending deletion) reaches the SARIF file, the job summary and the annotations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Job, PENDING_DELETION, pendingDeletionJob, runAction } from './support.js';

const DIR = PENDING_DELETION;
const CONFIG = 'failOn: high\nlive:\n  enabled: true\n  accounts:\n    "111111111111":\n      regions: [eu-west-1]\n';

const jobs: Job[] = [];
afterEach(() => {
  for (const j of jobs.splice(0)) j.cleanup();
});

function liveJob(): Job {
  const j = pendingDeletionJob(CONFIG, { 'recorded/live.json': readFileSync(`${DIR}/live.json`, 'utf8') });
  jobs.push(j);
  return j;
}

type SarifResult = { ruleId: string; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] };

describe('the GitHub Action (dist/index.js) with live.enabled', () => {
  it('replays the recorded account: KMS304 in the SARIF file, the job summary and the annotations', async () => {
    const j = liveJob();
    const run = await runAction(j, { 'fail-on': 'high', 'github-token': '', config: '.github/kms-review.yml', 'live-recorded': 'recorded/live.json' });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain('kms-review: live account view on (replaying recorded/live.json)');
    expect(run.outputs.conclusion).toBe('failure');

    const sarif = JSON.parse(readFileSync(join(j.workspace, 'kms-review.sarif'), 'utf8'));
    const kms304 = (sarif.runs[0].results as SarifResult[]).filter((r) => r.ruleId === 'KMS304');
    expect(kms304).toHaveLength(1);
    expect(kms304[0].level).toBe('error');
    expect(kms304[0].locations[0].physicalLocation.artifactLocation.uri).toBe('queues/queues.tf');
    expect(kms304[0].message.text).toContain('pending deletion in account 111111111111 (deleted on 2026-12-01)');

    expect(run.summary).toContain('KMS304');
    expect(run.stdout).toMatch(/^::error file=queues\/queues\.tf,line=3.*KMS304/m);
  });

  it('live.enabled without AWS credentials: a note, and the static review completes', async () => {
    const j = liveJob();
    const run = await runAction(j, { 'fail-on': 'high', 'github-token': '', config: '.github/kms-review.yml' }, { AWS_EC2_METADATA_DISABLED: 'true' });
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.stdout).toContain('kms-review: live account view on');
    const results = JSON.parse(readFileSync(join(j.workspace, 'kms-review.sarif'), 'utf8')).runs[0].results as SarifResult[];
    expect(results.some((r) => r.ruleId === 'KMS304')).toBe(false);
    expect(results.filter((r) => r.ruleId === 'KMS000').map((r) => r.message.text)).toContainEqual(expect.stringMatching(/^live view: .*credentials/i));
    expect(run.outputs.findings).toMatch(/^\d+$/);
  });
});
