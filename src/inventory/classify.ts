/**
 * Environment, workload, data class and owner of keys and consumers, each with where it came
 * from. Order (first hit wins): the resource's own tags → the provider's default_tags →
 * `.github/kms-review.yml` path mappings → how the unit is deployed (tfvars file, workspace,
 * terragrunt folder) → path conventions → name conventions → (for a consumer's data class and
 * owner only) the tags of the key it uses. See docs/classification.md.
 */
import picomatch from 'picomatch';
import type { Config } from '../config/schema.js';
import { flat } from '../model/strings.js';
import type { Classifications, Classified, Dimension, Resource, UnitInfo } from '../model/types.js';
import { DIMENSIONS } from '../model/types.js';
import { canonicalEnvironment, environmentOfNameSuffix, environmentOfSegment, WORKLOAD_CONTAINER_FOLDERS } from './conventions.js';

export interface Classifier {
  classify(subject: Subject): Classifications;
}

export interface Subject {
  resource?: Resource;
  unit?: UnitInfo;
  /** File the subject is declared in (consumers, declared keys). */
  file?: string;
  /** Names that may carry a convention: alias names for keys, the resource name for consumers. */
  names: string[];
  /** Classification of the key a consumer uses, for the data class / owner fallback. */
  keyTags?: Classifications;
}

export function createClassifier(config: Config): Classifier {
  const environmentGlobs = Object.entries(config.environments).map(([env, globs]) => ({ env, match: picomatch(globs, { dot: true }) }));
  const workloadGlobs = config.workloads.map((w) => ({ ...w, match: picomatch(w.paths, { dot: true }) }));

  // Tags by lower-cased name for the tag set read last: classify reads one resource's tags for every
  // dimension in a row, and a table per tag set kept to the end cost more than making it again.
  let lastTags: Record<string, string> | undefined;
  let lastByLower = new Map<string, { k: string; v: string }>();
  const tagsByLowerName = (tags: Record<string, string>): Map<string, { k: string; v: string }> => {
    if (tags !== lastTags) {
      lastTags = tags;
      lastByLower = new Map(Object.entries(tags).map(([k, v]) => [k.toLowerCase(), { k, v }]));
    }
    return lastByLower;
  };

  const fromTags = (tags: Record<string, string> | undefined, dim: Dimension, from: 'tag' | 'default-tags', owner: string, unit: string): Classified => {
    if (!tags) return null;
    const byLower = tagsByLowerName(tags);
    for (const name of config.tags[dim]) {
      const hit = byLower.get(name.toLowerCase());
      if (hit && hit.v.trim() !== '') {
        const where = from === 'tag' ? `tag ${hit.k}=${hit.v} on ${owner}` : `provider default_tags ${hit.k}=${hit.v} in ${unit}`;
        return { value: normalise(dim, hit.v), from, detail: where };
      }
    }
    return null;
  };

  // A provider's default tags classify every resource of its unit alike: one classification each, shared.
  const defaultTagHits = new WeakMap<Record<string, string>, Map<string, Classified>>();
  const fromDefaultTags = (tags: Record<string, string> | undefined, dim: Dimension, unit: string): Classified => {
    if (!tags) return null;
    let hits = defaultTagHits.get(tags);
    if (!hits) {
      hits = new Map();
      defaultTagHits.set(tags, hits);
    }
    const id = `${dim} ${unit}`;
    let hit = hits.get(id);
    if (hit === undefined) {
      hit = fromTags(tags, dim, 'default-tags', '', unit);
      if (hit) hit.detail = flat(hit.detail);
      hits.set(id, hit);
    }
    return hit;
  };

  const fromConfig = (file: string | undefined, dim: Dimension): Classified => {
    if (!file) return null;
    if (dim === 'environment') {
      const hit = environmentGlobs.find((g) => g.match(file));
      return hit ? { value: canonicalEnvironment(hit.env), from: 'config', detail: `config environments.${hit.env} matches ${file}` } : null;
    }
    const hit = workloadGlobs.find((w) => w.match(file));
    if (!hit) return null;
    const value = dim === 'workload' ? hit.name : dim === 'dataClass' ? hit.dataClass : dim === 'owner' ? hit.owner : undefined;
    return value ? { value, from: 'config', detail: `config workload "${hit.name}" matches ${file}` } : null;
  };

  const fromUnit = (unit: UnitInfo | undefined, dim: Dimension): Classified => {
    if (dim !== 'environment' || !unit?.environment) return null;
    const from = unit.environment.detail.includes('workspace') ? 'workspace' : 'path';
    return { value: canonicalEnvironment(unit.environment.value), from, detail: unit.environment.detail };
  };

  const fromPath = (file: string | undefined, dim: Dimension): Classified => {
    if (!file) return null;
    const segments = file.split('/').slice(0, -1);
    if (dim === 'environment') {
      const segment = segments.find((s) => environmentOfSegment(s));
      return segment ? { value: environmentOfSegment(segment) as string, from: 'path', detail: `path ${file}` } : null;
    }
    if (dim === 'workload') {
      const at = segments.findIndex((s) => WORKLOAD_CONTAINER_FOLDERS.has(s.toLowerCase()));
      const name = at >= 0 ? segments[at + 1] : undefined;
      return name ? { value: name, from: 'path', detail: `path ${file}` } : null;
    }
    return null;
  };

  const fromNames = (names: string[], dim: Dimension): Classified => {
    if (dim !== 'environment' && dim !== 'workload') return null;
    for (const name of names) {
      const base =
        name
          .replace(/^alias\//, '')
          .split('/')
          .pop() ?? name;
      const hit = environmentOfNameSuffix(base);
      if (!hit) continue;
      const value = dim === 'environment' ? hit.env : hit.stem;
      if (value) return { value, from: 'name', detail: `name ${name}` };
    }
    return null;
  };

  const fromKey = (key: Classifications | undefined, dim: Dimension): Classified => {
    if (dim !== 'dataClass' && dim !== 'owner') return null;
    const hit = key?.[dim];
    return hit && (hit.from === 'tag' || hit.from === 'default-tags') ? { value: hit.value, from: 'key-tag', detail: `${hit.detail} (the key)` } : null;
  };

  return {
    classify(subject) {
      const r = subject.resource;
      const owner = r ? r.address : '';
      const result = {} as Classifications;
      for (const dim of DIMENSIONS) {
        const hit =
          fromTags(r?.tags, dim, 'tag', owner, r?.unit ?? '') ??
          fromDefaultTags(r?.defaultTags, dim, r?.unit ?? '') ??
          fromConfig(subject.file, dim) ??
          fromUnit(subject.unit, dim) ??
          fromPath(subject.file, dim) ??
          fromNames(subject.names, dim) ??
          fromKey(subject.keyTags, dim);
        // Every consumer of every key holds one per dimension until the end: flat, not a rope.
        if (hit) hit.detail = flat(hit.detail);
        result[dim] = hit;
      }
      return result;
    },
  };
}

function normalise(dim: Dimension, value: string): string {
  return dim === 'environment' ? canonicalEnvironment(value) : value.trim();
}
