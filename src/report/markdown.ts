/** The markdown rendering of an inventory (what PR summaries reuse): a key table, then a section per key. */
import type { Inventory, Key } from '../inventory/types.js';
import { at, blastPhrase, classified, groupConsumers, keyFacts, resourceAddress } from './describe.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

export function inventoryMarkdown(inventory: Inventory, label: string): string {
  const out: string[] = [`## KMS key inventory · ${cell(label)}`, ''];
  out.push('| key | aliases | consumers | services | environments | workloads | data classes |', '|---|---|---|---|---|---|---|');
  for (const key of inventory.keys) {
    const b = key.blastRadius;
    const values = (pick: (k: Key['consumers'][number]) => string | undefined) => [...new Set(key.consumers.map(pick).filter(Boolean))].join(', ') || '—';
    out.push(
      `| ${code(key.id)} | ${cell(key.aliases.join(', ') || '—')} | ${b.consumers} | ${cell(values((c) => c.service))} | ${cell(values((c) => c.environment?.value))} | ${cell(values((c) => c.workload?.value))} | ${cell(values((c) => c.dataClass?.value))} |`,
    );
  }
  out.push('');
  for (const key of inventory.keys) {
    out.push(`### ${code(key.id)}`, '', keyFacts(key).join(' · '), '');
    out.push(
      `Environment ${classified(key.environment)} · workload ${classified(key.workload)} · data class ${classified(key.dataClass)} · owner ${classified(key.owner)}`,
      '',
    );
    if (key.consumers.length === 0) {
      out.push('No consumers in this repository.', '');
      continue;
    }
    out.push(`**Blast radius:** ${blastPhrase(key)}`, '');
    out.push('| environment / workload / data class | service | resource | key reference |', '|---|---|---|---|');
    for (const [group, members] of groupConsumers(key.consumers)) {
      for (const c of members) out.push(`| ${cell(group)} | ${c.service} | ${code(resourceAddress(c.resource))} | ${cell(at(c.location))} |`);
    }
    out.push('');
  }
  if (inventory.unresolved.length > 0) {
    out.push('### Unresolved key references', '');
    for (const u of inventory.unresolved) out.push(`- ${cell(at(u.location))} ${code(`${resourceAddress(u.resource)}.${u.attribute}`)}: ${cell(u.reason)}`);
    out.push('');
  }
  if (inventory.problems.length > 0) {
    out.push('### Parse problems (KMS000)', '');
    for (const p of inventory.problems) out.push(`- ${cell(at(p.location))}: ${cell(p.message)}`);
    out.push('');
  }
  return out.join('\n');
}
