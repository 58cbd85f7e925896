import { beforeAll, describe, expect, it } from 'vitest';
import { terraformParser } from '../../../src/parse/terraform/index.js';
import { byId, parseRepo } from './helpers.js';

beforeAll(() => terraformParser.init?.());

/** Evaluates `value = <expr>` in a root with the given extra HCL and files; returns the attribute. */
function evaluate(expr: string, extra = '', files: Record<string, string> = {}) {
  const out = parseRepo({ 'main.tf': `${extra}\nresource "test" "t" {\n  value = ${expr}\n}\n`, ...files });
  return byId(out, `.:test.t`).attrs.value;
}

const ref = (address: string, attr: string) => ({ $kind: 'ref', unit: '.', address, attr });

describe('evaluation', () => {
  it.each([
    ['interpolation', '"alias/${local.app}-${var.env}"', 'variable "env" { default = "prod" }\nlocals { app = "orders" }', 'alias/orders-prod'],
    ['locals chain', 'local.c', 'locals {\n a = "x"\n b = "${local.a}y"\n c = upper(local.b)\n}', 'XY'],
    ['conditional known', 'var.prod ? 30 : 7', 'variable "prod" { default = true }', 30],
    // Terraform nests `a ? b : c ? d : e` to the right; the grammar alone nests it to the left.
    ['chained conditionals', 'var.env == "prod" ? 30 : var.env == "staging" ? 14 : 7', 'variable "env" { default = "prod" }', 30],
    [
      'chained conditionals, file read by tree-sitter (a directive)',
      'var.env == "prod" ? 30 : var.env == "staging" ? 14 : 7',
      'variable "env" { default = "staging" }\nlocals { t = "%{ if true }x%{ endif }" }',
      14,
    ],
    ['for tuple with filter', '[for s in ["a", "", "b"] : upper(s) if s != ""]', '', ['A', 'B']],
    ['for object grouping', '{for p in ["a1", "a2", "b1"] : substr(p, 0, 1) => p...}', '', { a: ['a1', 'a2'], b: ['b1'] }],
    ['merge and lookup', 'lookup(merge({a = 1}, {b = 2}), "b", 0)', '', 2],
    ['functions', 'join(",", compact(concat(split("-", "a-b"), ["", "c"])))', '', 'a,b,c'],
    ['format', 'format("arn:aws:kms:%s:%d:key/%s", "eu-west-1", 123, "k")', '', 'arn:aws:kms:eu-west-1:123:key/k'],
    ['zipmap keys values', 'keys(zipmap(["b", "a"], [1, 2]))', '', ['a', 'b']],
    ['range bounded', 'length(range(3))', '', 3],
    ['try falls back on errors only', 'try(local.m.missing, "fallback")', 'locals { m = {} }', 'fallback'],
    ['map indexed by key', 'var.cfg["prod"].days', 'variable "cfg" { default = { prod = { days = 30 } } }', 30],
    ['splat', 'var.list[*].id', 'variable "list" { default = [{ id = "a" }, { id = "b" }] }', ['a', 'b']],
    ['jsondecode(jsonencode())', 'jsondecode(jsonencode({ a = [1, true] }))', '', { a: [1, true] }],
    [
      'heredoc JSON policy',
      'jsondecode(<<EOT\n{"Statement": [{"Effect": "Allow", "Action": "kms:${local.action}"}]}\nEOT\n  )',
      'locals { action = "Decrypt" }',
      { Statement: [{ Effect: 'Allow', Action: 'kms:Decrypt' }] },
    ],
  ])('%s', (_name, expr, extra, expected) => {
    expect(evaluate(expr, extra)).toEqual(expected);
  });

  it('a fully known jsonencode becomes JSON text', () => {
    expect(evaluate('jsonencode({ Version = "2012-10-17", Statement = [] })')).toBe('{"Version":"2012-10-17","Statement":[]}');
  });

  it('jsonencode of a policy with refs keeps the structure, refs inside', () => {
    expect(evaluate('jsonencode({ Statement = [{ Principal = { AWS = aws_iam_role.app.arn }, Resource = "*" }] })')).toEqual({
      Statement: [{ Principal: { AWS: ref('aws_iam_role.app', 'arn') }, Resource: '*' }],
    });
  });

  it('references become refs: resources (instance kept), data sources, "${x}" alone stays x', () => {
    expect(evaluate('[aws_kms_key.main.arn, aws_kms_key.k["a"].key_id, data.aws_kms_alias.s.target_key_arn, "${aws_kms_key.main.id}"]')).toEqual([
      ref('aws_kms_key.main', 'arn'),
      { ...ref('aws_kms_key.k', 'key_id'), instance: 'a' },
      ref('data.aws_kms_alias.s', 'target_key_arn'),
      ref('aws_kms_key.main', 'id'),
    ]);
  });

  it('an index on a resource reference keeps the instance when static: literal, OneOf of a few, none when unknown', () => {
    expect(evaluate('[aws_kms_key.k[0].arn, aws_kms_key.k["orders"].arn, data.aws_kms_key.d["x"].arn]')).toEqual([
      { ...ref('aws_kms_key.k', 'arn'), instance: 0 },
      { ...ref('aws_kms_key.k', 'arn'), instance: 'orders' },
      { ...ref('data.aws_kms_key.d', 'arn'), instance: 'x' },
    ]);
    // An index that is not known statically names no instance.
    expect(evaluate('aws_kms_key.k[var.which].arn', 'variable "which" {}')).toEqual(ref('aws_kms_key.k', 'arn'));
    expect(evaluate('aws_kms_key.k[var.pick ? "a" : "b"].arn', 'variable "pick" {}')).toEqual({
      $kind: 'oneOf',
      options: [
        { ...ref('aws_kms_key.k', 'arn'), instance: 'a' },
        { ...ref('aws_kms_key.k', 'arn'), instance: 'b' },
      ],
      reason: 'condition var.pick is not known statically',
    });
    // `data.aws_iam_policy_document.x[0].json` is still the document (data sources are not expanded).
    const doc = evaluate(
      'data.aws_iam_policy_document.p[0].json',
      'data "aws_iam_policy_document" "p" {\n  count = 1\n  statement {\n    sid = "A"\n    actions = ["kms:Decrypt"]\n    resources = ["*"]\n  }\n}',
    );
    expect((doc as { Statement: { Sid: string }[] }).Statement.map((s) => s.Sid)).toEqual(['A']);
  });

  it('[each.key] inside an expanded for_each gives each instance its own Ref; unexpanded (data source) it is a OneOf of them', () => {
    const out = parseRepo({
      'main.tf': `resource "aws_sqs_queue" "q" {
  for_each          = toset(["orders", "billing"])
  kms_master_key_id = aws_kms_key.k[each.key].arn
}
resource "aws_sns_topic" "t" {
  for_each          = var.unknown
  kms_master_key_id = aws_kms_key.k[each.key].arn
}
data "aws_kms_key" "d" {
  for_each = toset(["orders", "billing"])
  key_id   = aws_kms_key.k[each.key].key_id
}
variable "unknown" {}
`,
    });
    expect(byId(out, '.:aws_sqs_queue.q["orders"]').attrs.kms_master_key_id).toEqual({ ...ref('aws_kms_key.k', 'arn'), instance: 'orders' });
    expect(byId(out, '.:aws_sqs_queue.q["billing"]').attrs.kms_master_key_id).toEqual({ ...ref('aws_kms_key.k', 'arn'), instance: 'billing' });
    expect(byId(out, '.:aws_sns_topic.t').attrs.kms_master_key_id).toEqual(ref('aws_kms_key.k', 'arn'));
    expect(byId(out, '.:data.aws_kms_key.d').attrs.key_id).toEqual({
      $kind: 'oneOf',
      options: [
        { ...ref('aws_kms_key.k', 'key_id'), instance: 'orders' },
        { ...ref('aws_kms_key.k', 'key_id'), instance: 'billing' },
      ],
      reason: 'for_each = toset(["orders", "billing"])',
    });
  });

  it('a template with an unknown part is Unknown carrying the refs it met', () => {
    expect(evaluate('"${aws_kms_key.main.arn}/x"')).toEqual({
      $kind: 'unknown',
      expr: '"${aws_kms_key.main.arn}/x"',
      reason: 'interpolates values not known statically',
      refs: [ref('aws_kms_key.main', 'arn')],
    });
  });

  it('a variable without default or tfvars value is Unknown with the reason', () => {
    expect(evaluate('var.kms_key_arn', 'variable "kms_key_arn" {}')).toEqual({
      $kind: 'unknown',
      expr: 'var.kms_key_arn',
      reason: 'variable kms_key_arn has no default',
    });
  });

  it('an undecidable condition gives both branches', () => {
    expect(evaluate('var.use_cmk ? aws_kms_key.main.arn : null', 'variable "use_cmk" {}')).toEqual({
      $kind: 'oneOf',
      options: [ref('aws_kms_key.main', 'arn'), null],
      reason: 'condition var.use_cmk is not known statically',
    });
  });

  it('cyclic locals are Unknown, not a crash', () => {
    expect(evaluate('local.a', 'locals {\n a = local.b\n b = local.a\n}')).toMatchObject({ $kind: 'unknown', reason: 'local.a refers to itself' });
  });

  it('path.module, terraform.workspace and unknown functions', () => {
    expect(evaluate('[path.module, path.root]')).toEqual(['.', '.']);
    expect(evaluate('terraform.workspace')).toMatchObject({ $kind: 'unknown', reason: 'the workspace is chosen at apply time' });
    expect(evaluate('cidrsubnet("10.0.0.0/16", 8, 1)')).toMatchObject({ $kind: 'unknown', reason: 'function cidrsubnet() is not evaluated statically' });
  });

  it('file() and templatefile() read repo files relative to the module, others are Unknown', () => {
    const files = { 'policies/key.json.tpl': '{"Principal": {"AWS": "${role}"}, "Sid": "%{ for a in accounts }${a}%{ endfor }"}' };
    expect(evaluate('jsondecode(templatefile("${path.module}/policies/key.json.tpl", { role = "arn:r", accounts = ["1", "2"] }))', '', files)).toEqual({
      Principal: { AWS: 'arn:r' },
      Sid: '12',
    });
    expect(evaluate('file("policies/missing.json")', '', files)).toMatchObject({
      $kind: 'unknown',
      reason: 'file policies/missing.json not found in the scanned files',
    });
  });

  it('every step counts against maxEvalSteps: a huge for-expression stops with a problem', () => {
    const out = parseRepo(
      { 'main.tf': 'locals { big = [for i in range(10000) : [for j in range(10000) : i * j]] }\nresource "test" "t" { value = length(local.big) }\n' },
      { maxEvalSteps: 50_000 },
    );
    expect(byId(out, '.:test.t').attrs.value).toMatchObject({ $kind: 'unknown' });
    expect(out.problems.map((p) => p.message)).toEqual(['evaluation stopped after 50000 steps in unit .; later values are unknown']);
  });

  it('files read by file() belong to the unit', () => {
    const out = parseRepo({
      'main.tf': 'resource "aws_kms_key" "k" {\n  policy = file("${path.module}/key-policy.json")\n}\n',
      'key-policy.json': '{"Statement": []}',
    });
    expect(byId(out, '.:aws_kms_key.k').attrs.policy).toBe('{"Statement": []}');
    expect(out.units[0].files).toEqual(['key-policy.json', 'main.tf']);
  });
});

describe('hostile evaluation stays bounded', () => {
  const timed = (files: Record<string, string>) => {
    const started = Date.now();
    const out = parseRepo(files);
    return { out, ms: Date.now() - started };
  };

  it('a 10,000-long chain of locals is cut, not a stack overflow', () => {
    const locals = Array.from({ length: 10_000 }, (_, i) => `  l${i} = local.l${i + 1}`).join('\n');
    const { out, ms } = timed({ 'main.tf': `locals {\n${locals}\n  l10000 = "end"\n}\nresource "test" "t" {\n  value = local.l0\n}\n` });
    expect(byId(out, '.:test.t').attrs.value).toMatchObject({ $kind: 'unknown', reason: 'references nested too deeply' });
    expect(ms).toBeLessThan(5000);
  });

  it('string doubling through locals stops at the size cap', () => {
    const locals = Array.from({ length: 40 }, (_, i) => `  s${i + 1} = "\${local.s${i}}\${local.s${i}}"`).join('\n');
    const { out, ms } = timed({ 'main.tf': `locals {\n  s0 = "xxxxxxxx"\n${locals}\n}\nresource "test" "t" {\n  value = local.s40\n}\n` });
    expect(byId(out, '.:test.t').attrs.value).toMatchObject({ $kind: 'unknown', reason: 'interpolates values not known statically' });
    expect(ms).toBeLessThan(5000);
  });

  it('regular expressions in replace() are not run', () => {
    expect(evaluate('replace("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", "/(a+)+$/", "")')).toMatchObject({
      $kind: 'unknown',
      reason: 'regular expressions are not evaluated',
    });
  });
});
