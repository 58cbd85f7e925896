/**
 * The exact diff of every scenario (`fixtures/scenarios/<name>/{before,after}`), as reviewed golden
 * digests (`__golden__/<name>.txt`): changed keys, attribute changes with lines on both sides,
 * consumers added / removed / moved, access gained and lost, blast radius before → after, and the
 * new and fixed findings by rule and key. Reviewed against each SCENARIO.md ("The PR").
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseChangeFolders } from '../harness.js';
import { changeDigest } from './digest.js';

const ROOT = 'fixtures/scenarios';
const scenarios = readdirSync(ROOT).filter((name) => existsSync(`${ROOT}/${name}/before`) && existsSync(`${ROOT}/${name}/after`));

describe('scenario diffs', () => {
  it('covers every scenario', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(11);
  });

  it.each(scenarios)('%s', async (name) => {
    const change = await analyseChangeFolders(`${ROOT}/${name}/before`, `${ROOT}/${name}/after`);
    await expect(changeDigest(change)).toMatchFileSnapshot(`__golden__/${name}.txt`);
  });
});
