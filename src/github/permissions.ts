/** Who may trigger state-changing actions (the "Propose split" button): write, maintain or admin. */
export interface PermissionClient {
  rest: {
    repos: {
      getCollaboratorPermissionLevel(params: { owner: string; repo: string; username: string }): Promise<{ data: { permission: string; role_name?: string } }>;
    };
  };
}

const WRITERS = new Set(['admin', 'maintain', 'write']);

export async function canWrite(octokit: PermissionClient, repo: { owner: string; repo: string }, username: string): Promise<boolean> {
  try {
    // Only the route's parameters: anything else in `repo` (a whole review target) would go out as query parameters.
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner: repo.owner, repo: repo.repo, username });
    // `permission` is the legacy level (admin/write/read/none: maintain reads as write); `role_name` the exact role.
    return WRITERS.has(data.permission) || WRITERS.has(data.role_name ?? '');
  } catch (error) {
    if ((error as { status?: number }).status === 404) return false;
    throw error;
  }
}
