/** A reviewable text digest of a change analysis: what the scenario goldens under `__golden__/` hold. */
import type { Location } from '../../src/model/types.js';
import type { ChangeAnalysis } from '../../src/pipeline.js';
import { groupedAccess, statementPhrase } from '../../src/report/diff-describe.js';
import type { Finding } from '../../src/rules/types.js';

const loc = (l: Location | undefined) => (l ? `${l.file}:${l.startLine}${l.endLine !== l.startLine ? `-${l.endLine}` : ''}` : '-');
const show = (v: unknown): string =>
  v !== null && typeof v === 'object' && (v as { $kind?: string }).$kind === 'unknown' ? `?(${(v as { reason: string }).reason})` : JSON.stringify(v);
const radius = (b: { consumers: number; services: number; workloads: number; environments: number; dataClasses: number } | null) =>
  b ? `${b.consumers}c/${b.services}s/${b.workloads}w/${b.environments}e/${b.dataClasses}d` : 'none';

export function changeDigest({ diff, findings }: Pick<ChangeAnalysis, 'diff' | 'findings'>): string {
  const out: string[] = [];
  const unchanged = diff.keys.filter((k) => k.change === 'unchanged');
  for (const k of diff.keys) {
    if (k.change === 'unchanged') continue;
    out.push(`${k.change} key ${k.key}${k.baseKey ? ` (was ${k.baseKey})` : ''}`);
    out.push(`  blast radius ${radius(k.blastRadius.before)} -> ${radius(k.blastRadius.after)}`);
    if (k.aliases.added.length) out.push(`  aliases added: ${k.aliases.added.join(', ')}`);
    if (k.aliases.removed.length) out.push(`  aliases removed: ${k.aliases.removed.join(', ')}`);
    for (const a of k.attributes) {
      const value = (v: unknown) => (a.field.startsWith('policy.statement.') && v !== null ? `[${statementPhrase(v)}]` : show(v));
      out.push(`  attribute ${a.field}: ${value(a.before)} -> ${value(a.after)} @ ${loc(a.baseLocation)} -> ${loc(a.headLocation)}`);
    }
    for (const c of k.classification)
      out.push(`  classification ${c.dimension}: ${c.before?.value ?? '-'} (${c.before?.from ?? '-'}) -> ${c.after?.value ?? '-'} (${c.after?.from ?? '-'})`);
    for (const c of k.consumers) {
      const what =
        c.change === 'moved' ? `moved ${c.fromKey} -> ${c.toKey} @ ${loc(c.baseLocation)} -> ${loc(c.location)}` : `${c.change} @ ${loc(c.location)}`;
      out.push(`  consumer ${c.resource} ${c.attribute} [${c.service}${c.replacementOnKeyChange ? ', replaced on key change' : ''}] ${what}`);
    }
    for (const a of groupedAccess(k.access)) {
      out.push(
        `  access ${a.change} ${a.principal} ${a.groups.join(',')} via ${a.via} @ ${loc(a.location)}${a.restrictedBy.length ? ` (restricted by ${a.restrictedBy.join(', ')})` : ''}`,
      );
    }
    const g = k.gained;
    const gained = [
      ['environments', g.environments],
      ['workloads', g.workloads],
      ['data classes', g.dataClasses],
      ['services', g.services],
    ].filter(([, v]) => v.length > 0);
    if (gained.length) out.push(`  gained ${gained.map(([n, v]) => `${n} ${(v as string[]).join(', ')}`).join('; ')}`);
  }
  if (unchanged.length) out.push(`unchanged keys: ${unchanged.length}`);
  for (const a of diff.aliasesRetargeted) out.push(`alias retargeted ${a.alias}: ${a.fromKey ?? '?'} -> ${a.toKey ?? '?'} @ ${loc(a.location)}`);
  for (const [from, to] of Object.entries(diff.renamedKeys ?? {})) out.push(`renamed ${from} -> ${to}`);
  const line = (f: Finding) =>
    `  ${f.severity} ${f.rule} ${f.key ?? '(repository)'} @ ${loc(f.location)}${f.suppressed ? ' [suppressed]' : ''}${f.subjects.length ? ` {${f.subjects.join(', ')}}` : ''}`;
  out.push(`new findings: ${findings.new.length}`, ...findings.new.map(line));
  out.push(`fixed findings: ${findings.fixed.length}`, ...findings.fixed.map(line));
  out.push(`unchanged findings: ${findings.unchanged.length}`);
  return `${out.join('\n')}\n`;
}
