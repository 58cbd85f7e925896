/** A change (base vs head) for a terminal: verdict, the changed keys and what changed, new findings, counts of the rest. */
import type { FindingsDiff, InventoryDiff, KeyDiff } from '../diff/types.js';
import type { Inventory } from '../inventory/types.js';
import type { ChangeScope } from '../sources/scope.js';
import { at } from './describe.js';
import { attributePhrase, consumerPhrase, consumerWhere, gainedPhrase, groupedAccess, radiusChange, shownKeys, verdict } from './diff-describe.js';
import { findingsText } from './findings-text.js';
import { scopeLines } from './scope.js';
import type { Style } from './style.js';

export function diffText(diff: InventoryDiff, findings: FindingsDiff, head: Inventory, style: Style, label: string, scope?: ChangeScope): string {
  const out: string[] = [style.bold(`kms-review diff · ${label}`), verdict(diff, findings), ...scopeLines(scope).map(style.dim), ''];
  const aliases = new Map(head.keys.map((k) => [k.id, k.aliases]));
  for (const k of shownKeys(diff)) out.push(...keyLines(k, aliases.get(k.key) ?? [], style), '');
  for (const a of diff.aliasesRetargeted)
    out.push(`${style.yellow('alias retargeted')} ${a.alias}: ${a.fromKey ?? '?'} → ${a.toKey ?? '?'}  ${style.dim(at(a.location))}`);
  if (diff.aliasesRetargeted.length > 0) out.push('');
  out.push(findingsText(findings.new, style).replace(/^(\S*)Findings: /, '$1New findings: '));
  out.push(`Fixed: ${findings.fixed.length} · unchanged (pre-existing): ${findings.unchanged.length}`);
  return `${out.join('\n')}\n`;
}

function keyLines(k: KeyDiff, aliases: string[], style: Style): string[] {
  const mark = { added: style.green('+ added'), removed: style.red('- removed'), changed: style.yellow('~ changed'), unchanged: '' }[k.change];
  const title = `${k.key}${aliases.length ? `  ${aliases.join(', ')}` : ''}${k.baseKey ? style.dim(`  (renamed from ${k.baseKey})`) : ''}`;
  const lines = [
    `${style.cyan('●')} ${mark} ${style.bold(title)}`,
    `  ${style.dim('blast radius')} ${radiusChange(k.blastRadius.before, k.blastRadius.after)}`,
  ];
  const gained = gainedPhrase(k);
  if (gained) lines.push(`  ${style.yellow('gains')} ${gained}`);
  if (k.change !== 'added' && k.aliases.added.length) lines.push(`  alias added ${k.aliases.added.join(', ')}`);
  if (k.aliases.removed.length) lines.push(`  alias removed ${k.aliases.removed.join(', ')}`);
  for (const a of k.attributes) {
    const { what, where } = attributePhrase(a);
    lines.push(`  ${what}  ${style.dim(at(where))}`);
  }
  for (const c of k.classification)
    lines.push(`  ${c.dimension} ${c.before?.value ?? '?'} → ${c.after?.value ?? '?'}${c.after ? style.dim(` (${c.after.detail})`) : ''}`);
  for (const c of k.consumers) lines.push(`  ${consumerPhrase(c, k.key)}  ${style.dim(consumerWhere(c))}`);
  for (const a of groupedAccess(k.access)) {
    const how = a.restrictedBy.length ? `if ${a.restrictedBy.join(', ')}` : 'unconditioned';
    lines.push(
      `  access ${a.change === 'added' ? style.yellow('gained') : 'lost'}: ${a.principal} ${a.groups.join(', ')} via ${a.via} (${how})  ${style.dim(at(a.location))}`,
    );
  }
  return lines;
}
