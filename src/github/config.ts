/**
 * The review's configuration is `.github/kms-review.yml` of the pull request's **base** tree (never
 * the head: a pull request cannot switch off its own rules).
 *
 * - `loadBaseConfig`: the file as the first blob batch of the review brought it, parsed by
 *   `parseConfig` — no call of its own.
 * - `loadRepoConfig`: the same file through Probot's config plugin (what `context.config` uses), at
 *   the base commit: for a file with `_extends` (the plugin follows the chain), for a file absent
 *   from the base tree (then the owner's `.github` repository may hold the organisation's defaults;
 *   no file anywhere: the defaults), and before the trees are read (drafts, no IaC change).
 *   Validated with our schema; errors are located in the file that holds the offending value (YAML
 *   path and line) so the check run can point at them; nothing throws for a bad file. The raw texts
 *   are captured from the plugin's own requests: no extra API call.
 */
import { isMap, isNode, LineCounter, parseDocument } from 'yaml';
import { CONFIG_PATH, type ConfigError, defaultConfig, type LoadedConfig, parseConfig } from '../config/load.js';
import { configSchema } from '../config/schema.js';

type Repo = { owner: string; repo: string };

export interface RepoConfig extends LoadedConfig {
  /** The files read, repository first (`owner/repo:path`). */
  files: string[];
  /** Each error names its file when it is not the repository's own. */
  errors: (ConfigError & { file?: string })[];
}

interface ConfigFile {
  owner: string;
  repo: string;
  path: string;
  url: string;
  config: Record<string, unknown> | null;
}

type RequestOptions = { url?: string; method?: string; mediaType?: { format?: string } } & Record<string, unknown>;

export interface ConfigClient {
  config: {
    get(options: {
      owner: string;
      repo: string;
      path: string;
      branch?: string;
      defaults?: (configs: object[]) => object;
    }): Promise<{ config: object; files: ConfigFile[] }>;
  };
  hook: {
    after(name: 'request', fn: (response: { data: unknown }, options: RequestOptions) => void): void;
    remove(name: 'request', fn: (response: { data: unknown }, options: RequestOptions) => void): void;
  };
  request: { endpoint(options: RequestOptions): { url: string } };
}

/** Objects merge key by key; arrays and scalars of the more specific file replace the others. */
export function mergeConfigs(configs: readonly object[]): Record<string, unknown> {
  const merge = (a: unknown, b: unknown): unknown => {
    if (isPlain(a) && isPlain(b)) {
      const out: Record<string, unknown> = { ...a };
      for (const [k, v] of Object.entries(b)) out[k] = k in out ? merge(out[k], v) : v;
      return out;
    }
    return b;
  };
  return configs.reduce<Record<string, unknown>>((acc, c) => merge(acc, c) as Record<string, unknown>, {});
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The base tree's file (`undefined`: none there): parsed here, unless it extends another file or is absent (then `loadRepoConfig`). */
export async function loadBaseConfig(octokit: ConfigClient, repo: Repo, baseSha: string, text: string | undefined): Promise<RepoConfig> {
  if (text === undefined) return loadRepoConfig(octokit, repo, { ref: baseSha, known: 'absent' });
  if (extendsAnother(text)) return loadRepoConfig(octokit, repo, { ref: baseSha });
  return { ...parseConfig(text), files: [CONFIG_PATH] };
}

function extendsAnother(text: string): boolean {
  const doc = parseDocument(text);
  return doc.errors.length === 0 && isMap(doc.contents) && doc.has('_extends');
}

/**
 * `ref`: the commit whose file counts (the pull request's base). `known: 'absent'`: the base tree
 * was read and has no file, so only the owner's `.github` repository is asked (one call, not two).
 */
export async function loadRepoConfig(octokit: ConfigClient, repo: Repo, at: { ref: string; known?: 'absent' }): Promise<RepoConfig> {
  const raw = new Map<string, string>();
  const capture = (response: { data: unknown }, options: RequestOptions) => {
    if (options.mediaType?.format === 'raw' && typeof response.data === 'string') raw.set(octokit.request.endpoint(options).url, response.data);
  };
  octokit.hook.after('request', capture);
  let result: { config: object; files: ConfigFile[] };
  try {
    const where = at.known === 'absent' ? { owner: repo.owner, repo: '.github' } : { ...repo, branch: at.ref };
    result = await octokit.config.get({ ...where, path: CONFIG_PATH, defaults: (configs) => mergeConfigs(configs) });
  } catch (error) {
    const located = yamlError(error, raw, repo);
    if (located) return located;
    throw error;
  } finally {
    octokit.hook.remove('request', capture);
  }
  const files = result.files.filter((f) => f.config !== null);
  const names = files.map((f) => fileName(f, repo));
  const parsed = configSchema.safeParse(result.config);
  if (parsed.success) return { config: parsed.data, errors: [], files: names };
  const errors = parsed.error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const message = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
    const where = locate(path, files, raw, repo);
    return { path: path.join('.'), message, line: where.line, ...(where.file !== CONFIG_PATH ? { file: where.file } : {}) };
  });
  return { config: defaultConfig(), errors, files: names };
}

function fileName(f: Pick<ConfigFile, 'owner' | 'repo' | 'path'>, repo: Repo): string {
  return f.owner === repo.owner && f.repo === repo.repo ? f.path : `${f.owner}/${f.repo}:${f.path}`;
}

/** The first file (most specific first) that holds the path, or its deepest existing parent, and the line. */
function locate(path: (string | number)[], files: ConfigFile[], raw: Map<string, string>, repo: Repo): { file: string; line: number } {
  for (let depth = path.length; depth >= 0; depth--) {
    for (const f of files) {
      const text = raw.get(f.url);
      if (text === undefined) continue;
      const lines = new LineCounter();
      const doc = parseDocument(text, { lineCounter: lines });
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (depth > 0 && !doc.hasIn(path.slice(0, depth))) continue;
      const offset = isNode(node) && node.range ? node.range[0] : 0;
      return { file: fileName(f, repo), line: lines.linePos(offset).line };
    }
  }
  return { file: CONFIG_PATH, line: 1 };
}

/** The plugin throws on a file that is not YAML; our own parser says where. */
function yamlError(error: unknown, raw: Map<string, string>, repo: Repo): RepoConfig | undefined {
  const message = (error as Error)?.message ?? '';
  if (!message.includes('[@probot/octokit-plugin-config]')) return undefined;
  for (const [url, text] of raw) {
    if (!message.includes(url)) continue;
    const parsed = parseConfig(text);
    const path = decodeURIComponent(new URL(url).pathname.replace(/^.*\/contents\//, ''));
    const owner = new URL(url).pathname.split('/')[2];
    const name = new URL(url).pathname.split('/')[3];
    const file = fileName({ owner, repo: name, path }, repo);
    const errors = parsed.errors.length > 0 ? parsed.errors : [{ path: '', message: message.replace(/^\[@probot\/octokit-plugin-config\] /, ''), line: 1 }];
    return { config: defaultConfig(), errors: errors.map((e) => (file !== CONFIG_PATH ? { ...e, file } : e)), files: [file] };
  }
  return {
    config: defaultConfig(),
    errors: [{ path: '', message: message.replace(/^\[@probot\/octokit-plugin-config\] /, '').replace(/https?:\/\/\S+/, CONFIG_PATH), line: 1 }],
    files: [],
  };
}
