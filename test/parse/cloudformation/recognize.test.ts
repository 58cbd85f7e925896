import { describe, expect, it } from 'vitest';
import { cloudFormationParser } from '../../../src/parse/cloudformation/index.js';
import { fixture, source } from './helpers.js';

const claims = (path: string) => cloudFormationParser.claims(fixture(path));

describe('template recognition by content', () => {
  it('claims templates with AWSTemplateFormatVersion, SAM and CDK output', () => {
    expect(cloudFormationParser.name).toBe('cloudformation');
    expect(claims('basic/short-form.yaml')).toBe(true);
    expect(claims('basic/long-form.json')).toBe(true);
    expect(claims('sam/template.yaml')).toBe(true);
    expect(claims('cdk/cdk.out/OrdersStack.template.json')).toBe(true);
    expect(claims('recognition/stack.template')).toBe(true);
  });

  it('claims minified JSON with AWS:: resources and no AWSTemplateFormatVersion', () => {
    expect(claims('recognition/no-version.json')).toBe(true);
  });

  it('claims a SAM template whose only resources are serverless ones', () => {
    const sam = source('api.yml', 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n');
    expect(cloudFormationParser.claims(sam)).toBe(true);
  });

  it('does not claim a GitHub workflow, a k8s manifest or cdk.out/manifest.json', () => {
    expect(claims('recognition/.github/workflows/ci.yml')).toBe(false);
    expect(claims('recognition/k8s/deployment.yaml')).toBe(false);
    expect(claims('cdk/cdk.out/manifest.json')).toBe(false);
  });

  it('does not claim a Serverless Framework file whose Resources are nested under resources', () => {
    expect(claims('recognition/serverless.yml')).toBe(false);
  });

  it('claims a template that starts with a byte order mark', () => {
    expect(cloudFormationParser.claims(source('bom.yaml', "\uFEFFAWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"))).toBe(true);
  });

  it('does not claim Terraform plan JSON or .tf.json, whatever they contain', () => {
    expect(claims('recognition/plan.json')).toBe(false);
    expect(claims('recognition/main.tf.json')).toBe(false);
  });

  it('does not claim files of other extensions', () => {
    expect(cloudFormationParser.claims(source('stack.txt', "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"))).toBe(false);
  });

  it('sniffs a large non-template in bounded time', () => {
    const blank = source('blank.yaml', `${'\n'.repeat(2_000_000)}${' '.repeat(2_000_000)}Type: x\n`);
    const started = performance.now();
    expect(cloudFormationParser.claims(blank)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
