import { describe, expect, it } from 'vitest';
import { kms102 } from '../../src/rules/kms102-shared-across-workloads.js';
import { analyseFiles } from '../harness.js';

const KEY = `resource "aws_kms_key" "shared" {
  enable_key_rotation = true
}

resource "aws_kms_alias" "shared" {
  name          = "alias/shared-ENV"
  target_key_id = aws_kms_key.shared.key_id
}
`;

const secret = (name: string, tags: string) => `
resource "aws_secretsmanager_secret" "${name}" {
  name       = "${name}"
  kms_key_id = aws_kms_key.shared.arn
  tags       = { ${tags} }
}
`;

async function findings(env: string, body: string, config?: string) {
  const files = { [`envs/${env}/main.tf`]: KEY.replace('ENV', env) + body };
  return (await analyseFiles(files, { rules: [kms102], ...(config ? { config } : {}) })).findings;
}

describe('KMS102 shared-across-workloads', () => {
  it('is high in prod and names both workloads with their provenance', async () => {
    const [f, ...rest] = await findings('prod', secret('checkout_db', 'Application = "checkout"') + secret('search_api', 'App = "search"'));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      rule: 'KMS102',
      severity: 'high',
      key: 'envs/prod:aws_kms_key.shared',
      subjects: ['envs/prod:aws_secretsmanager_secret.checkout_db', 'envs/prod:aws_secretsmanager_secret.search_api'],
      location: { file: 'envs/prod/main.tf', startLine: 1, endLine: 3 },
    });
    expect(f.message).toBe(
      'Key alias/shared-prod is used by 2 workloads: ' +
        'checkout — aws_secretsmanager_secret.checkout_db (tag Application on aws_secretsmanager_secret.checkout_db); ' +
        'search — aws_secretsmanager_secret.search_api (tag App on aws_secretsmanager_secret.search_api). ' +
        'Give each workload its own key (alias/checkout-prod and alias/search-prod) with its own key policy.',
    );
    expect(f.evidence).toMatchObject({
      dimension: 'workload',
      groups: { checkout: ['envs/prod:aws_secretsmanager_secret.checkout_db'], search: ['envs/prod:aws_secretsmanager_secret.search_api'] },
      provenance: { checkout: ['tag Application on aws_secretsmanager_secret.checkout_db'], search: ['tag App on aws_secretsmanager_secret.search_api'] },
      blastRadius: { consumers: 2, services: 1, workloads: 2, environments: 1, dataClasses: 0 },
    });
  });

  it('is medium outside prod', async () => {
    const [f] = await findings('dev', secret('a', 'Application = "checkout"') + secret('b', 'Application = "search"'));
    expect(f.severity).toBe('medium');
  });

  it('is high when one consumer elsewhere is in prod', async () => {
    const [f] = await findings('dev', secret('a', 'Application = "checkout"') + secret('b', 'Application = "search", Environment = "production"'));
    expect(f.severity).toBe('high');
  });

  it('takes workloads from config path mappings', async () => {
    const files = {
      'environments/staging/kms.tf': KEY.replace('ENV', 'staging'),
      'environments/staging/reporting.tf': secret('reports', 'Owner = "bi"'),
      'environments/staging/exports.tf': secret('exports', 'Owner = "bi"'),
    };
    const config = 'workloads:\n  - name: reporting\n    paths: ["environments/*/reporting.tf"]\n  - name: exports\n    paths: ["environments/*/exports.tf"]\n';
    const [f] = (await analyseFiles(files, { rules: [kms102], config })).findings;
    expect(f.severity).toBe('medium');
    expect(f.evidence.provenance).toEqual({
      exports: ['config workload "exports" matches environments/staging/exports.tf'],
      reporting: ['config workload "reporting" matches environments/staging/reporting.tf'],
    });
  });

  it('stays quiet for one workload with unknowns, two spellings of one workload, and severity off', async () => {
    expect(await findings('prod', secret('a', 'Application = "checkout"') + secret('b', 'Owner = "team"'))).toEqual([]);
    expect(await findings('prod', secret('a', 'Application = "Checkout"') + secret('b', 'Application = "checkout"'))).toEqual([]);
    expect(await findings('prod', secret('a', 'Application = "checkout"') + secret('b', 'Application = "search"'), 'rules:\n  KMS102: off\n')).toEqual([]);
  });

  it('does not judge count/for_each keys whose instances it cannot tell apart', async () => {
    const files = {
      'envs/prod/main.tf': `
resource "aws_kms_key" "workload" {
  for_each            = toset(["checkout", "search"])
  enable_key_rotation = true
}
resource "aws_secretsmanager_secret" "a" {
  kms_key_id = aws_kms_key.workload["checkout"].arn
  tags       = { Application = "checkout" }
}
resource "aws_secretsmanager_secret" "b" {
  kms_key_id = aws_kms_key.workload["search"].arn
  tags       = { Application = "search" }
}
`,
    };
    expect((await analyseFiles(files, { rules: [kms102] })).findings).toEqual([]);
  });
});
