import { describe, expect, it } from 'vitest';
import { canonicalExpression, principalKey, readPrincipal } from '../../src/access/principals.js';
import { unknown } from '../../src/model/value.js';
import { analyseFiles } from '../harness.js';

describe('canonicalExpression', () => {
  it.each([
    ['"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"', 'arn:aws:iam::${data.aws_caller_identity.current.account_id}:root'],
    ['"arn:aws:iam::${ data.aws_caller_identity.current.account_id }:role/a"', 'arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/a'],
    ['"arn:aws:iam::${~ var.account ~}:role/a"', 'arn:aws:iam::${var.account}:role/a'],
    ['"arn:aws:iam::${lookup(var.accounts, "prod name", "x")}:role/a"', 'arn:aws:iam::${lookup(var.accounts,"prod name","x")}:role/a'],
    ['arn:aws:iam::${AWS::AccountId}:role/a', 'arn:aws:iam::${AWS::AccountId}:role/a'],
    ['  var.role_arn  ', 'var.role_arn'],
  ])('%s → %s', (expr, canonical) => {
    expect(canonicalExpression(expr)).toBe(canonical);
  });

  it('keeps literal text and other spellings apart', () => {
    expect(canonicalExpression('"arn:aws:iam::${var.a}:role/x"')).not.toBe(canonicalExpression('"arn:aws:iam::${var.b}:role/x"'));
    // Text inside a string literal of the interpolation is significant.
    expect(canonicalExpression('"${lookup(m, "a b")}"')).not.toBe(canonicalExpression('"${lookup(m, "ab")}"'));
    // Two strings compared are not one template: left as written.
    expect(canonicalExpression('"a" == "b"')).toBe('"a" == "b"');
  });
});

describe('principals written with deploy-time parts', () => {
  const read = (expr: string) => readPrincipal(unknown(expr, 'interpolates values not known statically')).principals;

  it('are one principal when their expressions are the same but for quoting and spacing', () => {
    const [a] = read('"arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/platform-admin"');
    const [b] = read('"arn:aws:iam::${ data.aws_caller_identity.current.account_id }:role/platform-admin"');
    const [c] = read('arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/platform-admin');
    expect(a).toEqual({ kind: 'iam', id: 'arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/platform-admin' });
    expect(principalKey(b)).toBe(principalKey(a));
    expect(principalKey(c)).toBe(principalKey(a));
  });

  it('stay apart when the expressions differ, and never equal a literal account', () => {
    const [a] = read('"arn:aws:iam::${var.a}:role/x"');
    const [b] = read('"arn:aws:iam::${var.b}:role/x"');
    const [literal] = readPrincipal('arn:aws:iam::111122223333:role/x').principals;
    expect(principalKey(a)).not.toBe(principalKey(b));
    expect(principalKey(a)).not.toBe(principalKey(literal));
    expect(a.account).toBeUndefined();
    expect(literal.account).toBe('111122223333');
  });

  it('a Terraform root written with data.aws_caller_identity is the account root: delegation to IAM', async () => {
    const { access } = await analyseFiles(
      {
        'kms.tf': `data "aws_caller_identity" "current" {}
resource "aws_kms_key" "app" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Sid = "Root", Effect = "Allow", Principal = { AWS = "arn:aws:iam::\${data.aws_caller_identity.current.account_id}:root" }, Action = "kms:*", Resource = "*" }]
  })
}
`,
      },
      { rules: [] },
    );
    const key = access.get('.:aws_kms_key.app');
    expect(key?.unknowns).toEqual([]);
    expect(key?.delegatesToIam).toBe(true);
    expect(key?.entries[0].principal).toEqual({ kind: 'account', id: 'arn:aws:iam::${data.aws_caller_identity.current.account_id}:root' });
  });
});
