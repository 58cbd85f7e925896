/**
 * Other repositories' uses of a key (the organisation's key index, handed in by the door as
 * `RuleContext.external`): what the rules name when a change breaks them too.
 */
import { canonicalEnvironment } from '../../inventory/conventions.js';
import type { Key } from '../../inventory/types.js';
import type { ExternalRepository } from '../../model/external.js';
import { externalCount } from '../../model/external.js';
import type { FindingDraft, RuleContext, Severity } from '../types.js';
import { listOf, plural } from './change.js';
import { consumerIds, keyLabel, keyLocation } from './mix.js';

/** The other repositories with resources on the key, most resources first (empty without an index). */
export function usersElsewhere(side: RuleContext, keyId: string): ExternalRepository[] {
  const repos = side.external?.keys[keyId] ?? [];
  return repos.filter((r) => r.consumers.length > 0).sort((a, b) => b.consumers.length - a.consumers.length || a.repository.localeCompare(b.repository));
}

/** `3 resources in 2 other repositories` */
export function externalPhrase(repos: readonly ExternalRepository[]): string {
  const { consumers, repositories } = externalCount(repos);
  return `${plural(consumers, 'resource')} in ${plural(repositories, 'other repository', 'other repositories')}`;
}

/** `acme/orders-app (aws_sqs_queue.orders, aws_dynamodb_table.orders), acme/billing-app (aws_sns_topic.invoices)` */
export function externalUsersText(repos: readonly ExternalRepository[]): string {
  return listOf(
    repos.map((r) => {
      const names = r.consumers.map((c) => c.resource.slice(c.resource.indexOf(':') + 1));
      return `${r.repository} (${listOf(names, 3)})`;
    }),
  );
}

/** The evidence: each repository, its commit, how it matched and its resources with their places. */
export function externalEvidence(repos: readonly ExternalRepository[]) {
  return repos.map((r) => ({
    repository: r.repository,
    commit: r.commit,
    match: r.match,
    consumers: r.consumers.map((c) => ({ resource: c.resource, service: c.service, location: `${c.file}:${c.line}`, environment: c.environment })),
  }));
}

/** ` 3 resources in 2 other repositories use it too: acme/orders-app (…) and acme/billing-app (…).` — empty without any. */
export function elsewhereSentence(repos: readonly ExternalRepository[], too: 'too' | '' = ''): string {
  if (repos.length === 0) return '';
  const { consumers } = externalCount(repos);
  return ` ${externalPhrase(repos)} ${consumers === 1 ? 'uses' : 'use'} it${too ? ` ${too}` : ''}: ${externalUsersText(repos)}.`;
}

export interface CrossRepositorySpec {
  dimension: 'workload' | 'environment';
  /** `is used by workload` / `serves environment`, as the message opens. */
  noun: string;
  severity(values: readonly string[], key: Key): Severity | undefined;
  /** The last sentence: what to do, for the values the other repositories add. */
  advice(key: Key, added: readonly string[]): string;
}

/**
 * KMS102 / KMS103 across repositories: a key this repository declares or uses, whose own consumers
 * (or the key's own classification) are of one workload / environment, while other repositories'
 * consumers bring others. Fires only when the repository alone does not (the local rule already
 * says so); unknown values never count; identity `across-repositories`.
 */
export function crossRepositoryFindings(ctx: RuleContext, spec: CrossRepositorySpec): FindingDraft[] {
  if (!ctx.external) return [];
  const canon = spec.dimension === 'environment' ? canonicalEnvironment : (v: string) => v.toLowerCase();
  return ctx.inventory.keys.flatMap((key) => {
    if (key.manager !== 'customer' || (key.consumers.length === 0 && !key.declared)) return [];
    if (key.multiplicity && key.multiplicity.keys?.length !== 1) return [];
    const others = usersElsewhere(ctx, key.id);
    if (others.length === 0) return [];
    const localValues = new Set(key.consumers.flatMap((c) => (c[spec.dimension] ? [canon(c[spec.dimension]!.value)] : [])));
    if (localValues.size >= 2) return [];
    if (localValues.size === 0 && key[spec.dimension]) localValues.add(canon(key[spec.dimension]!.value));
    const added = new Map<string, { repository: string; resource: string; at: string }[]>();
    for (const r of others)
      for (const c of r.consumers) {
        const raw = c[spec.dimension];
        if (!raw || localValues.has(canon(raw))) continue;
        const value = canon(raw);
        if (!added.has(value)) added.set(value, []);
        added.get(value)!.push({ repository: r.repository, resource: c.resource.slice(c.resource.indexOf(':') + 1), at: `${c.file}:${c.line}` });
      }
    if (added.size === 0 || localValues.size + added.size < 2) return [];
    const here = [...localValues];
    const values = [...here, ...added.keys()];
    const elsewhere = [...added.entries()].map(([value, uses]) => {
      const repos = [...new Set(uses.map((u) => u.repository))];
      const text = repos.map(
        (repo) =>
          `${repo} (${listOf(
            uses.filter((u) => u.repository === repo).map((u) => `${u.resource} at ${u.at}`),
            3,
          )})`,
      );
      return `${value} through ${listOf(text, 3)}`;
    });
    const opening =
      here.length > 0
        ? `Key ${keyLabel(key)} ${spec.noun} ${here.join(', ')} in this repository, and ${listOf(elsewhere)} in other repositories.`
        : `Key ${keyLabel(key)} ${spec.noun} ${listOf(elsewhere)} in other repositories.`;
    const severity = spec.severity(values, key);
    const location = keyLocation(key);
    return [
      {
        key: key.id,
        subjects: consumerIds(key),
        identity: 'across-repositories',
        message: `${opening} ${spec.advice(key, [...added.keys()])}`,
        evidence: {
          dimension: spec.dimension,
          here,
          otherRepositories: Object.fromEntries([...added.entries()].map(([value, uses]) => [value, uses])),
        },
        ...(location ? { location } : {}),
        ...(severity ? { severity } : {}),
      },
    ];
  });
}
