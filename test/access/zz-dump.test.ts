import { test } from 'vitest';
import { analyseFolder } from '../harness.js';
test('dump', async () => {
  const a = await analyseFolder(process.env.DUMP_DIR ?? 'fixtures/scenarios/policy-files/before', { rules: [] });
  for (const [id, acc] of a.access) {
    console.log(id, 'delegates', acc.delegatesToIam, 'unknowns', acc.unknowns);
    for (const e of acc.entries) console.log('  ', e.principal.kind, e.principal.id, e.principal.account ?? '', e.via.kind, 'statement' in e.via ? e.via.statement : '', e.groups.join(','), e.actions.length, e.restrictedBy.join(','));
    for (const e of acc.denies) console.log('  DENY', e.principal.id, e.actions.join(','), e.conditions.length);
  }
});
