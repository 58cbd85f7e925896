import { test } from 'vitest';
import { analyseFolder } from '../harness.js';
test('dump', async () => {
  const a = await analyseFolder(process.env.DUMP_DIR ?? 'fixtures/scenarios/policy-files/before', { rules: [] });
  const filter = process.env.DUMP_TYPE;
  for (const r of a.resources) {
    if (filter && !new RegExp(filter).test(r.type)) continue;
    console.log(JSON.stringify({ id: r.id, type: r.type, mode: r.mode, attrs: r.attrs, attrLocations: r.attrLocations }, null, 1));
  }
  if (process.env.DUMP_KEYS) for (const k of a.inventory.keys) console.log(JSON.stringify({ ...k, consumers: k.consumers.length }, null, 1));
});
