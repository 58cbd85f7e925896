import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config/load.js';
import { configSchema } from '../../src/config/schema.js';
import { createClassifier } from '../../src/inventory/classify.js';
import type { Resource, UnitInfo } from '../../src/model/types.js';

function resource(over: Partial<Resource>): Resource {
  return {
    id: 'envs/prod:aws_s3_bucket.data',
    source: 'terraform',
    type: 'aws_s3_bucket',
    mode: 'managed',
    address: 'aws_s3_bucket.data',
    unit: 'envs/prod',
    attrs: {},
    tags: {},
    location: { file: 'envs/prod/s3.tf', startLine: 1, endLine: 9 },
    attrLocations: {},
    ...over,
  };
}

describe('classification order and provenance', () => {
  const classifier = createClassifier(defaultConfig());

  it('takes tags first, case-insensitively, and canonicalises environments', () => {
    const r = resource({ tags: { environment: 'Production', application: 'orders', DataClass: 'pii', team: 'payments' } });
    expect(classifier.classify({ resource: r, file: r.location.file, names: [] })).toEqual({
      environment: { value: 'prod', from: 'tag', detail: 'tag environment=Production on aws_s3_bucket.data' },
      workload: { value: 'orders', from: 'tag', detail: 'tag application=orders on aws_s3_bucket.data' },
      dataClass: { value: 'pii', from: 'tag', detail: 'tag DataClass=pii on aws_s3_bucket.data' },
      owner: { value: 'payments', from: 'tag', detail: 'tag team=payments on aws_s3_bucket.data' },
    });
  });

  it('falls back to provider default_tags, then the path', () => {
    const r = resource({ defaultTags: { Owner: 'platform' } });
    const result = classifier.classify({ resource: r, file: 'envs/prod/s3.tf', names: [] });
    expect(result.owner).toEqual({ value: 'platform', from: 'default-tags', detail: 'provider default_tags Owner=platform in envs/prod' });
    expect(result.environment).toEqual({ value: 'prod', from: 'path', detail: 'path envs/prod/s3.tf' });
    expect(result.workload).toBeNull();
    expect(result.dataClass).toBeNull();
  });

  it('uses how the unit is deployed before path conventions', () => {
    const unit: UnitInfo = {
      id: 'app#staging',
      source: 'terraform',
      path: 'app',
      files: [],
      environment: { value: 'staging', detail: 'terraform workspace staging' },
    };
    const result = classifier.classify({ resource: resource({}), unit, file: 'envs/prod/s3.tf', names: [] });
    expect(result.environment).toEqual({ value: 'staging', from: 'workspace', detail: 'terraform workspace staging' });
  });

  it('reads workloads from apps/<name>/ and environments from name suffixes', () => {
    const result = createClassifier(defaultConfig()).classify({ file: 'apps/billing/main.tf', names: ['alias/billing-dev'] });
    expect(result.workload).toEqual({ value: 'billing', from: 'path', detail: 'path apps/billing/main.tf' });
    expect(result.environment).toEqual({ value: 'dev', from: 'name', detail: 'name alias/billing-dev' });
  });

  it('does not read an environment out of a longer folder name', () => {
    const result = classifier.classify({ file: 'production-data/main.tf', names: ['orders_production_archive'] });
    expect(result.environment).toBeNull();
  });

  it('applies config path mappings before conventions', () => {
    const config = configSchema.parse({
      environments: { prod: ['live/**'] },
      workloads: [{ name: 'ledger', paths: ['live/ledger/**'], dataClass: 'pci', owner: 'finance-eng' }],
    });
    const result = createClassifier(config).classify({ file: 'live/ledger/dev/main.tf', names: [] });
    expect(result).toEqual({
      environment: { value: 'prod', from: 'config', detail: 'config environments.prod matches live/ledger/dev/main.tf' },
      workload: { value: 'ledger', from: 'config', detail: 'config workload "ledger" matches live/ledger/dev/main.tf' },
      dataClass: { value: 'pci', from: 'config', detail: 'config workload "ledger" matches live/ledger/dev/main.tf' },
      owner: { value: 'finance-eng', from: 'config', detail: 'config workload "ledger" matches live/ledger/dev/main.tf' },
    });
  });

  it("lets a consumer inherit only data class and owner from its key's tags", () => {
    const key = classifier.classify({
      resource: resource({ tags: { DataClass: 'pii', Owner: 'data', Environment: 'prod', Application: 'orders' } }),
      names: [],
    });
    const result = classifier.classify({ file: 'shared/main.tf', names: [], keyTags: key });
    expect(result.dataClass).toEqual({ value: 'pii', from: 'key-tag', detail: 'tag DataClass=pii on aws_s3_bucket.data (the key)' });
    expect(result.owner?.from).toBe('key-tag');
    expect(result.environment).toBeNull();
    expect(result.workload).toBeNull();
  });

  it('honours configured tag names', () => {
    const config = configSchema.parse({ tags: { environment: ['stage-name'], workload: ['svc'], dataClass: ['sensitivity'], owner: ['squad'] } });
    const r = resource({ tags: { Environment: 'prod', svc: 'orders', sensitivity: 'confidential', squad: 'core' } });
    const result = createClassifier(config).classify({ resource: r, file: 'x/main.tf', names: [] });
    expect(result.environment).toBeNull();
    expect(result.workload?.value).toBe('orders');
    expect(result.dataClass?.value).toBe('confidential');
    expect(result.owner?.value).toBe('core');
  });
});
