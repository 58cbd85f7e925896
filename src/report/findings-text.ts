/** Findings for a terminal: grouped by key, most severe first, suppressed ones counted and listed last. */
import type { Finding, Severity } from '../rules/types.js';
import { at } from './describe.js';
import type { Style } from './style.js';

const MARK: Record<Severity, (s: Style) => string> = {
  critical: (s) => s.red(s.bold('CRITICAL')),
  high: (s) => s.red('HIGH    '),
  medium: (s) => s.yellow('MEDIUM  '),
  low: (s) => s.dim('LOW     '),
  info: (s) => s.dim('INFO    '),
};

export function findingsText(findings: readonly Finding[], style: Style): string {
  const active = findings.filter((f) => !f.suppressed);
  const suppressed = findings.filter((f) => f.suppressed);
  const out = [style.bold(`Findings: ${active.length}${suppressed.length ? ` (+${suppressed.length} suppressed)` : ''}`)];
  for (const [key, group] of groupByKey(active)) {
    out.push(`  ${style.cyan(key)}`);
    for (const f of group) {
      out.push(`    ${MARK[f.severity](style)} ${f.rule}  ${f.message}`);
      out.push(`             ${style.dim(at(f.location))}${f.fix ? style.dim(`  fix: ${f.fix.description}`) : ''}`);
    }
  }
  if (suppressed.length > 0) {
    out.push(style.bold('Suppressed'));
    for (const f of suppressed) out.push(`  ${f.rule} ${f.key ?? ''} ${style.dim(`${f.suppressed?.by}: ${f.suppressed?.reason}`)}`);
  }
  return `${out.join('\n')}\n`;
}

function groupByKey(findings: readonly Finding[]): [string, Finding[]][] {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = f.key ?? '(repository)';
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups];
}
