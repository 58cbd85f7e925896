import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../src/rules/fingerprint.js';
import { kms502 } from '../../src/rules/kms502-key-replacement.js';
import { analyseChangeFolders } from '../harness.js';

const fires = (name: string) =>
  analyseChangeFolders(`fixtures/rules/KMS502/fires/${name}/before`, `fixtures/rules/KMS502/fires/${name}/after`, { rules: [kms502] });
const quiet = (name: string) =>
  analyseChangeFolders(`fixtures/rules/KMS502/quiet/${name}/before`, `fixtures/rules/KMS502/quiet/${name}/after`, { rules: [kms502] });

describe('KMS502 key-replacement', () => {
  it('reports each replacing CloudFormation property, high (the update fails)', async () => {
    const { changeFindings, findings } = await fires('cfn-key-usage');
    expect(findings.new).toEqual(changeFindings);
    expect(changeFindings.map(({ fingerprint, ...f }) => f)).toEqual([
      {
        rule: 'KMS502',
        severity: 'high',
        key: 'template.yaml:TokenKey',
        subjects: [],
        message:
          'Key TokenKey: KeySpec HMAC_256 → RSA_2048 at template.yaml:7. That cannot change on an existing key: CloudFormation treats this as a replacement and fails the stack update rather than delete the key: a key with another value has to be a new key, and whatever was encrypted under the old key (here no resource of the repository uses it; applications may) cannot be decrypted by the new one. Create a new key beside the old one, move the consumers to it and re-encrypt their data, then retire the old key.',
        evidence: {
          attribute: 'KeySpec',
          before: 'HMAC_256',
          after: 'RSA_2048',
          consumers: [],
        },
        location: {
          file: 'template.yaml',
          startLine: 7,
          endLine: 7,
        },
      },
      {
        rule: 'KMS502',
        severity: 'high',
        key: 'template.yaml:TokenKey',
        subjects: [],
        message:
          'Key TokenKey: KeyUsage GENERATE_VERIFY_MAC → SIGN_VERIFY at template.yaml:8. That cannot change on an existing key: CloudFormation treats this as a replacement and fails the stack update rather than delete the key: a key with another value has to be a new key, and whatever was encrypted under the old key (here no resource of the repository uses it; applications may) cannot be decrypted by the new one. Create a new key beside the old one, move the consumers to it and re-encrypt their data, then retire the old key.',
        evidence: {
          attribute: 'KeyUsage',
          before: 'GENERATE_VERIFY_MAC',
          after: 'SIGN_VERIFY',
          consumers: [],
        },
        location: {
          file: 'template.yaml',
          startLine: 8,
          endLine: 8,
        },
      },
    ]);
    expect(changeFindings[0].fingerprint).toBe(fingerprint('KMS502', 'template.yaml:TokenKey', 'KeySpec'));
  });

  it('names the attribute, before \u2192 after and its line; no consumers here', async () => {
    const { changeFindings, findings } = await fires('tf-key-spec-change');
    expect(findings.new).toEqual(changeFindings);
    expect(changeFindings.map(({ fingerprint, ...f }) => f)).toEqual([
      {
        rule: 'KMS502',
        severity: 'critical',
        key: '.:aws_kms_key.signing',
        subjects: [],
        message:
          'Key aws_kms_key.signing: customer_master_key_spec ECC_NIST_P256 → ECC_NIST_P384 at main.tf:13. That cannot change on an existing key: Terraform destroys the key (scheduling its deletion) and creates a new one, and whatever was encrypted under the old key (here no resource of the repository uses it; applications may) cannot be decrypted by the new one. Create a new key beside the old one, move the consumers to it and re-encrypt their data, then retire the old key.',
        evidence: {
          attribute: 'customer_master_key_spec',
          before: 'ECC_NIST_P256',
          after: 'ECC_NIST_P384',
          consumers: [],
        },
        location: {
          file: 'main.tf',
          startLine: 13,
          endLine: 13,
        },
      },
    ]);
    expect(changeFindings[0].fingerprint).toBe(fingerprint('KMS502', '.:aws_kms_key.signing', 'customer_master_key_spec'));
  });

  it('names the consumers whose data the new key cannot read', async () => {
    const { changeFindings, findings } = await fires('tf-multi-region-on');
    expect(findings.new).toEqual(changeFindings);
    expect(changeFindings.map(({ fingerprint, ...f }) => f)).toEqual([
      {
        rule: 'KMS502',
        severity: 'critical',
        key: '.:aws_kms_key.orders',
        subjects: ['.:aws_sqs_queue.orders'],
        message:
          'Key aws_kms_key.orders (alias/orders-prod): multi_region false → true at main.tf:14. That cannot change on an existing key: Terraform destroys the key (scheduling its deletion) and creates a new one, and everything encrypted under the old key — 1 resource: aws_sqs_queue.orders (sqs messages) at main.tf:29 — cannot be decrypted by the new one. Create a new key beside the old one, move the consumers to it and re-encrypt their data, then retire the old key.',
        evidence: {
          attribute: 'multi_region',
          before: false,
          after: true,
          consumers: [
            {
              resource: '.:aws_sqs_queue.orders',
              service: 'sqs',
              attribute: 'kms_master_key_id',
              location: 'main.tf:29',
            },
          ],
        },
        location: {
          file: 'main.tf',
          startLine: 14,
          endLine: 14,
        },
      },
    ]);
    expect(changeFindings[0].fingerprint).toBe(fingerprint('KMS502', '.:aws_kms_key.orders', 'multi_region'));
  });

  it.each(['default-written-out', 'in-place-attributes', 'reordered-attributes'])('stays quiet: %s', async (name) => {
    const { changeFindings } = await quiet(name);
    expect(changeFindings).toEqual([]);
  });
});
