import { describe, expect, it } from 'vitest';
import { environmentOfPath } from '../../../src/parse/cloudformation/environment.js';

describe('environment implied by a template path', () => {
  it.each([
    ['stacks/prod/app.yaml', { value: 'prod', detail: 'path prod' }],
    ['envs/Production/network.json', { value: 'production', detail: 'path Production' }],
    ['deploy/staging/eu/app.yaml', { value: 'staging', detail: 'path staging' }],
    ['envs/prod/sandbox/app.yaml', { value: 'sandbox', detail: 'path sandbox' }],
    ['qa/app.template', { value: 'qa', detail: 'path qa' }],
  ])('%s', (path, expected) => {
    expect(environmentOfPath(path)).toEqual(expected);
  });

  it('reads folders only, and whole folder names only', () => {
    expect(environmentOfPath('stacks/prod.yaml')).toBeUndefined();
    expect(environmentOfPath('products/app.yaml')).toBeUndefined();
    expect(environmentOfPath('app.yaml')).toBeUndefined();
  });
});
