/** A split plan in words: text for the terminal, markdown for a PR comment. The patch comes last. */
import type { SplitPlan } from '../split/types.js';
import { plainStyle, type Style } from './style.js';

function groupLabel(g: SplitPlan['groups'][number]): string {
  return [g.workload, g.environment, g.dataClass].filter(Boolean).join(' / ') || '(no known value)';
}

export function splitText(plan: SplitPlan, style: Style = plainStyle): string {
  const out: string[] = [style.bold(`Split of ${plan.key}`)];
  if (plan.reason) out.push(`  No split: ${plan.reason}`);
  out.push(`  Grouped by: ${plan.dimensions.join(' × ') || '—'}`);
  for (const u of plan.unknown) out.push(style.yellow(`  Unknown ${u.dimension} for ${u.consumers.join(', ')}: ${u.howToTell}`));
  if (plan.groups.length > 0) {
    out.push('', style.bold('Groups'));
    for (const g of plan.groups) out.push(`  ${groupLabel(g)}: ${g.consumers.join(', ')}`);
  }
  if (plan.newKeys.length > 0) {
    out.push('', style.bold('New keys'));
    for (const k of plan.newKeys) {
      out.push(`  ${style.cyan(k.alias)}  ${k.name}${k.file ? `  (${k.file})` : ''}`);
      out.push(
        `    tags: ${Object.entries(k.tags)
          .map(([t, v]) => `${t}=${v}`)
          .join(', ')}; rotation on; deletion window 30 days${k.multiRegion ? '; multi-region' : ''}`,
      );
      for (const a of k.administrators) out.push(`    admin: ${a.principal}  ${style.dim(`← ${a.from}`)}`);
      for (const u of k.users) out.push(`    user:  ${u.principal}  ${style.dim(`← ${u.from}`)}`);
      for (const n of k.notes) out.push(`    note:  ${n}`);
    }
  }
  if (plan.edits.length > 0) {
    out.push('', style.bold('Consumer edits'));
    for (const e of plan.edits) out.push(`  ${e.location.file}:${e.location.startLine}  ${e.resource} ${e.attribute}`, `    - ${e.before}`, `    + ${e.after}`);
  }
  if (plan.migration.length > 0) {
    out.push('', style.bold('Migration'));
    for (const m of plan.migration) {
      const kind = m.kind === 'replacement' ? style.red('REPLACEMENT') : m.kind;
      out.push(`  ${m.resource} (${m.service}) → ${m.newKey ?? ''}: ${kind}`);
      m.steps.forEach((s, i) => {
        out.push(`    ${i + 1}. ${s}`);
      });
    }
  }
  if (plan.notes && plan.notes.length > 0) {
    out.push('', style.bold('Also'));
    for (const n of plan.notes) out.push(`  - ${n}`);
  }
  if (plan.patch) out.push('', style.bold('Patch (git apply)'), plan.patch.trimEnd());
  return `${out.join('\n')}\n`;
}

export function splitMarkdown(plan: SplitPlan): string {
  const out: string[] = [`### Split of \`${plan.key}\``];
  if (plan.reason) out.push('', `No split: ${plan.reason}`);
  for (const u of plan.unknown) out.push('', `- Unknown ${u.dimension} for ${u.consumers.map((c) => `\`${c}\``).join(', ')}: ${u.howToTell}`);
  if (plan.newKeys.length > 0) {
    out.push('', '| new key | group | consumers | users | file |', '|---|---|---|---|---|');
    for (const k of plan.newKeys) {
      out.push(
        `| \`${k.alias}\` | ${groupLabel(k.group)} | ${k.group.consumers.map((c) => `\`${c}\``).join('<br>')} | ${k.users.map((u) => `\`${u.principal}\``).join('<br>') || '—'} | ${k.file ? `\`${k.file}\`` : ''} |`,
      );
    }
  }
  if (plan.migration.length > 0) {
    out.push('', '#### Migration');
    for (const m of plan.migration) {
      out.push('', `**\`${m.resource}\`** (${m.service}) → \`${m.newKey ?? ''}\`: ${m.kind === 'replacement' ? '**REPLACEMENT**' : m.kind}`, '');
      m.steps.forEach((s, i) => {
        out.push(`${i + 1}. ${s}`);
      });
    }
  }
  if (plan.notes && plan.notes.length > 0) out.push('', '#### Also', '', ...plan.notes.map((n) => `- ${n}`));
  if (plan.patch) out.push('', '<details><summary>Patch (<code>git apply</code>)</summary>', '', '```diff', plan.patch.trimEnd(), '```', '', '</details>');
  return `${out.join('\n')}\n`;
}
