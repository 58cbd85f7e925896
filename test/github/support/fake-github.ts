/**
 * A GitHub repository served by nock at the HTTP level: git trees (recursive or level by level,
 * optionally truncated), blobs through GraphQL `object(oid:)` aliases and REST, and a pull
 * request's file list with `link` pagination. Every request is logged for exact assertions.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import nock from 'nock';

export const API = 'https://api.github.com';

/** Git's blob id: sha1 of `blob <length>\0<content>`. */
export function gitBlobSha(content: string | Buffer): string {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

export function fakeSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}

/** A file's content, or a special entry. */
export type FakeFile = string | Buffer | { symlink: string } | { submodule: string };

export function readFolder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const full = join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[relative(dir, full).split(sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(dir);
  return files;
}

interface TreeItem {
  path: string;
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  sha: string;
  size?: number;
}

export interface LoggedRequest {
  method: string;
  path: string;
  body?: unknown;
}

interface Commit {
  rootTree: string;
  recursive: TreeItem[];
  truncated: boolean;
}

export class FakeGithub {
  readonly log: LoggedRequest[] = [];
  readonly blobs = new Map<string, Buffer>();
  /** tree sha → its direct entries. */
  readonly trees = new Map<string, TreeItem[]>();
  readonly commits = new Map<string, Commit>();
  /** GraphQL returns `isTruncated: true` and a cut text beyond this many bytes. */
  graphqlTextLimit = Number.POSITIVE_INFINITY;
  pullFiles: { filename: string; status: string; previous_filename?: string; patch?: string }[] = [];

  constructor(
    readonly owner = 'acme',
    readonly repo = 'infra',
  ) {}

  /** Adds a commit whose tree holds `files`; `truncated` makes the recursive answer truncated. */
  commit(commitSha: string, files: Record<string, FakeFile>, options: { truncated?: boolean } = {}): string {
    const root = this.#tree(
      '',
      Object.entries(files).map(([path, file]) => [path.split('/'), file] as const),
    );
    const recursive: TreeItem[] = [];
    const flatten = (treeSha: string, prefix: string) => {
      for (const item of this.trees.get(treeSha) ?? []) {
        const path = prefix ? `${prefix}/${item.path}` : item.path;
        recursive.push({ ...item, path });
        if (item.type === 'tree') flatten(item.sha, path);
      }
    };
    flatten(root, '');
    this.commits.set(commitSha, { rootTree: root, recursive, truncated: options.truncated ?? false });
    return root;
  }

  #tree(name: string, files: (readonly [string[], FakeFile])[]): string {
    const items: TreeItem[] = [];
    const folders = new Map<string, (readonly [string[], FakeFile])[]>();
    for (const [parts, file] of files) {
      if (parts.length > 1) {
        const list = folders.get(parts[0]) ?? [];
        list.push([parts.slice(1), file]);
        folders.set(parts[0], list);
        continue;
      }
      const path = parts[0];
      if (typeof file === 'object' && 'submodule' in file) items.push({ path, mode: '160000', type: 'commit', sha: file.submodule });
      else {
        const bytes = typeof file === 'object' && 'symlink' in file ? Buffer.from(file.symlink) : Buffer.from(file as string | Buffer);
        const sha = gitBlobSha(bytes);
        this.blobs.set(sha, bytes);
        items.push({ path, mode: typeof file === 'object' && 'symlink' in file ? '120000' : '100644', type: 'blob', sha, size: bytes.length });
      }
    }
    for (const [folder, inner] of folders) items.push({ path: folder, mode: '040000', type: 'tree', sha: this.#tree(`${name}/${folder}`, inner) });
    items.sort((a, b) => (a.path < b.path ? -1 : 1));
    const sha = fakeSha(`tree ${JSON.stringify(items)}`);
    this.trees.set(sha, items);
    return sha;
  }

  /** Installs the interceptors (persisting; `nock.cleanAll()` removes them). */
  serve(): void {
    const base = `/repos/${this.owner}/${this.repo}`;
    const scope = nock(API).persist();
    scope.get(new RegExp(`^${base}/git/trees/[0-9a-f]{40}`)).reply((uri) => {
      this.log.push({ method: 'GET', path: uri });
      const url = new URL(uri, API);
      const sha = url.pathname.split('/').pop()!;
      if (url.searchParams.get('recursive')) {
        const commit = this.commits.get(sha) ?? [...this.commits.values()].find((c) => c.rootTree === sha);
        if (!commit) return [404, { message: 'Not Found' }];
        const tree = commit.truncated ? commit.recursive.slice(0, 3) : commit.recursive;
        return [200, { sha: commit.rootTree, url: `${API}${base}/git/trees/${commit.rootTree}`, tree, truncated: commit.truncated }];
      }
      const items = this.trees.get(sha) ?? this.trees.get(this.commits.get(sha)?.rootTree ?? '');
      if (!items) return [404, { message: 'Not Found' }];
      return [200, { sha, url: `${API}${base}/git/trees/${sha}`, tree: items, truncated: false }];
    });
    scope.get(new RegExp(`^${base}/git/blobs/[0-9a-f]{40}$`)).reply((uri) => {
      this.log.push({ method: 'GET', path: uri });
      const sha = uri.split('/').pop()!;
      const bytes = this.blobs.get(sha);
      if (!bytes) return [404, { message: 'Not Found' }];
      return [200, { sha, size: bytes.length, encoding: 'base64', content: bytes.toString('base64'), node_id: 'x', url: '' }];
    });
    scope.post('/graphql').reply((uri, body) => {
      const { query, variables } = body as { query: string; variables: Record<string, string> };
      this.log.push({ method: 'POST', path: uri, body });
      if (variables.owner !== this.owner || variables.name !== this.repo) return [200, { data: { repository: null } }];
      const repository: Record<string, unknown> = {};
      for (const [, alias, oid] of query.matchAll(/(\w+): object\(oid: "([0-9a-f]+)"\)/g)) {
        const bytes = this.blobs.get(oid);
        if (!bytes) {
          repository[alias] = null;
          continue;
        }
        const binary = bytes.subarray(0, 8000).includes(0);
        const truncated = bytes.length > this.graphqlTextLimit;
        const text = binary ? null : (truncated ? bytes.subarray(0, this.graphqlTextLimit) : bytes).toString('utf8');
        repository[alias] = { byteSize: bytes.length, isBinary: binary, isTruncated: truncated, text };
      }
      return [200, { data: { repository } }];
    });
    scope.get(new RegExp(`^${base}/pulls/\\d+/files`)).reply((uri) => {
      this.log.push({ method: 'GET', path: uri });
      const url = new URL(uri, API);
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      // The API stops at 3,000 files whatever the PR holds.
      const listed = this.pullFiles.slice(0, 3000);
      const pages = Math.max(1, Math.ceil(listed.length / perPage));
      const link = (n: number, rel: string) => `<${API}${url.pathname}?per_page=${perPage}&page=${n}>; rel="${rel}"`;
      const headers: Record<string, string> = {};
      if (page < pages) headers.link = [link(page + 1, 'next'), link(pages, 'last')].join(', ');
      return [200, listed.slice((page - 1) * perPage, page * perPage), headers];
    });
  }

  /** The log as `METHOD path` lines (GraphQL: with the aliases count). */
  lines(): string[] {
    return this.log.map((entry) => {
      if (entry.method === 'POST') {
        const query = (entry.body as { query: string }).query;
        return `POST ${entry.path} (${[...query.matchAll(/object\(oid:/g)].length} blobs)`;
      }
      return `${entry.method} ${entry.path}`;
    });
  }
}
