import { beforeAll, describe, expect, it } from 'vitest';
import { terraformParser } from '../../../src/parse/terraform/index.js';
import { byId, parseRepo } from './helpers.js';

beforeAll(() => terraformParser.init?.());

const KEY = 'resource "aws_kms_key" "k" {\n  description = "${var.app}-${var.env}"\n}\n';

describe('units', () => {
  it('module folders are not roots; tfvars precedence: named > auto (later wins) > terraform.tfvars > default', () => {
    const out = parseRepo({
      'live/main.tf':
        'variable "app" { default = "d-app" }\nvariable "env" { default = "d-env" }\nvariable "tier" { default = "d-tier" }\nmodule "k" {\n  source = "../modules/key"\n  name = "${var.app}/${var.env}/${var.tier}"\n}\n',
      'live/terraform.tfvars': 'app = "tf-app"\nenv = "tf-env"\ntier = "tf-tier"\n',
      'live/a.auto.tfvars': 'env = "auto-a"\ntier = "auto-a"\n',
      'live/b.auto.tfvars': 'tier = "auto-b"\n',
      'live/env/dev.tfvars': 'env = "dev"\n',
      'live/prod.tfvars': 'app = "prod-app"\n',
      'modules/key/main.tf': 'variable "name" {}\nresource "aws_kms_key" "this" {\n  description = var.name\n}\n',
    });
    expect(out.units).toEqual([
      {
        id: 'live#dev',
        source: 'terraform',
        path: 'live',
        environment: { value: 'dev', detail: 'tfvars file env/dev.tfvars' },
        files: ['live/a.auto.tfvars', 'live/b.auto.tfvars', 'live/env/dev.tfvars', 'live/main.tf', 'live/terraform.tfvars', 'modules/key/main.tf'],
      },
      {
        id: 'live#prod',
        source: 'terraform',
        path: 'live',
        environment: { value: 'prod', detail: 'tfvars file prod.tfvars' },
        files: ['live/a.auto.tfvars', 'live/b.auto.tfvars', 'live/main.tf', 'live/prod.tfvars', 'live/terraform.tfvars', 'modules/key/main.tf'],
      },
    ]);
    expect(byId(out, 'live#dev:module.k.aws_kms_key.this').attrs.description).toBe('tf-app/dev/auto-b');
    expect(byId(out, 'live#prod:module.k.aws_kms_key.this').attrs.description).toBe('prod-app/auto-a/auto-b');
  });

  it('a root with no tfvars is one unit named by its folder; "." for the scan root', () => {
    const out = parseRepo({ 'main.tf': `variable "app" { default = "a" }\nvariable "env" { default = "e" }\n${KEY}` });
    expect(out.units).toEqual([{ id: '.', source: 'terraform', path: '.', files: ['main.tf'] }]);
    expect(out.resources.map((r) => r.id)).toEqual(['.:aws_kms_key.k']);
  });

  it('workspaces seen statically make one unit each: map keys and compared strings', () => {
    const out = parseRepo({
      'ws/main.tf': `locals {
  settings = { dev = { days = 7 }, prod = { days = 30 } }
  days     = local.settings[terraform.workspace].days
  extra    = terraform.workspace == "staging" ? 1 : 0
}
resource "aws_kms_key" "k" {
  deletion_window_in_days = local.days
  description             = "key-\${terraform.workspace}"
}
`,
    });
    expect(out.units.map((u) => [u.id, u.environment])).toEqual([
      ['ws#dev', { value: 'dev', detail: 'terraform workspace' }],
      ['ws#prod', { value: 'prod', detail: 'terraform workspace' }],
      ['ws#staging', { value: 'staging', detail: 'terraform workspace' }],
    ]);
    expect(byId(out, 'ws#prod:aws_kms_key.k').attrs).toEqual({ deletion_window_in_days: 30, description: 'key-prod' });
    expect(byId(out, 'ws#staging:aws_kms_key.k').attrs.deletion_window_in_days).toMatchObject({ $kind: 'unknown', reason: 'no element staging in an object' });
  });

  it('terragrunt folders deploy a module folder with their inputs over the included parent inputs', () => {
    const out = parseRepo({
      'terragrunt.hcl': 'inputs = {\n  app = "shop"\n  env = "unset"\n}\n',
      'live/prod/kms/terragrunt.hcl':
        'include "root" {\n  path = find_in_parent_folders()\n}\nterraform {\n  source = "../../../modules//kms"\n}\ninputs = {\n  env = "prod"\n}\n',
      'live/dev/kms/terragrunt.hcl':
        'include {\n  path = find_in_parent_folders()\n}\nterraform {\n  source = "${get_repo_root()}/modules/kms"\n}\ninputs = {\n  env = "dev"\n}\n',
      'modules/kms/main.tf': `variable "app" {}\nvariable "env" {}\n${KEY}`,
    });
    expect(out.problems).toEqual([]);
    expect(out.units).toEqual([
      {
        id: 'live/prod/kms',
        source: 'terraform',
        path: 'live/prod/kms',
        environment: { value: 'prod', detail: 'terragrunt folder live/prod/kms' },
        files: ['live/prod/kms/terragrunt.hcl', 'modules/kms/main.tf', 'terragrunt.hcl'],
      },
      {
        id: 'live/dev/kms',
        source: 'terraform',
        path: 'live/dev/kms',
        environment: { value: 'dev', detail: 'terragrunt folder live/dev/kms' },
        files: ['live/dev/kms/terragrunt.hcl', 'modules/kms/main.tf', 'terragrunt.hcl'],
      },
    ]);
    expect(byId(out, 'live/prod/kms:aws_kms_key.k').attrs.description).toBe('shop-prod');
    expect(byId(out, 'live/dev/kms:aws_kms_key.k').location).toEqual({ file: 'modules/kms/main.tf', startLine: 3, endLine: 5 });
  });
});
