import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/model/source.js';
import { shortRange, shortText } from '../../../src/parse/terraform/ast.js';
import { grammarWasmPath } from '../../../src/parse/terraform/grammar.js';
import { terraformParser } from '../../../src/parse/terraform/index.js';
import { parseHclFile, parseTemplateText } from '../../../src/parse/terraform/syntax.js';
import { seeded } from '../../support/seeded.js';

beforeAll(() => terraformParser.init?.());

const parse = (text: string, path = 'main.tf', limits = DEFAULT_LIMITS) => parseHclFile({ path, text, size: Buffer.byteLength(text) }, limits);

describe('HCL syntax → AST', () => {
  it('resolves the grammar wasm from the package (it has no exports map)', () => {
    expect(grammarWasmPath().replace(/\\/g, '/')).toMatch(/node_modules\/@tree-sitter-grammars\/tree-sitter-hcl\/tree-sitter-terraform\.wasm$/);
  });

  it('keeps exact line ranges of blocks, nested blocks and attributes', () => {
    const { body, problems } = parse(`# comment
resource "aws_kms_key" "main" {
  description = "main"

  policy = <<-EOT
    {"Version": "2012-10-17"}
  EOT
  lifecycle {
    prevent_destroy = true
  }
}
`);
    expect(problems).toEqual([]);
    const block = body.blocks[0];
    expect([block.type, block.labels, block.startLine, block.endLine]).toEqual(['resource', ['aws_kms_key', 'main'], 2, 11]);
    expect(block.body.attributes.map((a) => [a.name, a.startLine, a.endLine])).toEqual([
      ['description', 3, 3],
      ['policy', 5, 7],
    ]);
    const lifecycle = block.body.blocks[0];
    expect([lifecycle.type, lifecycle.startLine, lifecycle.endLine, lifecycle.body.attributes[0].startLine]).toEqual(['lifecycle', 8, 10, 9]);
    expect(block.body.attributes[1].expr).toMatchObject({ kind: 'template', parts: [{ kind: 'text', value: '{"Version": "2012-10-17"}\n' }] });
  });

  it('reads escapes, $${ and %%{ literals, strip markers and directives', () => {
    const { body } = parse('a = "q\\"r\\\\ $${c} %%{d} ${~ e ~} f\\u0041"\nb = "%{ if x }yes%{ else }no%{ endif }"\n');
    expect(body.attributes[0].expr).toMatchObject({
      kind: 'template',
      parts: [
        { kind: 'text', value: 'q"r\\ ${c} %{d}' },
        { kind: 'interp', expr: { kind: 'variable', name: 'e' } },
        { kind: 'text', value: 'fA' },
      ],
    });
    expect(body.attributes[1].expr).toMatchObject({
      kind: 'template',
      parts: [{ kind: 'if', whenTrue: [{ kind: 'text', value: 'yes' }], whenFalse: [{ kind: 'text', value: 'no' }] }],
    });
  });

  it('builds traversals, splats, calls with expansion, operators and for-expressions', () => {
    const { body } = parse('w = a.b[0].c[*].d\nv = (a + b) * -c\nf = merge(x...)\nm = {for k, v in m : k => v... if v}\nq = a.0\n');
    const [w, v, f, m, q] = body.attributes.map((a) => a.expr);
    expect(w).toMatchObject({ kind: 'splat', each: [{ attr: 'd' }], target: { kind: 'getAttr', name: 'c', target: { kind: 'index', key: { value: 0 } } } });
    expect(v).toMatchObject({ kind: 'binary', op: '*', left: { kind: 'binary', op: '+' }, right: { kind: 'unary', op: '-' } });
    expect(f).toMatchObject({ kind: 'call', name: 'merge', expandLast: true });
    expect(m).toMatchObject({ kind: 'for', keyVar: 'k', valueVar: 'v', grouping: true, cond: { kind: 'variable', name: 'v' } });
    expect(q).toMatchObject({ kind: 'index', key: { kind: 'literal', value: 0 } });
  });

  it('reads .tf.json into the same blocks, with ${} in strings parsed', () => {
    const { body, problems } = parse(
      `{
  "resource": {
    "aws_kms_key": {
      "main": {
        "description": "key \${var.env}",
        "tags": { "Env": "prod" },
        "lifecycle": { "prevent_destroy": true }
      }
    }
  },
  "variable": { "env": { "default": "dev" } }
}
`,
      'main.tf.json',
    );
    expect(problems).toEqual([]);
    const [resource, variable] = body.blocks;
    expect([resource.type, resource.labels, resource.startLine, resource.endLine]).toEqual(['resource', ['aws_kms_key', 'main'], 4, 8]);
    expect(resource.body.attributes.map((a) => [a.name, a.startLine])).toEqual([
      ['description', 5],
      ['tags', 6],
    ]);
    expect(resource.body.blocks.map((b) => [b.type, b.startLine])).toEqual([['lifecycle', 7]]);
    expect(resource.body.attributes[0].expr).toMatchObject({ kind: 'template', parts: [{ value: 'key ' }, { kind: 'interp' }] });
    expect([variable.type, variable.labels]).toEqual(['variable', ['env']]);
  });

  it('parses a template file without backslash escapes and with its own line numbers', () => {
    const { expr, problems } = parseTemplateText('{"a": "${x}\\n"}', 'p.json.tpl', DEFAULT_LIMITS);
    expect(problems).toEqual([]);
    expect(expr).toMatchObject({ kind: 'template', parts: [{ kind: 'text', value: '{"a": "' }, { kind: 'interp' }, { kind: 'text', value: '\\n"}' }] });
  });
});

describe('hostile input', () => {
  const timed = <T>(fn: () => T): { result: T; ms: number } => {
    const started = Date.now();
    const result = fn();
    return { result, ms: Date.now() - started };
  };

  it('malformed HCL gives a located problem and keeps the other blocks', () => {
    const { body, problems } = parse('resource "a" "b" {\n  x = \n  y = 2\n}\nresource "c" "d" {\n  z = 3\n}\n');
    expect(problems).toEqual([{ rule: 'KMS000', message: 'syntax error near "= y"', location: { file: 'main.tf', startLine: 2, endLine: 3 } }]);
    expect(body.blocks.map((b) => b.labels.join('.'))).toEqual(['a.b', 'c.d']);
  });

  it('a heredoc that never ends is a problem at its line, in bounded time', () => {
    const { result, ms } = timed(() => parse('resource "a" "b" {\n  p = <<EOT\n{"x": 1}\n'));
    expect(result.problems.map((p) => p.location.startLine)).toContain(4);
    expect(result.problems.some((p) => p.message.includes('missing'))).toBe(true);
    expect(ms).toBeLessThan(2000);
  });

  it('a binary file named .tf is refused', () => {
    expect(parse('\0\0ELF\0').problems).toEqual([
      { rule: 'KMS000', message: 'file contains NUL bytes (binary); not parsed', location: { file: 'main.tf', startLine: 1, endLine: 1 } },
    ]);
  });

  it('a file over the size cap is refused before parsing', () => {
    const text = `a = "${'x'.repeat(2000)}"\n`;
    const { body, problems } = parse(text, 'big.tf', { ...DEFAULT_LIMITS, maxFileBytes: 1000 });
    expect(body.attributes).toEqual([]);
    expect(problems[0].message).toBe('file is larger than the 1000-byte limit; not parsed');
  });

  it('10,000-deep nesting is cut at maxDepth with one problem, in bounded time', () => {
    const text = `a = ${'['.repeat(10_000)}${']'.repeat(10_000)}\nb = 1\n`;
    const { result, ms } = timed(() => parse(text));
    expect(result.problems).toEqual([
      {
        rule: 'KMS000',
        message: 'nesting deeper than 200 levels; the rest of this expression is ignored',
        location: { file: 'main.tf', startLine: 1, endLine: 1 },
      },
    ]);
    expect(result.body.attributes.map((a) => a.name)).toEqual(['a', 'b']);
    expect(ms).toBeLessThan(5000);
  });

  it('a traversal chain of millions of steps (it never nests) is bounded by the time budget too', () => {
    const text = `a = x${'.b'.repeat(1_000_000)}\n`;
    const { result } = timed(() => parse(text, 'chain.tf', { ...DEFAULT_LIMITS, maxFileBytes: 100_000_000, maxParseMillisPerFile: 5 }));
    expect(result.problems[0].message).toBe('parsing took longer than 5 ms; not parsed');
  });

  it('parsing that exceeds the time budget is cancelled', () => {
    const text = Array.from({ length: 20_000 }, (_, i) => `resource "a" "r${i}" {\n  x = [${'1, '.repeat(20)}]\n}\n`).join('');
    const { result } = timed(() => parse(text, 'slow.tf', { ...DEFAULT_LIMITS, maxFileBytes: 100_000_000, maxParseMillisPerFile: 1 }));
    expect(result.problems[0].message).toBe('parsing took longer than 1 ms; not parsed');
  });
});

describe('shortText (span texts)', () => {
  const reference = (text: string) => {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return oneLine.length > 120 ? `${oneLine.slice(0, 119)}…` : oneLine;
  };

  it('gives the one-line, 120-character form whether or not the first 160 characters decide it', () => {
    const cases = [
      'x'.repeat(400),
      `${' '.repeat(100)}${'a '.repeat(40)}${'b'.repeat(200)}`,
      // Whitespace runs across the 160th character, and texts that only pass 120 after it.
      `${'w '.repeat(79)}${' '.repeat(20)}${'tail '.repeat(40)}`,
      `${'a\n\n\t'.repeat(60)}${'z'.repeat(90)}`,
      `${' '.repeat(170)}short`,
      `word${' '.repeat(300)}end`,
    ];
    for (const text of cases) expect(shortText(text)).toBe(reference(text));
  });

  it('agrees with the regular-expression form on random texts and ranges, every kind of whitespace included', () => {
    // Every code unit \s matches, plain spaces often, and characters either side of the ranges the check skips.
    const alphabet = [...'   \t\n\v\f\r\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u200b\u0085!~aé😀'];
    const random = seeded(7).below;
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: random(300) }, () => (random(3) === 0 ? 'word' : alphabet[random(alphabet.length)])).join('');
      const start = random(text.length + 1);
      const stop = start + random(text.length - start + 1);
      expect(shortRange(text, start, stop)).toBe(reference(text.slice(start, stop)));
      expect(shortText(text)).toBe(reference(text));
    }
  });
});
