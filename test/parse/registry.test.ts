/** The parser registry on a very large tree: results are gathered without one argument per resource. */
import { afterEach, expect, it, vi } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/model/source.js';
import type { Resource } from '../../src/model/types.js';
import { parseFiles } from '../../src/parse/registry.js';
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
