/** Write, maintain or admin on the repository, for the commands that change something (`ignore`, `unignore`, `rerun`). */
import { permissionReply } from '../../report/command-replies.js';
import type { Answer, Invocation } from './context.js';

const WRITERS = new Set(['admin', 'maintain', 'write']);
const levels = new WeakMap<Invocation, Promise<string>>();

async function levelOf(inv: Invocation): Promise<string> {
  try {
    const { data } = await inv.octokit.rest.repos.getCollaboratorPermissionLevel({ ...inv.repoRef, username: inv.author });
    // `permission` is the legacy level (maintain reads as write); `role_name` the exact role.
    return WRITERS.has(data.role_name ?? '') ? (data.role_name as string) : data.permission;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return 'none';
    throw error;
  }
}

/** Undefined when the author may write; otherwise the refusal to post. Asked once per comment. */
export async function requireWrite(inv: Invocation, verb: string): Promise<Answer | undefined> {
  if (!levels.has(inv)) levels.set(inv, levelOf(inv));
  const level = await (levels.get(inv) as Promise<string>);
  return WRITERS.has(level) ? undefined : { ok: false, body: permissionReply(inv.author, verb, level) };
}
