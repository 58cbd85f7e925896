/** Every rule file is registered, documented, well-formed, and has firing and quiet fixtures. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/registry.js';
import { SEVERITIES } from '../../src/rules/types.js';

const RULE_FILE = /^kms(\d{3})-[a-z0-9-]+\.ts$/;
const ruleFiles = readdirSync('src/rules').filter((f) => RULE_FILE.test(f));

/** The contract of RULES.md: every id it lists. */
const CATALOG = [
  'KMS000',
  ...[101, 102, 103, 104, 105, 106, 107],
  ...[201, 202, 203, 204, 205, 206, 207, 208, 209],
  ...[301, 302, 303, 304, 305, 306, 307, 308, 309],
  ...[401, 402, 403, 404, 405],
  ...[501, 502, 503, 504, 505],
  ...[600],
].map((n) => (typeof n === 'number' ? `KMS${n}` : n));

describe('rule registry', () => {
  it('registers every rule file exactly once, in id order', () => {
    const fromFiles = ruleFiles.map((f) => `KMS${RULE_FILE.exec(f)?.[1]}`).sort();
    expect(RULES.map((r) => r.id)).toEqual(fromFiles);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('covers the whole catalog of RULES.md', () => {
    expect(RULES.map((r) => r.id)).toEqual(expect.arrayContaining(CATALOG));
  });

  it.each(RULES.map((r) => [r.id, r] as const))('%s is well-formed and documented', (id, rule) => {
    expect(rule.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    // A rule checks either one state or a change, never both, never neither.
    expect(Number(Boolean(rule.check)) + Number(Boolean(rule.checkChange))).toBe(1);
    expect(Boolean(rule.checkChange)).toBe(/^KMS5/.test(id));
    expect(SEVERITIES).toContain(rule.defaultSeverity);
    expect(rule.rationale.length).toBeGreaterThan(30);
    const doc = `docs/rules/${id}.md`;
    expect(existsSync(doc), doc).toBe(true);
    const text = readFileSync(doc, 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${id} ${rule.name}`);
    for (const section of ['What fires it', 'Why it matters', 'How to fix', 'How to suppress', 'What stays quiet']) {
      expect(text, `${doc} needs a "${section}" section`).toContain(section);
    }
  });

  it.each(RULES.map((r) => [r.id] as const))('%s has firing and quiet fixtures', (id) => {
    for (const kind of ['fires', 'quiet']) {
      const dir = `fixtures/rules/${id}/${kind}`;
      expect(existsSync(dir) && readdirSync(dir).length > 0, dir).toBe(true);
    }
  });
});
