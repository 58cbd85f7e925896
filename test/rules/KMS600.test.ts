import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { enrichInventory } from '../../src/inventory/enrich.js';
import type { LiveKeyFacts } from '../../src/live/types.js';
import { kms600 } from '../../src/rules/kms600-iac-live-drift.js';
import { RULES } from '../../src/rules/registry.js';
import { runRules } from '../../src/rules/run.js';
import { analyseFiles } from '../harness.js';

const KEY = `provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { Team = "orders" }
  }
}
resource "aws_kms_key" "orders" {
  enable_key_rotation = true
  is_enabled          = true
  policy = jsonencode({
    Statement = [{ Sid = "Root", Effect = "Allow", Principal = { AWS = "333333333333" }, Action = ["kms:*"], Resource = "*" }]
  })
  tags = { Environment = "prod", Owner = var.owner }
}
variable "owner" {}
`;

const POLICY =
  '{"Version":"2012-10-17","Statement":[{"Sid":"Root","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::333333333333:root"},"Action":"kms:*","Resource":"*"}]}';

async function drift(live: Partial<LiveKeyFacts>) {
  const analysis = await analyseFiles({ 'kms.tf': KEY }, { rules: [kms600] });
  const facts: LiveKeyFacts = {
    arn: 'arn:aws:kms:eu-west-1:333333333333:key/k',
    keyId: 'k',
    account: '333333333333',
    region: 'eu-west-1',
    state: 'Enabled',
    enabled: true,
    rotation: { enabled: true, periodDays: 365 },
    policy: POLICY,
    tags: { Environment: 'prod', Team: 'orders', Owner: 'someone' },
    ...live,
  };
  const inventory = enrichInventory(analysis.inventory, { keys: { '.:aws_kms_key.orders': facts }, notes: [], calls: 6 });
  const ctx = { inventory, resources: analysis.resources, access: analysis.access, config: parseConfig('').config, sourceLines: analysis.sourceLines };
  return runRules([kms600], ctx, { inline: [], today: '2026-11-22' });
}

describe('KMS600 iac-live-drift', () => {
  it('is registered', () => {
    expect(RULES).toContain(kms600);
  });

  it('stays quiet when the account matches (account id vs root ARN, default tags, a tag set by a variable)', async () => {
    expect(await drift({})).toEqual([]);
  });

  it('reports each drifted aspect once, at its line', async () => {
    const findings = await drift({
      state: 'Disabled',
      enabled: false,
      rotation: { enabled: false },
      policy: POLICY.replace(
        ']}',
        ',{"Sid":"Console","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444444444444:root"},"Action":"kms:Decrypt","Resource":"*"}]}',
      ),
      tags: { Environment: 'staging', Team: 'orders', CostCenter: '42' },
    });
    const byAspect = Object.fromEntries(findings.map((f) => [f.evidence.aspect as string, f]));
    expect(Object.keys(byAspect).sort()).toEqual(['enabled', 'policy', 'rotation', 'tags']);
    expect(byAspect.rotation).toMatchObject({ severity: 'medium', location: { file: 'kms.tf', startLine: 8 } });
    expect(byAspect.rotation.message).toContain('rotation is on in the code (enable_key_rotation = true at kms.tf:8) but off in the account');
    expect(byAspect.enabled).toMatchObject({ severity: 'medium', location: { file: 'kms.tf', startLine: 9 } });
    expect(byAspect.policy.message).toContain('1 statement(s) only in the account (Console)');
    expect(byAspect.tags).toMatchObject({ severity: 'info' });
    expect(byAspect.tags.evidence.differences).toEqual(['CostCenter=42 only in the account', 'Environment is prod in the code, staging in the account']);
  });

  it('leaves a key pending deletion to KMS304', async () => {
    expect(await drift({ state: 'PendingDeletion', enabled: false, rotation: { enabled: false } }).then((f) => f.length)).toBe(0);
  });
});
