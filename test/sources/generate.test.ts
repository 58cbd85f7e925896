import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { generateMonorepo } from '../../bench/generate.mjs';

let base: string;

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'kms-gen-'));
});

afterEach(async () => {
  await rm(base, { recursive: true, force: true });
});

const small = { roots: 2, filesPerRoot: 5, templates: 3 };

async function readTree(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
  files.sort();
  return new Map(await Promise.all(files.map(async (path) => [path, await readFile(join(dir, path), 'utf8')] as const)));
}

/** Braces, brackets and parentheses close in order and never go below zero. */
function balanced(text: string): boolean {
  const closing: Record<string, string> = { '}': '{', ']': '[', ')': '(' };
  const stack: string[] = [];
  for (const char of text) {
    if (char === '{' || char === '[' || char === '(') stack.push(char);
    else if (char in closing && stack.pop() !== closing[char]) return false;
  }
  return stack.length === 0;
}

const INTRINSICS = ['Ref', 'GetAtt', 'Sub', 'If', 'Equals', 'ImportValue'];
const cfnTags = INTRINSICS.flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => value },
  { tag: `!${name}`, collection: 'seq' as const, resolve: (value: unknown) => value },
]);

describe('generateMonorepo', () => {
  it('writes the same bytes for the same seed, and different ones for another seed', async () => {
    const first = generateMonorepo(join(base, 'a'), small);
    const second = generateMonorepo(join(base, 'b'), small);
    generateMonorepo(join(base, 'c'), { ...small, seed: 2 });
    const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((name) => readTree(join(base, name))));
    expect(second).toEqual(first);
    expect([...b]).toEqual([...a]);
    expect([...c.keys()]).toEqual([...a.keys()]);
    expect([...c.values()]).not.toEqual([...a.values()]);
    expect(first.bytes).toBe([...a.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0));
  });

  it('lays out roots, the shared module and stacks', async () => {
    const result = generateMonorepo(base, small);
    const tree = await readTree(base);
    expect([...tree.keys()]).toEqual(
      [
        'envs/prod/service-0/kms-0.tf',
        'envs/prod/service-0/locals.tf',
        'envs/prod/service-0/providers.tf',
        'envs/prod/service-0/s3-1.tf',
        'envs/prod/service-0/terraform.tfvars',
        'envs/prod/service-0/variables.tf',
        'envs/staging/service-0/kms-0.tf',
        'envs/staging/service-0/locals.tf',
        'envs/staging/service-0/providers.tf',
        'envs/staging/service-0/s3-1.tf',
        'envs/staging/service-0/terraform.tfvars',
        'envs/staging/service-0/variables.tf',
        'modules/bucket/main.tf',
        'modules/bucket/outputs.tf',
        'modules/bucket/variables.tf',
        'stacks/payments/stack-0.yaml',
        'stacks/identity/stack-1.yaml',
        'stacks/search/stack-2.json',
      ].sort(),
    );
    expect(result.files).toBe(18);
    expect(tree.get('envs/staging/service-0/terraform.tfvars')).toContain('environment  = "staging"\n');
    expect(tree.get('envs/prod/service-0/providers.tf')).toContain('default_tags {');
  });

  it('writes .tf files with balanced braces whose key references resolve within their root', async () => {
    generateMonorepo(base, { ...small, filesPerRoot: 16 });
    const tree = await readTree(base);
    const tfPaths = [...tree.keys()].filter((path) => path.endsWith('.tf'));
    expect(tfPaths.length).toBe(2 * 16 + 3);
    expect(tfPaths.filter((path) => !balanced(tree.get(path) ?? ''))).toEqual([]);
    for (const root of ['envs/prod/service-0/', 'envs/staging/service-0/']) {
      const text = tfPaths
        .filter((path) => path.startsWith(root))
        .map((path) => tree.get(path))
        .join('\n');
      const declared = new Set([...text.matchAll(/resource "aws_kms_key" "(\w+)"/g)].map((match) => match[1]));
      const used = new Set([...text.matchAll(/aws_kms_(?:key|alias)\.(\w+)\./g)].map((match) => match[1]));
      // kms-0, kms-4 and kms-12 hold two keys each.
      expect(declared.size).toBe(6);
      expect([...used].filter((name) => !declared.has(name))).toEqual([]);
      expect(text).toContain('source = "../../../modules/bucket"');
      expect(text).toContain('data "aws_iam_policy_document"');
      expect(text).toContain('policy = jsonencode({');
    }
  });

  it('writes CloudFormation that parses, with short tags in YAML and imports of other stacks’ exports', async () => {
    generateMonorepo(base, { roots: 0, templates: 9 });
    const tree = await readTree(base);
    const yamlPaths = [...tree.keys()].filter((path) => path.endsWith('.yaml'));
    const jsonPaths = [...tree.keys()].filter((path) => path.endsWith('.json'));
    expect([yamlPaths.length, jsonPaths.length]).toEqual([6, 3]);
    for (const path of yamlPaths) {
      const doc = parseDocument(tree.get(path) ?? '', { customTags: cfnTags });
      expect([path, doc.errors, doc.warnings]).toEqual([path, [], []]);
    }
    const json = jsonPaths.map((path) => JSON.parse(tree.get(path) ?? '') as { Resources: Record<string, unknown> });
    expect(Object.keys(json[0].Resources)).toEqual(['DataKey', 'DataKeyAlias', 'Bucket', 'Queue', 'Topic', 'LogGroup', 'Table', 'Secret']);
    const all = [...tree.values()].join('\n');
    expect(all).toContain('KMSMasterKeyID: !GetAtt DataKey.Arn');
    expect(all).toContain('"Fn::GetAtt": [\n');
    const exported = new Set([...all.matchAll(/Name: (\w+-stack-\d+-key-arn)/g)].map((match) => match[1]));
    const imported = [...all.matchAll(/!ImportValue (\S+)/g)].map((match) => match[1]);
    expect(imported.length).toBeGreaterThan(0);
    expect(imported.filter((name) => !exported.has(name))).toEqual([]);
  });

  it('refuses a folder that is not empty', async () => {
    generateMonorepo(base, { roots: 1, filesPerRoot: 1, templates: 0 });
    expect((await stat(join(base, 'envs/prod/service-0/providers.tf'))).size).toBeGreaterThan(0);
    expect(() => generateMonorepo(base, small)).toThrow(`generateMonorepo: ${base} is not empty`);
  });
});
