import { it } from 'vitest';
import { analyseFolder } from '../harness.js';
it('probe', async () => {
  const { inventory } = await analyseFolder('fixtures/scenarios/tf-modules-tfvars/after', { rules: [] });
  for (const k of inventory.keys) console.log(k.id, k.manager, JSON.stringify(k.multiplicity), k.consumers.map((c) => [c.resource, c.dataClass?.value]));
});
