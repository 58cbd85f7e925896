/**
 * The JSON report's live fields (docs/json-output.md): `key.live`, `key.pendingDeletion`,
 * `consumer.kind` / `consumer.grants`, `grant.live`, from `kms-review scan --live-recorded` on the
 * recorded fixtures of fixtures/live, and their null / default values without the live view.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import type { Loose } from '../support/loose.js';

type Json = Record<string, Loose>;

async function scanJson(dir: string, ...extra: string[]): Promise<Json> {
  const { stdout, stderr } = await runCli(['scan', dir, '--format', 'json', '--fail-on', 'never', ...extra]);
  expect(stderr).toBe('');
  return JSON.parse(stdout);
}

const replay = (name: string) => scanJson(`fixtures/live/${name}`, '--live-recorded', `fixtures/live/${name}/live.json`);

describe('JSON report: the live view', () => {
  it('a referenced key: the account view, grant consumers beside the repository resources, live grants', async () => {
    const json = await replay('security-account-key');
    const [key] = json.keys as Json[];
    expect(key.live).toEqual({
      arn: 'arn:aws:kms:eu-west-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab',
      account: '111111111111',
      region: 'eu-west-1',
      state: 'Enabled',
      enabled: true,
      manager: 'CUSTOMER',
      spec: 'SYMMETRIC_DEFAULT',
      usage: 'ENCRYPT_DECRYPT',
      origin: 'AWS_KMS',
      description: 'Organisation shared data key',
      multiRegion: null,
      rotation: { enabled: true, periodDays: 365 },
      policy: { statements: 2 },
      tags: { Environment: 'prod', DataClass: 'confidential', Owner: 'security' },
      aliases: ['alias/shared-data-prod'],
      grants: 143,
    });
    expect(key.pendingDeletion).toBeNull();
    expect(json.live).toMatchObject({ keys: 1, notes: 0 });
    expect(json.live.calls).toBeGreaterThan(0);

    const consumers = key.consumers as Json[];
    const repo = consumers.filter((c) => c.kind === 'resource');
    const grants = consumers.filter((c) => c.kind === 'grant');
    expect(repo).toHaveLength(2);
    expect(repo.every((c) => c.grants === null && !c.resource.startsWith('live:'))).toBe(true);
    expect(grants).toHaveLength(consumers.length - 2);
    const ebs = grants.find((c) => c.resource === 'live:ebs/aws:ebs:id=vol-00000000000000000') as Json;
    expect(ebs).toMatchObject({ kind: 'grant', type: 'kms_grant', service: 'ebs', grants: [expect.any(String)] });
    expect(grants.flatMap((c) => c.grants)).toHaveLength(143);

    expect((key.grants as Json[]).every((g) => g.live === true && g.id.startsWith('live:grant/'))).toBe(true);
  });

  it('a key pending deletion: pendingDeletion with the date and window, state in the live view', async () => {
    const [key] = (await replay('pending-deletion')).keys as Json[];
    expect(key.pendingDeletion).toEqual({ date: '2026-12-01T00:00:00.000Z', windowDays: 7 });
    expect(key.live).toMatchObject({ state: 'PendingDeletion', enabled: false, rotation: null, grants: 0, aliases: ['alias/legacy-prod'] });
  });

  it('a declared key: the declared fields stay, the account side is in live', async () => {
    const [key] = (await replay('drifted-rotation')).keys as Json[];
    expect(key).toMatchObject({ declared: true, rotation: { enabled: true } });
    expect(key.live).toMatchObject({ state: 'Enabled', rotation: { enabled: false } });
  });

  it('without the live view: live and pendingDeletion null, every consumer a resource, no live grant', async () => {
    const json = await scanJson('fixtures/live/security-account-key');
    for (const key of json.keys as Json[]) {
      expect(key.live).toBeNull();
      expect(key.pendingDeletion).toBeNull();
      expect((key.consumers as Json[]).every((c) => c.kind === 'resource' && c.grants === null)).toBe(true);
      expect((key.grants as Json[]).every((g) => g.live === false)).toBe(true);
    }
    expect((json.keys as Json[]).flatMap((k) => k.consumers)).not.toHaveLength(0);
    expect(json.live).toBeNull();
  });
});
