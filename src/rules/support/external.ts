/**
 * Other repositories' uses of a key (the organisation's key index, handed in by the door as
 * `RuleContext.external`): what the rules name when a change breaks them too.
 */
import type { ExternalRepository } from '../../model/external.js';
import { externalCount } from '../../model/external.js';
import type { RuleContext } from '../types.js';
import { listOf, plural } from './change.js';

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
