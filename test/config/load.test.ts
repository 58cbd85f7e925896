import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../src/config/json-schema.js';
import { defaultConfig, limitsOf, parseConfig } from '../../src/config/load.js';
import { DEFAULT_LIMITS } from '../../src/model/source.js';

describe('config loading', () => {
  it('gives defaults for an empty file', () => {
    expect(parseConfig('')).toEqual({ config: defaultConfig(), errors: [] });
    expect(defaultConfig().tags.environment).toEqual(['Environment', 'Env', 'Stage']);
    expect(defaultConfig().failOn).toBe('high');
  });

  it('reads valid settings', () => {
    const { config, errors } = parseConfig('environments:\n  prod: ["live/prod/**"]\nlimits:\n  maxFileBytes: 1024\n');
    expect(errors).toEqual([]);
    expect(config.environments).toEqual({ prod: ['live/prod/**'] });
    expect(limitsOf(config)).toEqual({ ...DEFAULT_LIMITS, maxFileBytes: 1024 });
  });

  it('locates schema errors at their YAML line and path', () => {
    const text = 'tags:\n  environment: [Env]\nthresholds:\n  grants: many\nworkloads:\n  - name: ledger\n    paths: []\nunknownKey: 1\n';
    const { errors, config } = parseConfig(text);
    expect(errors).toEqual([
      { path: '', message: 'unknown key "unknownKey"', line: 1 },
      { path: 'thresholds.grants', message: 'Invalid input: expected number, received string', line: 4 },
      { path: 'workloads.0.paths', message: 'Too small: expected array to have >=1 items', line: 7 },
    ]);
    expect(config).toEqual(defaultConfig());
  });

  it('locates YAML syntax errors', () => {
    const { errors } = parseConfig('tags:\n  environment: [Env\nfailOn: high\n');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].line).toBeGreaterThanOrEqual(2);
  });

  it('emits a JSON Schema for editors', () => {
    const schema = configJsonSchema();
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties as object)).toEqual(
      expect.arrayContaining(['tags', 'environments', 'workloads', 'limits', 'thresholds', 'rules', 'failOn']),
    );
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('the committed JSON Schema', () => {
  it('is the one the zod schema generates (run `npm run schema` after changing the config)', async () => {
    const { readFileSync } = await import('node:fs');
    expect(JSON.parse(readFileSync('docs/kms-review.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(configJsonSchema())));
  });
});
