/** Findings as a markdown table (the PR summary reuses it). */
import type { Finding } from '../rules/types.js';
import { at } from './describe.js';
import { ruleDocUrl } from './links.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function findingsMarkdown(findings: readonly Finding[]): string {
  const active = findings.filter((f) => !f.suppressed);
  const suppressed = findings.filter((f) => f.suppressed);
  const out = [`### Findings (${active.length})`, ''];
  if (active.length > 0) {
    out.push('| severity | rule | key | finding | where |', '|---|---|---|---|---|');
    for (const f of active) {
      out.push(`| ${f.severity} | [${f.rule}](${ruleDocUrl(f.rule)}) | ${f.key ? `\`${cell(f.key)}\`` : '—'} | ${cell(f.message)} | ${cell(at(f.location))} |`);
    }
    out.push('');
  }
  if (suppressed.length > 0) {
    out.push(`<details><summary>Suppressed (${suppressed.length})</summary>`, '');
    for (const f of suppressed) out.push(`- ${f.rule} ${f.key ? `\`${cell(f.key)}\`` : ''} — ${f.suppressed?.by}: ${cell(f.suppressed?.reason ?? '')}`);
    out.push('', '</details>', '');
  }
  return out.join('\n');
}
