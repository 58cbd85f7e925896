/** Runs one rule over a case folder of `fixtures/rules/<ID>/` (shared by the KMS105–KMS209 rule tests). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, Rule } from '../../src/rules/types.js';
import { analyseFolder } from '../harness.js';

export async function findingsFor(rule: Rule, relative: string): Promise<Finding[]> {
  const dir = join('fixtures/rules', rule.id, relative);
  const configFile = join(dir, '.github/kms-review.yml');
  const config = existsSync(configFile) ? readFileSync(configFile, 'utf8') : undefined;
  const { findings } = await analyseFolder(dir, { rules: [rule], ...(config ? { config } : {}) });
  return findings.filter((f) => f.rule === rule.id && !f.suppressed);
}

export function quietCases(ruleId: string): string[] {
  return readdirSync(join('fixtures/rules', ruleId, 'quiet')).sort();
}
