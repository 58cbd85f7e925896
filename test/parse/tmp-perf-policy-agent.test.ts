import { test } from 'vitest';
import { parseLocatedDocument } from '../../src/parse/json-document.js';
import { DEFAULT_LIMITS } from '../../src/parse/plugin.js';
test('perf', () => {
  const cases: Record<string, string> = {
    numbers: `{"Statement": [${'1,'.repeat(2_000_000)}1]}`,
    nested200: `{"Statement": [${('['.repeat(190) + ']'.repeat(190) + ',').repeat(10_000)}1]}`,
    spaces: `{"Statement": "a${' '.repeat(4_000_000)}b"}`,
  };
  for (const [name, text] of Object.entries(cases)) {
    const t = performance.now();
    const r = parseLocatedDocument({ path: 'x.json', text, size: text.length }, DEFAULT_LIMITS);
    console.log(name, text.length, Math.round(performance.now() - t), r.ok ? 'ok' : r.problem.message.slice(0, 80));
  }
});
