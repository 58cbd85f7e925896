/**
 * The dashboard's pages, rendered on the server as plain accessible HTML (no script): landmarks, a
 * skip link, captioned tables with header scopes, a labelled search field, and a sharing graph as
 * an SVG with a text alternative (the table beside it says the same).
 */
import type { OrgKey, OrgReport } from '../index/report.js';

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#fff}
a{color:#0550ae}a:focus,button:focus,input:focus{outline:3px solid #0969da;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px}
header{background:#24292f;color:#fff;padding:12px 24px;display:flex;gap:24px;align-items:center;flex-wrap:wrap}
header a{color:#fff}header nav ul{display:flex;gap:16px;list-style:none;margin:0;padding:0}
header [aria-current=page]{font-weight:700;text-decoration:underline}
main{padding:16px 24px;max-width:1200px}
table{border-collapse:collapse;margin:8px 0 24px;width:100%}caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f6f8fa}
.muted{color:#57606a}.badge{border:1px solid #57606a;border-radius:8px;padding:0 6px;font-size:13px}
form{margin:8px 0 16px}input[type=search]{font-size:16px;padding:4px 8px;width:28em;max-width:100%}button{font-size:16px;padding:4px 12px}
`;

export type Page = 'keys' | 'graph' | 'trend';

export function layout(title: string, login: string | undefined, page: Page | undefined, body: string): string {
  const link = (p: Page, href: string, text: string) => `<li><a href="${href}"${p === page ? ' aria-current="page"' : ''}>${text}</a></li>`;
  const nav = login
    ? `<nav aria-label="Dashboard"><ul>${link('keys', '/dashboard', 'Keys')}${link('graph', '/dashboard/graph', 'Sharing graph')}${link('trend', '/dashboard/trend', 'Findings trend')}</ul></nav>
<p>Signed in as <strong>${esc(login)}</strong> · <a href="/dashboard/logout">Sign out</a></p>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · kms-review</title><style>${STYLE}</style></head>
<body><a class="skip" href="#main">Skip to content</a>
<header><strong>kms-review</strong>${nav}</header>
<main id="main">${body}</main></body></html>`;
}

const list = (values: readonly string[]) => (values.length ? values.map(escape).join(', ') : '<span class="muted">unknown</span>');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function placeOf(k: OrgKey): string {
  return `${k.account ?? 'account not known'} · ${k.region ?? 'region not known'}`;
}

function keyTable(k: OrgKey, i: number): string {
  const rows = k.repositories
    .map(
      (r) => `<tr><th scope="row">${esc(r.repository)}${r.private ? ' <span class="badge">private</span>' : ''}</th>
<td>${r.declares ? `declares it${r.declaredAt ? ` (${esc(r.declaredAt)})` : ''}` : 'uses it'}</td><td>${r.consumers}</td>
<td>${list(r.environments)}</td><td>${list(r.workloads)}</td><td>${list(r.dataClasses)}</td><td>${list(r.services)}</td></tr>`,
    )
    .join('\n');
  // Aliases the name does not already say.
  const aliases = k.aliases.filter((a) => !k.name.includes(a));
  return `<table id="key-${i}"><caption>${esc(k.name)} — ${plural(k.consumers, 'resource')} in ${plural(k.repositories.length, 'repository', 'repositories')}${
    aliases.length ? ` (${aliases.map(escape).join(', ')})` : ''
  }</caption>
<thead><tr><th scope="col">Repository</th><th scope="col">Role</th><th scope="col">Resources</th><th scope="col">Environments</th><th scope="col">Workloads</th><th scope="col">Data classes</th><th scope="col">Services</th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

export function keysPage(report: OrgReport, login: string, search: string, limit: number): string {
  const shown = report.keys.slice(0, limit);
  const groups = new Map<string, { key: OrgKey; i: number }[]>();
  shown.forEach((key, i) => {
    const place = placeOf(key);
    if (!groups.has(place)) groups.set(place, []);
    groups.get(place)!.push({ key, i });
  });
  const sections = [...groups.entries()]
    .map(
      ([
        place,
        keys,
      ]) => `<section aria-labelledby="place-${esc(place).replace(/\W+/g, '-')}"><h2 id="place-${esc(place).replace(/\W+/g, '-')}">${esc(place)}</h2>
${keys.map(({ key, i }) => keyTable(key, i)).join('\n')}</section>`,
    )
    .join('\n');
  const more = report.keys.length > limit ? `<p>${plural(report.keys.length - limit, 'more key')}: narrow the search to see them.</p>` : '';
  const body = `<h1>Keys by account and region</h1>
<p>${plural(report.repositories.length, 'repository', 'repositories')} you can read, ${plural(report.keys.length, 'key')}${search ? ` matching “${esc(search)}”` : ''}.</p>
<form method="get" action="/dashboard" role="search"><label for="q">Search by key ARN, alias or id</label><br>
<input type="search" id="q" name="q" value="${esc(search)}" placeholder="arn:aws:kms:… or alias/…"> <button type="submit">Search</button></form>
${sections || '<p>No key found.</p>'}${more}`;
  return layout('Keys', login, 'keys', body);
}

/** Keys shared by two or more repositories: repositories on the left, keys on the right, a line per use. */
export function graphPage(report: OrgReport, login: string): string {
  const shared = report.keys.filter((k) => k.repositories.length > 1).slice(0, 40);
  const repos = [...new Set(shared.flatMap((k) => k.repositories.map((r) => r.repository)))].sort();
  const rowH = 36;
  const height = Math.max(repos.length, shared.length, 1) * rowH + 20;
  const y = (i: number) => 20 + i * rowH;
  const lines = shared.flatMap((k, ki) =>
    k.repositories.map((r) => {
      const ri = repos.indexOf(r.repository);
      return `<line x1="300" y1="${y(ri)}" x2="560" y2="${y(ki)}" stroke="${r.declares ? '#0969da' : '#57606a'}" stroke-width="${r.declares ? 3 : 1.5}"/>`;
    }),
  );
  const repoLabels = repos.map(
    (r, i) => `<text x="290" y="${y(i) + 5}" text-anchor="end">${esc(r)}</text><circle cx="300" cy="${y(i)}" r="5" fill="#24292f"/>`,
  );
  const keyLabels = shared.map(
    (k, i) => `<circle cx="560" cy="${y(i)}" r="5" fill="#0969da"/><text x="572" y="${y(i) + 5}">${esc(k.aliases[0] ?? k.name)}</text>`,
  );
  const rows = shared
    .map(
      (k) =>
        `<tr><th scope="row">${esc(k.name)}</th><td>${k.repositories.map((r) => `${esc(r.repository)}${r.declares ? ' (declares it)' : ''}`).join(', ')}</td></tr>`,
    )
    .join('\n');
  const body = `<h1>Sharing graph</h1>
<p>Keys used by more than one repository you can read: ${shared.length}. Thick blue lines lead from the repository that declares the key.</p>
${
  shared.length
    ? `<svg role="img" aria-labelledby="graph-title" width="900" height="${height}" viewBox="0 0 900 ${height}"><title id="graph-title">Repositories and the keys they share</title>
${lines.join('')}${repoLabels.join('')}${keyLabels.join('')}</svg>
<table><caption>The same, as a table</caption><thead><tr><th scope="col">Key</th><th scope="col">Repositories</th></tr></thead><tbody>${rows}</tbody></table>`
    : '<p>No key is shared between repositories you can read.</p>'
}`;
  return layout('Sharing graph', login, 'graph', body);
}

export interface TrendDay {
  day: string;
  findings: number;
  repositories: number;
}

export interface RepositoryTrend {
  repository: string;
  private: boolean;
  now: number;
  before: number | null;
  indexedAt: string;
}

export function trendPage(days: readonly TrendDay[], repos: readonly RepositoryTrend[], login: string): string {
  const max = Math.max(1, ...days.map((d) => d.findings));
  const w = 24;
  const bars = days.map((d, i) => {
    const h = Math.round((d.findings / max) * 120);
    return `<rect x="${10 + i * w}" y="${130 - h}" width="${w - 4}" height="${h}" fill="#0969da"><title>${esc(d.day)}: ${d.findings} findings</title></rect>`;
  });
  const dayRows = days.map((d) => `<tr><th scope="row">${esc(d.day)}</th><td>${d.findings}</td><td>${d.repositories}</td></tr>`).join('\n');
  const repoRows = repos
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.repository)}${r.private ? ' <span class="badge">private</span>' : ''}</th><td>${r.now}</td><td>${
          r.before === null ? '<span class="muted">first index</span>' : r.now === r.before ? 'no change' : `${r.now > r.before ? '+' : ''}${r.now - r.before}`
        }</td><td>${esc(r.indexedAt)}</td></tr>`,
    )
    .join('\n');
  const body = `<h1>Findings trend</h1>
${
  days.length
    ? `<svg role="img" aria-labelledby="trend-title" width="${20 + days.length * w}" height="140"><title id="trend-title">Findings per day, the table below has the numbers</title>${bars.join('')}</svg>`
    : ''
}
<table><caption>Findings per day (each repository's last snapshot of the day)</caption><thead><tr><th scope="col">Day</th><th scope="col">Findings</th><th scope="col">Repositories indexed</th></tr></thead><tbody>${dayRows}</tbody></table>
<table><caption>Findings per repository, now and since the previous index</caption><thead><tr><th scope="col">Repository</th><th scope="col">Findings</th><th scope="col">Change</th><th scope="col">Indexed</th></tr></thead><tbody>${repoRows}</tbody></table>`;
  return layout('Findings trend', login, 'trend', body);
}

export function messagePage(title: string, text: string, login?: string, action?: { href: string; text: string }): string {
  return layout(title, login, undefined, `<h1>${esc(title)}</h1><p>${esc(text)}</p>${action ? `<p><a href="${action.href}">${esc(action.text)}</a></p>` : ''}`);
}
