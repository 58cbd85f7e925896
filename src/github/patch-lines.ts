/**
 * The right-side (head) lines of a pull request's diff, from the `patch` of each `pulls.listFiles`
 * entry: which lines the PR added and which are unchanged context inside a hunk. A review comment
 * can only sit on such a line; everything else is "outside the diff".
 */
import { LIST_FILES_CAP } from '../sources/changed-files.js';
import { allPages, PER_PAGE } from '../sources/pages.js';

export interface ChangedLines {
  /** Head line numbers the PR added or changed (`+` lines). */
  added: Set<number>;
  /** Head line numbers shown as unchanged context inside a hunk (` ` lines). */
  context: Set<number>;
}

/** Head path → its right-side diff lines. A file without a patch (binary, too large) maps to empty sets. */
export type ChangedLinesMap = Map<string, ChangedLines>;

const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;

/** Parses one unified-diff `patch` (hunks only, as GitHub returns it; file headers are skipped). */
export function parsePatchLines(patch: string | undefined | null): ChangedLines {
  const out: ChangedLines = { added: new Set(), context: new Set() };
  if (!patch) return out;
  let line = 0;
  let remaining = 0;
  for (const raw of patch.split('\n')) {
    const hunk = HUNK.exec(raw);
    if (hunk) {
      line = Number(hunk[1]);
      remaining = hunk[2] === undefined ? 1 : Number(hunk[2]);
      continue;
    }
    if (remaining <= 0) continue; // file headers (`---`/`+++`), trailing text
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const tag = text[0];
    if (tag === '+') {
      out.added.add(line++);
      remaining--;
    } else if (tag === ' ' || text === '') {
      // An empty line inside a hunk is a context line whose leading space was trimmed.
      out.context.add(line++);
      remaining--;
    }
    // '-' lines exist on the left only; '\ No newline at end of file' is no line at all.
  }
  return out;
}

/** The map for a PR's file list (`filename` is the head path; removed files have no right side). */
export function changedLinesOf(files: readonly { filename: string; status?: string; patch?: string | null }[]): ChangedLinesMap {
  const map: ChangedLinesMap = new Map();
  for (const f of files) {
    if (f.status === 'removed') continue;
    map.set(f.filename, parsePatchLines(f.patch));
  }
  return map;
}

export interface PullFilesClient {
  rest: {
    pulls: {
      listFiles(params: { owner: string; repo: string; pull_number: number; per_page?: number; page?: number }): Promise<{
        headers: { link?: string };
        data: { filename: string; status: string; patch?: string | null }[];
      }>;
    };
  };
}

/**
 * Lists the PR's files (100 a page, following `link: rel="next"`, at most the API's 3,000) and
 * parses their patches. Prefer `changedLinesOf` on a listing the review already made: this costs
 * one more call per 100 files.
 */
export async function listChangedLines(octokit: PullFilesClient, pr: { owner: string; repo: string; pull_number: number }): Promise<ChangedLinesMap> {
  const files = await allPages(
    (page) => octokit.rest.pulls.listFiles({ owner: pr.owner, repo: pr.repo, pull_number: pr.pull_number, per_page: PER_PAGE, page }),
    LIST_FILES_CAP / PER_PAGE,
  );
  return changedLinesOf(files);
}
