/**
 * KMS402: a declared key lacks required tags. A required tag is present when the key's own tags
 * or the provider's default tags carry it (case-insensitive), or one of the synonyms configured
 * in `tags.<dimension>` when the required tag is that dimension's first name. An empty value is
 * no tag. When the key's tags cannot be read statically, the rule stays quiet.
 */
import { keyTypeSpecFor } from '../catalog/keys.js';
import type { Config } from '../config/schema.js';
import type { Inventory, Key } from '../inventory/types.js';
import type { Dimension, Resource, Value } from '../model/types.js';
import { DIMENSIONS } from '../model/types.js';
import { isRecord, isSymbolic } from '../model/value.js';
import { declaredCustomerKeys, nameOf } from './support/governance.js';
import { resourceById } from './support/lookup.js';
import { joinWords } from './support/words.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

export const kms402: Rule = {
  id: 'KMS402',
  name: 'missing-ownership-tags',
  principle: 'governance',
  defaultSeverity: 'low',
  rationale:
    'Tags such as Environment, DataClass and Owner say which stage, which data and which team a key belongs to; without them nobody can tell who approves a policy change or what breaks when the key is disabled.',
  check(ctx) {
    const required = requiredTags(ctx.config);
    if (required.length === 0) return [];
    const drafts: FindingDraft[] = [];
    for (const key of declaredCustomerKeys(ctx.inventory)) {
      const resource = resourceById(ctx.resources, key.id);
      const present = resource ? tagNames(resource) : undefined;
      if (!present) continue;
      const lower = new Set(present.map((name) => name.toLowerCase()));
      const missing = required.filter((tag) => !tag.accepted.some((name) => lower.has(name.toLowerCase())));
      if (missing.length === 0) continue;
      const names = missing.map((tag) => tag.name);
      const tags = missing.map((tag) => ({ name: tag.name, value: valueFor(key, tag.dimension) }));
      drafts.push({
        key: key.id,
        subjects: [key.id],
        message:
          `Key ${keyIdentity(ctx, key)} has no ${joinWords(names)} tag${names.length > 1 ? 's' : ''}; ` +
          `${HOW_TO_TAG[resource?.source ?? 'terraform'](tags)}.`,
        evidence: {
          missing: names,
          accepted: Object.fromEntries(missing.map((tag) => [tag.name, tag.accepted])),
          present: [...new Set(present)].sort(),
        },
        ...(key.location ? { location: key.location } : {}),
        identity: 'tags',
      });
    }
    return drafts;
  },
};

interface TagToAdd {
  name: string;
  value: string;
}

const terraformHow = (tags: TagToAdd[]) => `add ${joinWords(tags.map((t) => `${t.name} = "${t.value}"`))} to the key or the provider default_tags`;
const HOW_TO_TAG: Record<Resource['source'], (tags: TagToAdd[]) => string> = {
  terraform: terraformHow,
  plan: terraformHow,
  cloudformation: (tags) => `add ${joinWords(tags.map((t) => `{ Key: ${t.name}, Value: ${t.value} }`))} to the key's Tags`,
  policy: (tags) => `tag the key with ${joinWords(tags.map((t) => `${t.name}=${t.value}`))}`,
};

/** What to write when the value is not known: the kind of value the tag holds. */
const PLACEHOLDER: Record<Dimension, string> = { environment: '<env>', workload: '<workload>', dataClass: '<class>', owner: '<team>' };

/** The key's own classification where the tag names a dimension the tool already knows for it. */
function valueFor(key: Key, dimension: Dimension | undefined): string {
  if (!dimension) return '<value>';
  return key[dimension]?.value ?? PLACEHOLDER[dimension];
}

/**
 * `alias/platform-prod (envs/prod/kms.tf:5)`: alias (else address) and line; when another key has
 * the same name and line (one root deployed per workspace or tfvars file), its unit too.
 */
function keyIdentity(ctx: RuleContext, key: Key): string {
  const name = key.aliases[0] ?? nameOf(ctx, key.id);
  if (!key.location) return name;
  const line = `${key.location.file}:${key.location.startLine}`;
  const twin = otherKeyAt(ctx.inventory, key, name, line);
  return `${name} (${line}${twin && key.unit ? `, ${key.unit}` : ''})`;
}

function otherKeyAt(inventory: Inventory, key: Key, name: string, line: string): boolean {
  return declaredCustomerKeys(inventory).some(
    (k) => k !== key && (k.aliases[0] ?? k.id.slice(k.id.indexOf(':') + 1)) === name && k.location && `${k.location.file}:${k.location.startLine}` === line,
  );
}

/** Plans also record `tags_all`: the key's tags merged with the provider's default tags. */
const EXTRA_TAG_ATTRIBUTES: Partial<Record<Resource['source'], string>> = { plan: 'tags_all' };

interface RequiredTag {
  name: string;
  /** The classification dimension whose first configured tag name this is. */
  dimension?: Dimension;
  /** Tag names that satisfy it: itself, plus the synonyms of the dimension it is the first name of. */
  accepted: string[];
}

function requiredTags(config: Config): RequiredTag[] {
  return config.thresholds.requiredTags.map((name) => {
    const dimension = DIMENSIONS.find((d) => config.tags[d][0]?.toLowerCase() === name.toLowerCase());
    return dimension ? { name, dimension, accepted: [name, ...config.tags[dimension].slice(1)] } : { name, accepted: [name] };
  });
}

/** Names of the tags set on the key (provider default and own), or undefined when they cannot be told. */
function tagNames(resource: Resource): string[] | undefined {
  const attributes = [keyTypeSpecFor(resource.source, resource.type)?.attributes.tags, EXTRA_TAG_ATTRIBUTES[resource.source]];
  const names = Object.entries(resource.defaultTags ?? {}).flatMap(([name, value]) => (isSet(value) ? [name] : []));
  for (const attribute of attributes) {
    const own = attribute ? ownTagNames(resource.attrs[attribute]) : [];
    if (!own) return undefined;
    names.push(...own);
  }
  return names;
}

/** Terraform map or CloudFormation `[{Key, Value}]`; a value not known statically still counts as set. */
function ownTagNames(value: Value | undefined): string[] | undefined {
  if (value === undefined || value === null) return [];
  if (isSymbolic(value)) return undefined;
  if (isRecord(value)) return Object.entries(value).flatMap(([name, v]) => (isSet(v) ? [name] : []));
  if (!Array.isArray(value)) return undefined;
  const names: string[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.Key !== 'string') return undefined;
    if (isSet(item.Value)) names.push(item.Key);
  }
  return names;
}

function isSet(value: Value | undefined): boolean {
  if (value === undefined || value === null) return false;
  return typeof value !== 'string' || value.trim() !== '';
}
