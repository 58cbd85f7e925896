/**
 * Other repositories' uses of a key (the organisation's key index, src/model/external.ts), as the
 * check run, the `/kms blast-radius` reply and the rules' messages say them.
 */
import type { ExternalConsumer, ExternalRepository, ExternalUses } from '../model/external.js';
import { plural } from '../rules/support/change.js';
import { externalPhrase } from '../rules/support/external.js';

export { externalPhrase };

/** Consumers listed per repository before "and N more". */
const SHOWN_PER_REPOSITORY = 5;
/** Repositories listed before the list is folded. */
const UNFOLDED_REPOSITORIES = 5;

/** `prod / orders / confidential` (unknowns as `?`). */
function classes(c: ExternalConsumer): string {
  return [c.environment, c.workload, c.dataClass].map((v) => v ?? '?').join(' / ');
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string) => `\`${cell(s).replace(/`/g, "'")}\``;
const address = (resource: string) => resource.slice(resource.indexOf(':') + 1);

/** `https://github.com` from `https://github.com/acme/app`: links into the other repositories. */
function serverOf(repoUrl: string | undefined): string | undefined {
  const m = repoUrl ? /^(https?:\/\/.+?)\/[^/]+\/[^/]+\/?$/.exec(repoUrl) : null;
  return m?.[1];
}

function consumerText(repo: ExternalRepository, c: ExternalConsumer, server: string | undefined): string {
  const where = `${c.file}:${c.line}`;
  const linked = server
    ? `[${cell(where)}](${server}/${repo.repository}/blob/${repo.commit}/${c.file.split('/').map(encodeURIComponent).join('/')}#L${c.line})`
    : cell(where);
  return `${code(address(c.resource))} (${c.service}, ${linked}, ${cell(classes(c))})`;
}

/** One markdown bullet per repository; folded into `<details>` when there are many. */
export function externalMarkdown(repos: readonly ExternalRepository[], repoUrl?: string): string[] {
  const server = serverOf(repoUrl);
  const bullets = repos.map((r) => {
    const shown = r.consumers.slice(0, SHOWN_PER_REPOSITORY).map((c) => consumerText(r, c, server));
    const more = r.consumers.length > SHOWN_PER_REPOSITORY ? `, and ${r.consumers.length - SHOWN_PER_REPOSITORY} more` : '';
    const what = r.consumers.length > 0 ? `: ${shown.join(', ')}${more}` : '';
    return `- **${cell(r.repository)}** @ ${r.commit.slice(0, 7)}${r.declares ? ' (declares it)' : ''}, matched by ${cell(r.match)}${what}`;
  });
  if (repos.length <= UNFOLDED_REPOSITORIES) return bullets;
  return [`<details><summary>${repos.length} repositories</summary>`, '', ...bullets, '', '</details>'];
}

/**
 * The check run's section: each key of the change that other repositories use, with them listed;
 * one line when none does, or when the index could not be read. Nothing without an index.
 */
export function externalSection(
  keys: readonly { id: string; label: string }[],
  uses: { head?: ExternalUses; base?: ExternalUses },
  repoUrl?: string,
): string[] {
  const index = uses.head ?? uses.base;
  if (!index) return [];
  const unavailable = uses.head?.unavailable ?? uses.base?.unavailable;
  if (unavailable)
    return [
      '### Other repositories',
      '',
      `The organisation's key index could not be read (${cell(unavailable)}): other repositories' uses are not counted.`,
      '',
    ];
  const used = keys.flatMap((k) => {
    const repos = uses.head?.keys[k.id] ?? uses.base?.keys[k.id] ?? [];
    return repos.length > 0 ? [{ ...k, repos }] : [];
  });
  if (used.length === 0) {
    if (keys.length === 0) return [];
    return [
      '### Other repositories',
      '',
      `None of the ${plural(index.repositories, 'other indexed repository', 'other indexed repositories')} uses the keys this pull request changes.`,
      '',
    ];
  }
  return [
    '### Other repositories',
    '',
    ...used.flatMap((k) => [`${code(k.label)} is also used by ${externalPhrase(k.repos)}:`, '', ...externalMarkdown(k.repos, repoUrl), '']),
  ];
}
