import { it } from 'vitest';
import { kms101 } from '../../src/rules/kms101-mixed-data-classes.js';
import { kms102 } from '../../src/rules/kms102-shared-across-workloads.js';
import { kms103 } from '../../src/rules/kms103-shared-across-environments.js';
import { kms104 } from '../../src/rules/kms104-high-volume-service-coupling.js';
import { kms107 } from '../../src/rules/kms107-blast-radius-threshold.js';
import { analyseFolder } from '../harness.js';

it('probe', async () => {
  for (const s of ['env-wide-shared-key/after', 'env-wide-shared-key/before', 'cdk-synth/after', 'cdk-synth/before', 'cfn-import-value/after', 'tf-modules-tfvars/after', 'tf-modules-tfvars/before', 'per-workload-keys/after', 'sam-app/after', 'central-security-account-key/after']) {
    const { findings } = await analyseFolder(`fixtures/scenarios/${s}`, { rules: [kms101, kms102, kms103, kms104, kms107] });
    console.log(`=== ${s}\n` + findings.map((f) => `${f.rule} ${f.severity} ${f.key} @${f.location?.file}:${f.location?.startLine}\n  ${f.message}`).join('\n'));
  }
  const { findings } = await analyseFolder('fixtures/scenarios/env-wide-shared-key/after', { rules: [kms103] });
  console.log(JSON.stringify(findings[0], null, 1));
});
