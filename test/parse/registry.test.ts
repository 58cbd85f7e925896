/** The parser registry: the plug-ins' shape and contract, and a very large tree gathered without one argument per resource. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS, type SourceFile } from '../../src/model/source.js';
import type { Resource } from '../../src/model/types.js';
import { PARSERS, parseFiles } from '../../src/parse/registry.js';
import { terraformParser } from '../../src/parse/terraform/index.js';

afterEach(() => vi.restoreAllMocks());

it('keeps 300,000 resources of one parser (push(...list) overflowed the stack at the 4× bench size)', async () => {
  const resource = { id: 'r', type: 'aws_sqs_queue' } as unknown as Resource;
  const many = Array.from({ length: 300_000 }, () => resource);
  vi.spyOn(terraformParser, 'parseAsync').mockResolvedValue({ resources: many, problems: [], units: [] });
  const file = { path: 'main.tf', text: '', size: 0 };
  const out = await parseFiles([file], { files: new Map([[file.path, file]]), limits: DEFAULT_LIMITS, scpPaths: [] });
  expect(out.problems).toEqual([]);
  expect(out.resources).toHaveLength(300_000);
});

describe('every parser plug-in', () => {
  it('has a unique name, a claim and a parse; self-contained ones need no set-up', () => {
    expect(new Set(PARSERS.map((p) => p.name)).size).toBe(PARSERS.length);
    for (const parser of PARSERS) {
      expect(typeof parser.claims).toBe('function');
      expect(typeof parser.parse).toBe('function');
      if (parser.selfContained) expect([parser.name, parser.init, parser.parseAsync]).toEqual([parser.name, undefined, undefined]);
    }
    expect(PARSERS.filter((p) => p.selfContained).map((p) => p.name)).toEqual(['plan', 'cloudformation', 'policy']);
  });

  it('self-contained ones read nothing but their files: they run with a file map that throws when touched', () => {
    const samples: SourceFile[] = [
      { path: 'plan.json', text: JSON.stringify({ format_version: '1.2', terraform_version: '1.9.0', resource_changes: [] }), size: 0 },
      { path: 'stack.yaml', text: 'Resources:\n  Key:\n    Type: AWS::KMS::Key\n', size: 0 },
      { path: 'key-policy.json', text: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'kms:*', Resource: '*' }] }), size: 0 },
    ];
    const untouchable = new Proxy(new Map<string, SourceFile>(), {
      get() {
        throw new Error('a self-contained parser read ctx.files');
      },
    });
    for (const parser of PARSERS.filter((p) => p.selfContained)) {
      const own = samples.filter((f) => PARSERS.find((p) => p.claims(f)) === parser);
      expect(own.length, parser.name).toBe(1);
      const out = parser.parse(own, { files: untouchable, limits: DEFAULT_LIMITS, scpPaths: [] });
      expect(out.problems, parser.name).toEqual([]);
    }
  });
});
