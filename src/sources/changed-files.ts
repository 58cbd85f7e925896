/**
 * The paths a pull request changes: `pulls.listFiles` page by page (100 a page), or — past the
 * API's 3,000-file cap — a comparison of the two trees by blob sha.
 */
import { allPages, PER_PAGE } from './pages.js';

/** The API lists at most this many files of a pull request. */
export const LIST_FILES_CAP = 3000;

export type ChangeStatus = 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged';

export interface ChangedFile {
  path: string;
  status: ChangeStatus;
  /** For a rename or copy: the path on the base side. */
  previousPath?: string;
  /**
   * The unified-diff hunks GitHub lists for the file (absent for binary or very large files, and
   * for changes found by comparing trees): the review comments' right-side lines come from it, so
   * the file list is asked for once.
   */
  patch?: string;
}

export type ChangedFiles =
  | { complete: true; files: ChangedFile[] }
  /** The PR has at least 3,000 files: `files` is what the API listed; compare the trees instead. */
  | { complete: false; files: ChangedFile[]; reason: string };

/** The part of an Octokit this needs (`@octokit/rest` and `ProbotOctokit` fit). */
export interface PullsClient {
  rest: {
    pulls: {
      listFiles(params: { owner: string; repo: string; pull_number: number; per_page?: number; page?: number }): Promise<{
        headers: { link?: string };
        data: { filename: string; status: string; previous_filename?: string; patch?: string | null }[];
      }>;
    };
  };
}

export interface PullRef {
  owner: string;
  repo: string;
  pull_number: number;
}

export interface ListChangedFilesOptions {
  /** `pull_request.changed_files` from the webhook payload: at or over the cap, no call is made at all. */
  changedFilesHint?: number;
}

/** The listed files, all pages up to the cap; a hint at or over the cap skips the listing. */
export async function listChangedFiles(octokit: PullsClient, pr: PullRef, options: ListChangedFilesOptions = {}): Promise<ChangedFiles> {
  if (options.changedFilesHint !== undefined && options.changedFilesHint >= LIST_FILES_CAP) {
    return { complete: false, files: [], reason: capReason(options.changedFilesHint) };
  }
  const listed = await allPages(
    (page) => octokit.rest.pulls.listFiles({ owner: pr.owner, repo: pr.repo, pull_number: pr.pull_number, per_page: PER_PAGE, page }),
    LIST_FILES_CAP / PER_PAGE,
  );
  const files: ChangedFile[] = listed.map((item) => ({
    path: item.filename,
    status: item.status as ChangeStatus,
    ...(item.previous_filename !== undefined ? { previousPath: item.previous_filename } : {}),
    ...(typeof item.patch === 'string' ? { patch: item.patch } : {}),
  }));
  if (files.length >= LIST_FILES_CAP) return { complete: false, files, reason: capReason(files.length) };
  return { complete: true, files };
}

function capReason(count: number): string {
  return `the pull request changes ${count >= LIST_FILES_CAP ? `${LIST_FILES_CAP} or more` : count} files, more than the GitHub API lists (${LIST_FILES_CAP}); the changed files were found by comparing the base and head trees`;
}

/** Every path a change touches: both names of a rename or copy. Sorted, without duplicates. */
export function changedPathsOf(files: readonly ChangedFile[]): string[] {
  const paths = new Set<string>();
  for (const file of files) {
    paths.add(file.path);
    if (file.previousPath !== undefined) paths.add(file.previousPath);
  }
  return [...paths].sort(byCodeUnit);
}

export interface TreeFile {
  path: string;
  sha?: string;
  kind?: string;
}

/**
 * Base vs head listings by blob sha (and kind: a file that became a symlink changed). Pure; renames
 * show as a removal and an addition. Entries without a sha compare as changed.
 */
export function compareTrees(baseTree: readonly TreeFile[], headTree: readonly TreeFile[]): ChangedFile[] {
  const base = new Map(baseTree.map((entry) => [entry.path, entry]));
  const changes: ChangedFile[] = [];
  for (const entry of headTree) {
    const before = base.get(entry.path);
    if (!before) changes.push({ path: entry.path, status: 'added' });
    else if (before.sha === undefined || before.sha !== entry.sha || before.kind !== entry.kind) changes.push({ path: entry.path, status: 'modified' });
    base.delete(entry.path);
  }
  for (const path of base.keys()) changes.push({ path, status: 'removed' });
  return changes.sort((a, b) => byCodeUnit(a.path, b.path));
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
