/** The organisation report as text and markdown (the CLI's `org-report`); the dashboard renders HTML of its own. */
import { plural } from '../rules/support/change.js';
import type { OrgKey, OrgKeyRepository, OrgReport } from './report.js';

const repositories = (n: number) => plural(n, 'repository', 'repositories');

/** `prod · orders · confidential · sqs, dynamodb` (what is not known is left out). */
function facets(r: OrgKeyRepository): string {
  return [r.environments.join(', '), r.workloads.join(', '), r.dataClasses.join(', '), r.services.join(', ')].filter(Boolean).join(' · ');
}

function repositoryLine(r: OrgKeyRepository): string {
  const parts = [
    r.declares ? `declares it${r.declaredAt ? ` (${r.declaredAt})` : ''}` : undefined,
    plural(r.consumers, 'resource'),
    facets(r) || undefined,
  ].filter(Boolean);
  return `${r.repository}${r.private ? ' (private)' : ''} @ ${r.commit.slice(0, 7)}: ${parts.join(' · ')}`;
}

function summary(report: OrgReport): string {
  const shared = report.keys.filter((k) => k.repositories.length > 1).length;
  return `Key index: ${repositories(report.repositories.length)}, ${plural(report.keys.length, 'key')}, ${shared} used by more than one repository`;
}

function keyHeadline(k: OrgKey): string {
  return `${plural(k.consumers, 'resource')} in ${repositories(k.repositories.length)}${
    k.repositories.some((r) => r.declares) ? '' : ' (declared in no indexed repository)'
  }`;
}

export function orgReportText(report: OrgReport): string {
  const lines = [summary(report)];
  for (const k of report.keys) {
    lines.push('', k.name, `  ${keyHeadline(k)}`, ...k.repositories.map((r) => `  ${repositoryLine(r)}`));
  }
  return `${lines.join('\n')}\n`;
}

export function orgReportMarkdown(report: OrgReport): string {
  const lines = [`## ${summary(report)}`];
  for (const k of report.keys) {
    lines.push(
      '',
      `### ${k.name}`,
      '',
      keyHeadline(k),
      '',
      '| repository | declares | resources | environments | workloads | data classes | services |',
      '|---|---|---|---|---|---|---|',
    );
    for (const r of k.repositories)
      lines.push(
        `| ${r.repository}${r.private ? ' (private)' : ''} | ${r.declares ? (r.declaredAt ?? 'yes') : ''} | ${r.consumers} | ${r.environments.join(', ')} | ${r.workloads.join(', ')} | ${r.dataClasses.join(', ')} | ${r.services.join(', ')} |`,
      );
  }
  return `${lines.join('\n')}\n`;
}
