/** templatefile() of a JSON template whose variables are not all known statically keeps the JSON structure. */
import { beforeAll, describe, expect, it } from 'vitest';
import { terraformParser } from '../../../src/parse/terraform/index.js';
import { byId, parseRepo } from './helpers.js';

beforeAll(() => terraformParser.init?.());

const ROLE = { $kind: 'ref', unit: '.', address: 'aws_iam_role.app', attr: 'arn' };

function render(template: string, vars: string, extra = ''): unknown {
  const main = `${extra}\nresource "aws_iam_role" "app" {}\nresource "test" "t" {\n  value = templatefile("\${path.module}/t.tpl", ${vars})\n}\n`;
  return byId(parseRepo({ 'main.tf': main, 't.tpl': template }), '.:test.t').attrs.value;
}

describe('templatefile() with a Ref or Unknown variable', () => {
  const policy = '{"Statement": [{"Sid": "Use", "Principal": {"AWS": "${role}"}, "Resource": "arn:aws:kms:*:${account}:key/*", "Action": "kms:*"}]}';

  it('puts a whole-string placeholder back as the value and makes a partial one an Unknown with its refs', () => {
    expect(render(policy, '{ role = aws_iam_role.app.arn, account = var.account }', 'variable "account" {}')).toEqual({
      Statement: [
        {
          Sid: 'Use',
          Principal: { AWS: ROLE },
          Resource: { $kind: 'unknown', expr: 'arn:aws:kms:*:${var.account}:key/*', reason: 'interpolates values not known statically' },
          Action: 'kms:*',
        },
      ],
    });
    expect(render('{"a": "x-${role}"}', '{ role = aws_iam_role.app.arn }')).toEqual({
      a: { $kind: 'unknown', expr: 'x-${aws_iam_role.app.arn}', reason: 'interpolates values not known statically', refs: [ROLE] },
    });
  });

  it('is unchanged when every variable is known, and jsondecode() takes the structure as it is', () => {
    expect(render('{"a": "${x}"}', '{ x = "1" }')).toBe('{"a": "1"}');
    const main = 'resource "aws_iam_role" "app" {}\nresource "test" "t" {\n  value = jsondecode(templatefile("t.tpl", { role = aws_iam_role.app.arn }))\n}\n';
    expect(byId(parseRepo({ 'main.tf': main, 't.tpl': '{"p": ["${role}"]}' }), '.:test.t').attrs.value).toEqual({ p: [ROLE] });
  });

  it.each([
    ['the template is not JSON', 'role: ${role}'],
    ['a function computes with the variable', '{"a": "${upper(role)}"}'],
    ['a directive tests the variable', '{"a": "%{ if role != "" }yes%{ endif }"}'],
    ['the variable is part of an object key', '{"${role}": "a"}'],
    ['the variable stands outside a JSON string', '{"a": ${role}}'],
  ])('stays Unknown (with the refs) when %s', (_name, template) => {
    expect(render(template, '{ role = aws_iam_role.app.arn }')).toMatchObject({ $kind: 'unknown', refs: [ROLE] });
  });
});
