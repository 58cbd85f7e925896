/**
 * Which files a pull request review must load: the analysis units the change touches, what they
 * read, and what reads them. Pure: it works from the changed paths, the listings and whatever
 * texts have been fetched so far, and says which further texts would refine the answer (`need`);
 * `resolveAffected` runs the fetch → refine loop a bounded number of rounds.
 *
 * The rules, kept simple (when in doubt a whole folder is included):
 * - A changed `.tf`/`.tf.json`/`.tfvars`/`.hcl` makes its folder a Terraform unit: every candidate
 *   file directly in that folder is loaded.
 * - A unit's texts are searched with cheap regexes for local module sources (`source = "./…"` or
 *   `"../…"`, Terragrunt `//` included), Terragrunt `config_path = "…"`, and `file(`,
 *   `templatefile(`, `filebase64(`, `fileexists(` arguments (`${path.module}`/`${path.root}`/
 *   `${path.cwd}` read as the unit's folder; a still-dynamic path includes every file under its
 *   static folder prefix). Module folders become units too, recursively. A Terragrunt unit also
 *   loads the `.hcl` files of its parent folders (`find_in_parent_folders`).
 * - Reverse: a changed folder that does not look like a root (no backend/cloud/provider block, no
 *   `.terraform.lock.hcl`, `terragrunt.hcl` or `.tfvars`) may be a module, and a changed non-HCL
 *   file may be read by `file()`: then every `.tf`/`.hcl` text of the tree is scanned (bounded by
 *   `maxScanFiles`) for callers, which become units; a caller that is itself module-like is
 *   followed in turn.
 * - A changed template / policy JSON / YAML is loaded itself, with the local files it names
 *   (`./x.yaml`, `../x.json`). When it exports values (`Export: Name:`) or imports them
 *   (`ImportValue`), every template of the tree is scanned: a template is paired with another when
 *   a static fragment of an export name (the text outside `${…}`, ≥ 4 characters) appears in the
 *   importer's text; an export name without a static fragment pairs with every importer.
 * - The configuration file (`.github/kms-review.yml`) changing changes every unit: all files.
 */
import { posix } from 'node:path';
import { CONFIG_PATH } from '../config/load.js';
import { isCandidatePath } from './load.js';

export interface AffectedInput {
  /** Paths the PR changes (both names of a rename). */
  changed: readonly string[];
  /** Every file path of the base and head listings (their union). */
  files: readonly string[];
  /** The texts fetched so far: path → one text per side that has it. */
  texts: ReadonlyMap<string, readonly string[]>;
  /** Files always loaded (e.g. the config's SCP paths). */
  alwaysInclude?: (path: string) => boolean;
  /** Upper bound of files read only to find reverse dependencies (default 1000). */
  maxScanFiles?: number;
}

export interface Affected {
  /** The files to load, sorted. */
  paths: string[];
  /** `terraform:<dir>`, `file:<path>`, `all` — for the check run's summary. */
  units: string[];
  /** Files whose texts the answer still depends on (not in `texts`). */
  need: string[];
  notes: string[];
}

const DEFAULT_MAX_SCAN_FILES = 1000;

const isTerraform = (path: string) => /\.(tf|tf\.json|tfvars|tfvars\.json|hcl)$/.test(path);
const isHcl = (path: string) => /\.(tf|hcl)$/.test(path);
const isTemplateLike = (path: string) => /\.(ya?ml|json|template)$/.test(path) && !isTerraform(path);

/**
 * True when the change can affect the review: a file the loader could read (IaC, policy, template,
 * tfvars, the config). Files of any other kind are never loaded, so they cannot change a finding.
 */
export function touchesIac(changedPaths: readonly string[]): boolean {
  return changedPaths.some((path) => isCandidatePath(path) || path === CONFIG_PATH);
}

/**
 * The analysis unit a file belongs to, named as `Affected.units` names them: a Terraform file's
 * folder (`terraform:<dir>`), any other candidate file by itself (`file:<path>`).
 */
export function unitOf(path: string): string {
  return isTerraform(path) ? `terraform:${dirOf(path) || '.'}` : `file:${path}`;
}

function dirOf(path: string): string {
  const dir = posix.dirname(path);
  return dir === '.' ? '' : dir;
}

/** `dir` + a relative reference, or undefined when it leaves the repository. */
function resolveFrom(dir: string, reference: string): string | undefined {
  const joined = posix.normalize(posix.join(dir || '.', reference));
  if (joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined)) return undefined;
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}

interface Refs {
  /** Folders: module sources and Terragrunt dependencies. */
  dirs: string[];
  /** Exact files (`file("…")`). */
  files: string[];
  /** Folder prefixes of dynamic `file()` paths. */
  prefixes: string[];
}

const SOURCE = /\b(?:source|config_path)\s*=\s*"(\.\.?\/[^"]*)"/g;
const FILE_CALL = /\b(?:file|templatefile|filebase64|fileexists)\(\s*"([^"]+)"/g;
const PATH_VAR = /\$\{\s*path\.(?:module|root|cwd)\s*\}/g;

/** The local references of a Terraform / Terragrunt text in folder `dir`. */
function terraformRefs(dir: string, text: string): Refs {
  const refs: Refs = { dirs: [], files: [], prefixes: [] };
  for (const [, raw] of text.matchAll(SOURCE)) {
    const target = resolveFrom(dir, raw.split('?')[0].replace(/\/\/+/g, '/'));
    if (target !== undefined) refs.dirs.push(target);
  }
  for (const [, raw] of text.matchAll(FILE_CALL)) {
    const path = raw.replace(PATH_VAR, '.');
    const dynamic = path.indexOf('${');
    if (dynamic < 0) {
      const target = resolveFrom(dir, path);
      if (target !== undefined) refs.files.push(target);
    } else {
      const prefix = resolveFrom(dir, path.slice(0, dynamic).replace(/[^/]*$/, '') || '.');
      if (prefix !== undefined) refs.prefixes.push(prefix);
    }
  }
  return refs;
}

const ROOT_TEXT = /^\s*(?:backend\s+"|cloud\s*\{|provider\s+")/m;

const LOCAL_FILE = /["'\s:](\.\.?\/[^\s"',}]+)/g;
const EXPORT_YAML = /\bExport:\s*\n\s*Name:\s*(.+)/g;
const EXPORT_JSON = /"Export"\s*:\s*\{\s*"Name"\s*:\s*("[^"]*"|\{[^}]*\})/g;
const NOT_FRAGMENTS = new Set(['Fn::Sub', 'Fn::Join', 'Fn::ImportValue', 'Sub', 'Ref', 'Join', 'AWS::StackName', 'AWS::Region', 'AWS::AccountId']);

/** Static fragments of a template's export names; `[]` in the list marks a fully dynamic name. */
function exportFragments(text: string): string[][] {
  const names = [...text.matchAll(EXPORT_YAML), ...text.matchAll(EXPORT_JSON)].map((match) => match[1]);
  return names.map((name) => (name.replace(/\$\{[^}]*\}/g, ' ').match(/[A-Za-z0-9_.:-]{4,}/g) ?? []).filter((fragment) => !NOT_FRAGMENTS.has(fragment)));
}

/** The files to load for the change, as far as the given texts allow; see the module comment. */
export function affectedPaths(input: AffectedInput): Affected {
  const maxScan = input.maxScanFiles ?? DEFAULT_MAX_SCAN_FILES;
  const files = new Set(input.files);
  const byDir = new Map<string, string[]>();
  for (const path of input.files) {
    const dir = dirOf(path);
    const list = byDir.get(dir);
    if (list) list.push(path);
    else byDir.set(dir, [path]);
  }
  const textsOf = (path: string) => input.texts.get(path) ?? [];
  const has = (path: string) => input.texts.has(path);
  const notes: string[] = [];

  if (input.changed.includes(CONFIG_PATH)) {
    const paths = input.files.filter(isCandidatePath).sort();
    return { paths, units: ['all'], need: [], notes: [`${CONFIG_PATH} changed: every unit is reviewed`] };
  }

  const tfDirs = new Set<string>();
  const loose = new Set<string>();
  const units = new Set<string>();
  const changedDirs = new Set<string>();
  const changedOther: string[] = [];
  for (const path of input.changed) {
    if (!isCandidatePath(path)) continue;
    if (isTerraform(path)) {
      tfDirs.add(dirOf(path));
      changedDirs.add(dirOf(path));
    } else {
      loose.add(path);
      if (!path.startsWith('.github/')) changedOther.push(path);
    }
  }
  for (const path of input.files) if (input.alwaysInclude?.(path)) loose.add(path);

  const dirFiles = (dir: string) => (byDir.get(dir) ?? []).filter(isCandidatePath);
  const isRootLike = (dir: string) =>
    dirFiles(dir).some((path) => /(^|\/)(\.terraform\.lock\.hcl|terragrunt\.hcl)$|\.tfvars(\.json)?$/.test(path)) ||
    dirFiles(dir).some((path) => isHcl(path) && textsOf(path).some((text) => ROOT_TEXT.test(text)));
  const dirTextsKnown = (dir: string) => dirFiles(dir).every(has);

  // Reverse scans: who calls a module-like changed folder / reads a changed file; which templates pair.
  const tfScan = input.files.filter(isHcl);
  const templateScan = input.files.filter(isTemplateLike);
  const need = new Set<string>();
  const wantScan = (scan: string[], why: string): boolean => {
    const missing = scan.filter((path) => !has(path));
    if (missing.length === 0) return true;
    if (scan.length > maxScan) {
      const note = `${why}: not searched, ${scan.length} files is over the scan bound (${maxScan})`;
      if (!notes.includes(note)) notes.push(note);
      return false;
    }
    for (const path of missing) need.add(path);
    return false;
  };

  // Forward closure of Terraform folders and loose files, then reverse callers; repeat until stable.
  const done = new Set<string>();
  const reverseFrom = new Set<string>([...changedOther]);
  for (let pass = 0; pass < 1000; pass++) {
    const before = tfDirs.size + loose.size + reverseFrom.size;
    for (const dir of [...tfDirs]) {
      if (done.has(dir)) continue;
      done.add(dir);
      units.add(`terraform:${dir || '.'}`);
      if (dirFiles(dir).some((path) => path.endsWith('terragrunt.hcl'))) {
        for (let up = dir; up !== ''; ) {
          up = dirOf(up);
          for (const path of dirFiles(up)) if (path.endsWith('.hcl')) loose.add(path);
        }
      }
      for (const path of dirFiles(dir)) {
        if (!isTerraform(path)) continue;
        for (const text of textsOf(path)) {
          const refs = terraformRefs(dir, text);
          for (const target of refs.dirs) if (byDir.has(target)) tfDirs.add(target);
          for (const target of refs.files) if (files.has(target)) loose.add(target);
          for (const prefix of refs.prefixes) {
            for (const candidate of input.files) if (candidate.startsWith(prefix === '' ? '' : `${prefix}/`)) loose.add(candidate);
          }
        }
      }
    }
    for (const dir of changedDirs) if (dirTextsKnown(dir) && !isRootLike(dir)) reverseFrom.add(`${dir}/`);
    if (reverseFrom.size > 0 && wantScan(tfScan, `callers of ${[...reverseFrom].map((t) => t || './').join(', ')}`)) {
      for (const path of tfScan) {
        const dir = dirOf(path);
        if (tfDirs.has(dir)) continue;
        for (const text of textsOf(path)) {
          const refs = terraformRefs(dir, text);
          const hit =
            refs.dirs.some((target) => reverseFrom.has(`${target}/`)) ||
            refs.files.some((target) => reverseFrom.has(target)) ||
            refs.prefixes.some((prefix) => [...reverseFrom].some((target) => !target.endsWith('/') && (prefix === '' || target.startsWith(`${prefix}/`))));
          if (!hit) continue;
          tfDirs.add(dir);
          if (dirTextsKnown(dir) && !isRootLike(dir)) reverseFrom.add(`${dir}/`);
        }
      }
    }
    if (tfDirs.size + loose.size + reverseFrom.size === before) break;
  }

  // Templates: their local files, and the stacks paired with them by exports / imports.
  const templates = [...loose].filter(isTemplateLike);
  for (const path of templates) units.add(`file:${path}`);
  const pairing = templates.filter((path) => textsOf(path).some((text) => /ImportValue|\bExport\b/.test(text)));
  for (const path of templates) {
    for (const text of textsOf(path)) {
      for (const [, raw] of text.matchAll(LOCAL_FILE)) {
        const target = resolveFrom(dirOf(path), raw);
        if (target !== undefined && files.has(target) && isCandidatePath(target)) loose.add(target);
      }
    }
  }
  if (pairing.length > 0 && wantScan(templateScan, `stacks paired by exports with ${pairing.join(', ')}`)) {
    const exportsOf = (path: string) => textsOf(path).flatMap(exportFragments);
    const imports = (path: string) => textsOf(path).some((text) => text.includes('ImportValue'));
    const pairs = (exporter: string, importer: string) =>
      imports(importer) &&
      exportsOf(exporter).some((fragments) => fragments.length === 0 || fragments.some((f) => textsOf(importer).some((t) => t.includes(f))));
    for (const changed of pairing) {
      for (const other of templateScan) {
        if (other !== changed && (pairs(changed, other) || pairs(other, changed))) {
          loose.add(other);
          units.add(`file:${other}`);
        }
      }
    }
  }
  for (const path of loose) if (isCandidatePath(path) && !isTemplateLike(path) && !isTerraform(path)) units.add(`file:${path}`);

  const paths = new Set<string>();
  for (const dir of tfDirs) for (const path of dirFiles(dir)) paths.add(path);
  for (const path of loose) if (files.has(path) && isCandidatePath(path)) paths.add(path);
  for (const path of paths) if (!has(path)) need.add(path);
  return { paths: [...paths].sort(), units: [...units].sort(), need: [...need].sort(), notes };
}

export interface ResolveOptions {
  /** Fetch → refine rounds at most (default 4). */
  maxRounds?: number;
  alwaysInclude?: (path: string) => boolean;
  maxScanFiles?: number;
}

/**
 * Runs `affectedPaths`, fetches what it needs (`read` returns, per path, the texts of the sides
 * that have it; a path it cannot read maps to `[]`), and again, until nothing more is needed or
 * the rounds run out (then it says so and returns the best answer so far).
 */
export async function resolveAffected(
  changed: readonly string[],
  files: readonly string[],
  read: (paths: string[]) => Promise<ReadonlyMap<string, readonly string[]>>,
  options: ResolveOptions = {},
): Promise<Affected & { rounds: number }> {
  const texts = new Map<string, readonly string[]>();
  const maxRounds = options.maxRounds ?? 4;
  const input = (): AffectedInput => ({
    changed,
    files,
    texts,
    ...(options.alwaysInclude ? { alwaysInclude: options.alwaysInclude } : {}),
    ...(options.maxScanFiles !== undefined ? { maxScanFiles: options.maxScanFiles } : {}),
  });
  let affected = affectedPaths(input());
  let rounds = 0;
  while (affected.need.length > 0 && rounds < maxRounds) {
    rounds++;
    const got = await read(affected.need);
    for (const path of affected.need) texts.set(path, got.get(path) ?? []);
    affected = affectedPaths(input());
  }
  if (affected.need.length > 0) affected.notes.push(`dependencies not fully resolved after ${maxRounds} fetch rounds`);
  return { ...affected, rounds };
}
