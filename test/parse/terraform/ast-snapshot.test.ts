/**
 * Guards the CST → AST conversion: the AST (and syntax problems) of a varied set of files — every
 * HCL file of `fixtures/scenarios` and `fixtures/parse`, twenty files of the benchmark's synthetic monorepo (vendored under
 * `ast-inputs/generated/` so a change of the generator does not move this snapshot) and some
 * edge cases written here — must stay byte-identical when the conversion is optimised.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, type Limits } from '../../../src/model/source.js';
import { terraformParser } from '../../../src/parse/terraform/index.js';
import { parseHclFile, parseTemplateText } from '../../../src/parse/terraform/syntax.js';
import { filesUnder } from '../../support/tree.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = join(here, '../../..');
const HCL = /(\.tf|\.tf\.json|\.tfvars|\.tfvars\.json|\.hcl)$/;
const TEMPLATE = /\.(tpl|tftpl|template)$/;

beforeAll(() => terraformParser.init?.());

function astOf(root: string, paths: string[], limits: Limits = DEFAULT_LIMITS): string {
  const out: Record<string, unknown> = {};
  for (const abs of paths) {
    const path = relative(root, abs).replace(/\\/g, '/');
    const text = readFileSync(abs, 'utf8');
    const file = { path, text, size: Buffer.byteLength(text) };
    out[path] = TEMPLATE.test(path) ? parseTemplateText(text, path, limits) : parseHclFile(file, limits);
  }
  return `${JSON.stringify(out, null, 1)}\n`;
}

const inline = (files: Record<string, string>, limits: Limits = DEFAULT_LIMITS) =>
  `${JSON.stringify(
    Object.fromEntries(Object.entries(files).map(([path, text]) => [path, parseHclFile({ path, text, size: Buffer.byteLength(text) }, limits)])),
    null,
    1,
  )}\n`;

describe('AST snapshots', () => {
  // Not `fixtures/rules`: rule fixtures are added all the time, and each addition would move this snapshot.
  for (const group of ['scenarios', 'parse']) {
    it(`fixtures/${group}`, async () => {
      const files = filesUnder(join(repo, 'fixtures', group)).filter((p) => HCL.test(p) || TEMPLATE.test(p));
      expect(files.length).toBeGreaterThan(0);
      await expect(astOf(join(repo, 'fixtures'), files)).toMatchFileSnapshot(`__snapshots__/ast-fixtures-${group}.json`);
    });
  }

  it('generated monorepo files', async () => {
    const root = join(here, 'ast-inputs/generated');
    const files = filesUnder(root);
    expect(files.length).toBe(20);
    await expect(astOf(root, files)).toMatchFileSnapshot('__snapshots__/ast-generated.json');
  });

  it('edge cases: templates, directives, strip markers, traversals, errors', async () => {
    const files = {
      'templates.tf': `
a = "x\${var.a}y\\n\\u00e9 $\${literal} %%{x}"
b = <<EOT
  line \${upper(var.b)}
%{ if var.c ~}
  yes
%{~ else ~}
  no
%{ endif }
%{ for k, v in var.m ~}
  \${k}=\${v}
%{ endfor ~}
EOT
c = <<-EOT
    indented
      more \${x}
    $\${kept}
  EOT
d = "%{ for x in var.l }\${x},%{ endfor }"
`,
      'traversals.tf': `
x = aws_kms_key.k[0].arn
y = var.list.*.id
z = var.m[*].a.b[1]
w = local.legacy.0.name
v = (var.a + 1) * -var.b
u = !var.c && var.d || var.e == "x"
t = var.a ? "yes" : var.b != null ? 2 : 0x1F
s = [for k, v in var.m : upper(v) if k != "x"]
r = {for k, v in var.m : v => k...}
q = { (var.k) = 1, plain = true, "quoted" = null, other: 2.5e3 }
p = merge(var.a, var.b...)
o = [
  # comment
  1, /* c */ 2,
]
`,
      'blocks.tf': `
resource "aws_kms_key" "main" {
  description = "d"
  dynamic "statement" {
    for_each = var.s
    content {
      sid = statement.value
    }
  }
  lifecycle { prevent_destroy = true }
}
locals {}
terraform { required_version = ">= 1.5" }
bare_block {
}
`,
      'errors.tf': `
resource "aws_kms_key" "a" {
  description = "ok"
  policy = jsonencode({
    Statement = [
  }
}
resource "aws_kms_key" "b" {
  enable_key_rotation = true
  broken = 
}
x = 
y = "unterminated
z = <<EOT
no end
`,
      'json.tf.json': JSON.stringify({
        resource: { aws_kms_key: { k: { description: 'x ${var.a}', enable_key_rotation: true, deletion_window_in_days: 7 } } },
        locals: { a: [1, 2, { b: null }] },
      }),
      'vars.tfvars': 'env = "prod"\nregions = ["eu-west-1", "us-east-1"]\nmap = { a = 1 }\n',
      'terragrunt.hcl': 'include "root" {\n  path = find_in_parent_folders("root.hcl")\n}\ninputs = {\n  env = "dev"\n}\n',
      'binary.tf': 'a = "x\0y"\n',
      'unicode.tf': 'résumé = "naïve ☃ 😀 ${var.é}"\n# 注释 😀\nb = <<EOT\n  ü 😀 ${x}\nEOT\nc = [\n  "é", "😀😀", 1\n]\n',
      'crlf.tf': 'a = "x"\r\nb = {\r\n  c = "d"\r\n}\r\nh = <<EOT\r\nline\r\nEOT\r\n',
      'empty.tf': '',
      'comments-only.tf': '# nothing\n// here\n/* at all */\n',
    };
    await expect(inline(files)).toMatchFileSnapshot('__snapshots__/ast-edge-cases.json');
  });

  it('edge cases: depth and size limits', async () => {
    const deep = `a = ${'['.repeat(40)}1${']'.repeat(40)}\nb = ${'f('.repeat(30)}1${')'.repeat(30)}\nc = "\${${'"${'.repeat(15)}x${'}"'.repeat(15)}}"\n`;
    const json =
      inline({ 'deep.tf': deep }, { ...DEFAULT_LIMITS, maxDepth: 12 }) +
      inline({ 'big.tf': `a = "${'x'.repeat(300)}"\n` }, { ...DEFAULT_LIMITS, maxFileBytes: 200 });
    const slow = inline({ 'slow.tf': `a = "${'y'.repeat(20_000)}"\n` }, { ...DEFAULT_LIMITS, maxParseMillisPerFile: -1 });
    await expect(json + slow).toMatchFileSnapshot('__snapshots__/ast-limits.json');
  });
});
