/** A change (base vs head) as markdown: verdict, a section per changed key, new findings, counts of the rest. */
import type { FindingsDiff, InventoryDiff, KeyDiff } from '../diff/types.js';
import type { Inventory } from '../inventory/types.js';
import type { ChangeScope } from '../sources/scope.js';
import { at } from './describe.js';
import { attributePhrase, consumerPhrase, consumerWhere, gainedPhrase, groupedAccess, radiusChange, shownKeys, verdict } from './diff-describe.js';
import { findingsMarkdown } from './findings-markdown.js';
import { scopeLines } from './scope.js';

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

export function diffMarkdown(diff: InventoryDiff, findings: FindingsDiff, head: Inventory, label: string, scope?: ChangeScope): string {
  const out = [`## KMS key changes · ${label}`, '', `**${verdict(diff, findings)}**`, ''];
  for (const line of scopeLines(scope)) out.push(line, '');
  const aliases = new Map(head.keys.map((k) => [k.id, k.aliases]));
  for (const k of shownKeys(diff)) out.push(...keySection(k, aliases.get(k.key) ?? []), '');
  if (diff.aliasesRetargeted.length > 0) {
    out.push('### Aliases retargeted', '');
    for (const a of diff.aliasesRetargeted)
      out.push(`- ${code(a.alias)}: ${a.fromKey ? code(a.fromKey) : '?'} → ${a.toKey ? code(a.toKey) : '?'} (${at(a.location)})`);
    out.push('');
  }
  out.push(findingsMarkdown(findings.new).replace(/^### Findings/, '### New findings'));
  out.push(`Fixed: ${findings.fixed.length} · unchanged (pre-existing): ${findings.unchanged.length}`, '');
  return out.join('\n');
}

function keySection(k: KeyDiff, aliases: string[]): string[] {
  const lines = [
    `### ${k.change} key ${code(k.key)}${aliases.length ? ` (${aliases.map(code).join(', ')})` : ''}${k.baseKey ? `, renamed from ${code(k.baseKey)}` : ''}`,
    '',
    `- blast radius: ${radiusChange(k.blastRadius.before, k.blastRadius.after)}`,
  ];
  const gained = gainedPhrase(k);
  if (gained) lines.push(`- **gains** ${gained}`);
  if (k.change !== 'added' && k.aliases.added.length) lines.push(`- alias added ${k.aliases.added.map(code).join(', ')}`);
  if (k.aliases.removed.length) lines.push(`- alias removed ${k.aliases.removed.map(code).join(', ')}`);
  for (const a of k.attributes) {
    const { what, where } = attributePhrase(a);
    lines.push(`- ${what} (${at(where)})`);
  }
  for (const c of k.classification) lines.push(`- ${c.dimension}: ${c.before?.value ?? '?'} → ${c.after?.value ?? '?'}`);
  for (const c of k.consumers) lines.push(`- ${consumerPhrase(c, k.key)} (${consumerWhere(c)})`);
  for (const a of groupedAccess(k.access)) {
    const how = a.restrictedBy.length ? `if ${a.restrictedBy.join(', ')}` : '**unconditioned**';
    lines.push(
      `- access ${a.change === 'added' ? '**gained**' : 'lost'}: ${code(a.principal)} ${a.groups.join(', ')} via ${a.via} (${how}) (${at(a.location)})`,
    );
  }
  return lines;
}
