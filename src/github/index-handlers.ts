/**
 * Webhooks that keep the organisation's key index current (with `DATABASE_URL`): the repositories
 * of a new installation (or added to one), and every push to a repository's default branch. Each
 * repository is handed to `deps.indexer`: in queue mode it is queued for the workers
 * (src/queue/index-queue.ts), otherwise indexed here, one repository after the other.
 */
import type { Context, Probot } from 'probot';
import type { IndexClient, IndexTarget } from '../index/indexer.js';
import { DEFAULT_POLICY, octokitFor, type RetryPolicy } from './octokit.js';

export type IndexLog = { info(o: object, m?: string): void; warn(o: object, m?: string): void };

export interface IndexerDeps {
  /** Indexes (or queues) repositories of one installation; `octokit` is the event's installation client. */
  indexer?: (octokit: IndexClient, installationId: number, targets: IndexTarget[], log: IndexLog) => Promise<void>;
}

interface RepoLike {
  full_name: string;
  private: boolean;
}

function targetsOf(repos: readonly RepoLike[], installationId: number): IndexTarget[] {
  return repos.map((r) => {
    const [owner, repo] = r.full_name.split('/');
    return { owner, repo, private: r.private, installationId };
  });
}

export function registerIndexHandlers(app: Probot, deps: IndexerDeps & { policy?: RetryPolicy }): void {
  const indexer = deps.indexer;
  if (!indexer) return;
  const client = async (context: Context) => (await octokitFor(context, deps.policy ?? DEFAULT_POLICY)) as unknown as IndexClient;
  app.on(['installation.created', 'installation_repositories.added'], async (context: Context<'installation' | 'installation_repositories'>) => {
    const payload = context.payload as { installation: { id: number }; repositories?: RepoLike[]; repositories_added?: RepoLike[] };
    const repos = payload.repositories ?? payload.repositories_added ?? [];
    await indexer(await client(context), payload.installation.id, targetsOf(repos, payload.installation.id), context.log);
  });
  app.on('push', async (context: Context<'push'>) => {
    const { ref, after, repository, installation, deleted } = context.payload;
    const branch = repository.default_branch;
    // Only the default branch is what other repositories' reviews should see; a deleted branch has no head.
    if (!installation || deleted || ref !== `refs/heads/${branch}` || /^0+$/.test(after)) return;
    await indexer(
      await client(context),
      installation.id,
      [
        {
          owner: repository.owner?.login ?? repository.full_name.split('/')[0],
          repo: repository.name,
          private: repository.private,
          defaultBranch: branch,
          sha: after,
          installationId: installation.id,
        },
      ],
      context.log,
    );
  });
}
