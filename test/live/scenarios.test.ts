/** `kms-review scan --live-recorded`: the scenarios of fixtures/live, enriched inventory and findings. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import type { Loose } from '../support/loose.js';

async function scan(name: string, ...extra: string[]) {
  const dir = `fixtures/live/${name}`;
  const { code, stdout, stderr } = await runCli(['scan', dir, '--live-recorded', `${dir}/live.json`, '--format', 'json', ...extra]);
  expect(stderr).toBe('');
  return { code, json: JSON.parse(stdout) };
}

type Json = Record<string, Loose>;

describe('kms-review scan --live-recorded', () => {
  it('a security-account key referenced by ARN: 143 grants, real blast radius, live policy and tags', async () => {
    const { code, json } = await scan('security-account-key', '--fail-on', 'low');
    expect(code).toBe(1);
    const [key] = json.keys as Json[];
    expect(key).toMatchObject({
      id: 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      declared: false,
      aliases: ['alias/shared-data-prod'],
      spec: 'SYMMETRIC_DEFAULT',
      usage: 'ENCRYPT_DECRYPT',
      origin: 'AWS_KMS',
      enabled: true,
      rotation: { enabled: true, periodDays: 365 },
      environment: { value: 'prod', from: 'live' },
      dataClass: { value: 'confidential', from: 'live' },
      owner: { value: 'security', from: 'live' },
      tags: { Environment: 'prod', DataClass: 'confidential', Owner: 'security' },
      policy: { from: 'live', statements: 2 },
    });
    expect(key.grants).toHaveLength(143);
    expect(key.grants.every((g: Json) => g.live === true)).toBe(true);
    const byService: Record<string, number> = {};
    for (const c of key.consumers as Json[]) byService[c.service] = (byService[c.service] ?? 0) + 1;
    // 120 EBS volumes and 20 RDS instances named by their grants' encryption context, one role grantee, and the 2 resources in the repository.
    expect(byService).toEqual({ ebs: 121, rds: 21, grant: 1 });
    expect(key.blastRadius).toMatchObject({ consumers: 143, services: 3 });
    const ebs = (key.consumers as Json[]).find((c) => c.resource === 'live:ebs/aws:ebs:id=vol-00000000000000000');
    expect(ebs).toMatchObject({ type: 'kms_grant', attribute: 'grant', location: { file: 'workloads/billing/main.tf', startLine: 19 } });
    const kms208 = (json.findings as Json[]).find((f) => f.rule === 'KMS208') as Json;
    expect(kms208).toMatchObject({ severity: 'low', evidence: { grants: 143, threshold: 20, live: 143 } });
    expect(kms208.message).toMatch(/^Key alias\/shared-data-prod has 143 grants \(threshold 20\)/);
    expect((json.findings as Json[]).some((f) => f.rule === 'KMS304' || f.rule === 'KMS000')).toBe(false);
  });

  it('a key pending deletion that the PR references: KMS304 critical, with the date', async () => {
    const { code, json } = await scan('pending-deletion', '--fail-on', 'critical');
    expect(code).toBe(1);
    expect(json.keys[0]).toMatchObject({ id: 'arn:aws:kms:eu-west-1:111111111111:alias/legacy-prod', enabled: false, deletionWindowDays: 7 });
    const [finding] = (json.findings as Json[]).filter((f) => f.rule === 'KMS304');
    expect(finding).toMatchObject({
      severity: 'critical',
      location: { file: 'queues.tf', startLine: 3, endLine: 3 },
      evidence: { state: 'PendingDeletion', deletionDate: '2026-12-01T00:00:00.000Z', pendingWindowDays: 7 },
    });
    expect(finding.message).toContain(
      'is pending deletion in account 111111111111 (deleted on 2026-12-01) but 1 resource still uses it: aws_sqs_queue.invoices',
    );
  });

  it('a declared key whose rotation was turned off in the account: KMS600', async () => {
    const { json } = await scan('drifted-rotation');
    const drift = (json.findings as Json[]).filter((f) => f.rule === 'KMS600');
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({
      severity: 'medium',
      location: { file: 'kms.tf', startLine: 3 },
      evidence: { aspect: 'rotation', declared: true, live: false },
    });
    // The declared fields stay as declared.
    expect(json.keys[0]).toMatchObject({ declared: true, rotation: { enabled: true } });
  });

  it('without the live view the static review is unchanged', async () => {
    const { code, stdout } = await runCli(['scan', 'fixtures/live/pending-deletion', '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.keys[0].enabled).toMatchObject({ unknown: expect.any(String) });
    expect(json.findings.filter((f: Json) => f.rule === 'KMS304')).toEqual([]);
  });

  it('rejects --live with --live-recorded, and a missing recording', async () => {
    expect((await runCli(['scan', 'fixtures/live/pending-deletion', '--live', '--live-recorded', 'x.json'])).code).toBe(2);
    expect((await runCli(['scan', 'fixtures/live/pending-deletion', '--live-recorded', 'missing.json'])).code).toBe(2);
  });
});
