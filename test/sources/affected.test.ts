import { describe, expect, it } from 'vitest';
import { affectedPaths, resolveAffected, touchesIac } from '../../src/sources/affected.js';
import { readFolder } from '../github/support/fake-github.js';

/** Resolves against one folder's files (a scenario side), counting the fetch rounds. */
async function resolve(files: Record<string, string>, changed: string[], options: { maxScanFiles?: number } = {}) {
  const reads: string[][] = [];
  const result = await resolveAffected(
    changed,
    Object.keys(files).sort(),
    async (paths) => {
      reads.push(paths);
      return new Map(paths.map((path) => [path, files[path] === undefined ? [] : [files[path]]]));
    },
    options,
  );
  return { ...result, reads };
}

describe('touchesIac', () => {
  it('is true only for files the engine could read, and the config', () => {
    expect(touchesIac(['README.md', 'src/app.py', 'docs/x.png'])).toBe(false);
    expect(touchesIac(['README.md', 'infra/main.tf'])).toBe(true);
    expect(touchesIac(['policies/app.json.tpl'])).toBe(true);
    expect(touchesIac(['.github/kms-review.yml'])).toBe(true);
  });
});

describe('affectedPaths', () => {
  it('env-wide-shared-key: two changed roots, their whole folders, one round', async () => {
    const files = readFolder('fixtures/scenarios/env-wide-shared-key/after');
    const result = await resolve(files, ['envs/dev/main.tf', 'envs/prod/billing.tf']);
    expect(result.units).toEqual(['terraform:envs/dev', 'terraform:envs/prod']);
    expect(result.paths).toEqual(Object.keys(files).sort());
    expect(result.rounds).toBe(1);
    expect(result.need).toEqual([]);
  });

  it('a changed root brings the local modules it calls (second round)', async () => {
    const files = readFolder('fixtures/scenarios/tf-modules-tfvars/after');
    const result = await resolve(files, ['infra/prod.tfvars']);
    expect(result.units).toEqual(['terraform:infra', 'terraform:infra/modules/encrypted-bucket']);
    expect(result.paths).toEqual([
      'infra/kms.tf',
      'infra/main.tf',
      'infra/modules/encrypted-bucket/main.tf',
      'infra/modules/encrypted-bucket/outputs.tf',
      'infra/modules/encrypted-bucket/variables.tf',
      'infra/outputs.tf',
      'infra/prod.tfvars',
      'infra/variables.tf',
      'infra/versions.tf',
    ]);
    expect(result.rounds).toBe(2);
  });

  it('a changed module brings the roots that call it (Terragrunt), and their parent .hcl', async () => {
    const files = readFolder('fixtures/scenarios/terragrunt-live/after');
    const result = await resolve(files, ['modules/app/main.tf']);
    expect(result.units).toEqual(['terraform:live/dev/app', 'terraform:live/prod/app', 'terraform:live/staging/app', 'terraform:modules/app']);
    expect(result.paths).toContain('live/terragrunt.hcl');
    expect(result.paths).not.toContain('.github/kms-review.yml');
  });

  it('a changed policy file brings the Terraform that reads it with file() / templatefile()', async () => {
    const files = readFolder('fixtures/scenarios/policy-files/after');
    const viaFile = await resolve(files, ['policies/key-admin.json']);
    // The root also reads the other policy files, so they come along.
    expect(viaFile.units).toEqual(['file:policies/app-key.json.tpl', 'file:policies/key-admin.json', 'terraform:.']);
    const viaTemplate = await resolve(files, ['policies/app-key.json.tpl']);
    expect(viaTemplate.paths).toEqual(expect.arrayContaining(['kms.tf', 'iam.tf', 'policies/app-key.json.tpl', 'policies/key-admin.json']));
  });

  it('a changed template that exports brings the stacks importing its exports, and the other way round', async () => {
    const files = readFolder('fixtures/scenarios/cfn-import-value/after');
    expect((await resolve(files, ['stacks/keys.yaml'])).paths).toEqual(['stacks/app.json', 'stacks/keys.yaml']);
    expect((await resolve(files, ['stacks/app.json'])).paths).toEqual(['stacks/app.json', 'stacks/keys.yaml']);
  });

  it('a changed config reviews everything', () => {
    const result = affectedPaths({ changed: ['.github/kms-review.yml'], files: ['a/main.tf', 'b.yaml', 'x.py'], texts: new Map() });
    expect(result).toMatchObject({ paths: ['a/main.tf', 'b.yaml'], units: ['all'], need: [] });
  });

  it('says so when a reverse search is over the scan bound', () => {
    const result = affectedPaths({
      changed: ['modules/m/main.tf'],
      files: ['modules/m/main.tf', 'a/main.tf', 'b/main.tf'],
      texts: new Map([['modules/m/main.tf', ['resource "x" "y" {}']]]),
      maxScanFiles: 2,
    });
    expect(result.notes).toEqual(['callers of modules/m/: not searched, 3 files is over the scan bound (2)']);
    expect(result.paths).toEqual(['modules/m/main.tf']);
  });

  it('resolves module paths with `//` and `?ref=`, ignores ones leaving the repository, and bounds the rounds', async () => {
    const files: Record<string, string> = {
      'root/main.tf': 'backend "s3" {}\nmodule "a" { source = "../mods//a?ref=v1" }\nmodule "x" { source = "../../../outside" }\n',
      'mods/a/main.tf': 'module "b" { source = "../b" }\n',
      'mods/b/main.tf': 'module "c" { source = "../c" }\n',
      'mods/c/main.tf': 'x = 1\n',
    };
    const full = await resolve(files, ['root/main.tf']);
    expect(full.units).toEqual(['terraform:mods/a', 'terraform:mods/b', 'terraform:mods/c', 'terraform:root']);
    expect(full.rounds).toBe(4);
    const bounded = await resolveAffected(['root/main.tf'], Object.keys(files), async (paths) => new Map(paths.map((p) => [p, [files[p]]])), { maxRounds: 2 });
    expect(bounded.notes).toEqual(['dependencies not fully resolved after 2 fetch rounds']);
  });
});
