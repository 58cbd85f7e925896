/**
 * The proposal without code: group a key's consumers by environment × workload × data class,
 * name one new key per group (alias convention, tags as the repo writes them), and derive a
 * least-privilege key policy from the old key's statements and its access analysis.
 */

import type { KeyAccess } from '../access/types.js';
import { isServiceId, SERVICES } from '../catalog/services.js';
import type { Config } from '../config/schema.js';
import { ENVIRONMENT_SYNONYMS } from '../inventory/conventions.js';
import type { Consumer, Key } from '../inventory/types.js';
import type { Statement } from '../model/policy.js';
import type { Resource, Value } from '../model/types.js';
import { isRef, isUnknown } from '../model/value.js';
import { joinWords, shortServiceName } from '../rules/support/words.js';
import type { RuleContext } from '../rules/types.js';
import { type Predicted, predictFindings, type Tagged } from './predict.js';
import type { NewKey, PolicyStatement, SplitGroup, SplitPlan } from './types.js';

export type SplitDimension = 'environment' | 'workload' | 'dataClass';
export const SPLIT_DIMENSIONS: SplitDimension[] = ['environment', 'workload', 'dataClass'];

const NOUN: Record<SplitDimension, string> = { environment: 'environment', workload: 'workload', dataClass: 'data class' };

/** A group with everything the generators need. */
export interface GroupPlan {
  group: SplitGroup;
  consumers: Consumer[];
  key: NewKey;
  /** Unit the new key is declared in; consumers in other units reach it through an export. */
  unit: string;
  /** Parts the names are made of (env last), lower case. */
  workload: string;
  env?: string;
  dataClass?: string;
  /** The service(s) this key was split out for (`s3`, `dynamodb+s3`), when the group was split per service. */
  service?: string;
  withDataClass: boolean;
  /** Principle findings this key would still raise (the plan says so; empty for a clean split). */
  remaining: Predicted[];
}

export interface Grouping {
  dimensions: SplitDimension[];
  unknown: SplitPlan['unknown'];
  groups: GroupPlan[];
  notes: string[];
}

/** One reading per consumer resource: the first of its key attributes with a value wins. */
function readingOf(consumers: Consumer[], dim: SplitDimension): string | undefined {
  for (const c of consumers) {
    const v = c[dim]?.value;
    if (v) return v.toLowerCase();
  }
  return undefined;
}

export interface GroupingOptions {
  /**
   * The root is deployed once per environment (workspaces, tfvars files): the names of the new
   * keys leave the environment out (it comes from the deployment, not from the name).
   */
  perEnvironment?: boolean;
}

/** A bucket of consumer resources that would share one new key. */
interface Bucket {
  values: Partial<Record<SplitDimension, string>>;
  consumers: Consumer[];
  resources: string[];
  workload: string;
  env?: string;
  /** Set when the bucket was split out per service (high-volume service, or a group over the thresholds): service ids joined by `+`. */
  service?: string;
  /** Principle findings the bucket's key would still raise. */
  remaining: Predicted[];
}

export function groupConsumers(key: Key, ctx: RuleContext, options: GroupingOptions = {}): Grouping {
  const { inventory, resources, config } = ctx;
  const access = ctx.access.get(key.id);
  const byResource = new Map<string, Consumer[]>();
  for (const c of key.consumers) byResource.set(c.resource, [...(byResource.get(c.resource) ?? []), c]);
  const dimensions = SPLIT_DIMENSIONS.filter((d) => [...byResource.values()].some((cs) => readingOf(cs, d) !== undefined));
  const unknown = SPLIT_DIMENSIONS.flatMap((d) => {
    const missing = [...byResource.entries()].filter(([, cs]) => readingOf(cs, d) === undefined).map(([r]) => r);
    return missing.length > 0 ? [{ dimension: NOUN[d], consumers: missing, howToTell: howToTell(d, config) }] : [];
  });

  const buckets = new Map<string, { values: Partial<Record<SplitDimension, string>>; resources: string[] }>();
  for (const [resource, cs] of byResource) {
    const values = Object.fromEntries(dimensions.map((d) => [d, readingOf(cs, d)]).filter(([, v]) => v !== undefined)) as Partial<
      Record<SplitDimension, string>
    >;
    const id = dimensions.map((d) => values[d] ?? '?').join('|');
    const bucket = buckets.get(id) ?? { values, resources: [] };
    bucket.resources.push(resource);
    buckets.set(id, bucket);
  }

  const keyEnv = key.environment?.value?.toLowerCase();
  const keyWorkload = key.workload?.value?.toLowerCase();
  const predict = (b: Omit<Bucket, 'remaining'>) =>
    predictFindings(
      ctx,
      key,
      b.consumers,
      dimensionsOf(b, key),
      aliasFor(b.workload, b.env, b.service ? slug(b.service) : undefined, config.thresholds.aliasPattern),
    );
  const raw = [...buckets.values()].flatMap((b) =>
    refined(
      {
        values: b.values,
        consumers: b.resources.flatMap((r) => byResource.get(r) ?? []),
        resources: b.resources,
        workload: slug(b.values.workload ?? keyWorkload ?? 'data'),
        env: b.values.environment ?? keyEnv,
      },
      predict,
    ),
  );
  // Data class goes into the name only where workload, service and environment do not tell groups apart.
  const stem = (g: Bucket) => `${g.workload}|${g.service ?? ''}|${g.env}`;
  const stemCount = new Map<string, number>();
  for (const g of raw) stemCount.set(stem(g), (stemCount.get(stem(g)) ?? 0) + 1);
  const taken = new Set(inventory.aliases.map((a) => a.name));
  const unitIds = inventory.units.map((u) => u.id);
  const home = key.unit ?? key.consumers[0]?.resource.split(':')[0] ?? '';
  const keyLivesWithConsumers = key.consumers.some((c) => unitOf(c.resource, unitIds) === home);
  const notes: string[] = [];
  const keyResource = resources.find((r) => r.id === key.id);

  const groups = raw
    .sort(
      (a, b) =>
        (a.env ?? '').localeCompare(b.env ?? '') || a.workload.localeCompare(b.workload) || (a.values.dataClass ?? '').localeCompare(b.values.dataClass ?? ''),
    )
    .map((g): GroupPlan => {
      const dataClass = g.values.dataClass ? slug(g.values.dataClass) : undefined;
      let withDataClass = dataClass !== undefined && (stemCount.get(stem(g)) ?? 0) > 1;
      const qualifier = () => [withDataClass ? dataClass : undefined, g.service ? slug(g.service) : undefined].filter(Boolean).join('-') || undefined;
      let alias = aliasFor(g.workload, g.env, qualifier(), config.thresholds.aliasPattern);
      if (taken.has(alias) && dataClass && !withDataClass) {
        withDataClass = true;
        alias = aliasFor(g.workload, g.env, qualifier(), config.thresholds.aliasPattern);
      }
      for (let n = 2; taken.has(alias); n++) alias = `${aliasFor(g.workload, g.env, qualifier(), config.thresholds.aliasPattern)}-${n}`;
      taken.add(alias);
      const units = [...new Set(g.resources.map((r) => unitOf(r, unitIds)))];
      const unit = keyLivesWithConsumers && units.length === 1 ? units[0] : home;
      const group: SplitGroup = {
        ...(g.values.environment ? { environment: g.values.environment } : {}),
        ...(g.values.workload ? { workload: g.values.workload } : {}),
        ...(g.values.dataClass ? { dataClass: g.values.dataClass } : {}),
        ...(g.service ? { service: g.service } : {}),
        consumers: g.resources,
      };
      const parts = [
        g.workload,
        ...(withDataClass && dataClass ? [dataClass] : []),
        ...(g.service ? [slug(g.service)] : []),
        ...(g.env && !options.perEnvironment ? [slug(g.env)] : []),
      ];
      const newKey: NewKey = {
        name: parts.join('_').replaceAll('-', '_'),
        alias,
        tags: tagsFor(g, key, resources, config),
        group,
        users: [],
        administrators: [],
        multiRegion: false,
        notes: g.remaining.map(
          (f) =>
            `Splitting per environment, workload, data class and service does not clear ${f.rule} on this key (${firstSentence(f.message)}): the patch does not fix it; decide by hand (a threshold in .github/kms-review.yml, or a split of your own).`,
        ),
        unit,
      };
      return {
        group,
        consumers: g.consumers,
        key: newKey,
        unit,
        workload: g.workload,
        ...(g.env ? { env: slug(g.env) } : {}),
        ...(dataClass ? { dataClass } : {}),
        ...(g.service ? { service: g.service } : {}),
        withDataClass,
        remaining: g.remaining,
      };
    });

  for (const g of groups) {
    g.key.multiRegion = key.multiRegion === true && g.consumers.some((c) => /replica|global/i.test(c.type) || /replica/.test(c.attribute));
    if (key.multiRegion === true && !g.key.multiRegion) {
      g.key.notes.push(
        'The old key is multi-region; this key is single-region because none of its consumers replicates to another region. Make it multi-region only if this data needs cross-region DR.',
      );
    }
    if (key.rotation.enabled === false) {
      const at = key.attributeLocations.enableRotation ?? key.attributeLocations.rotation;
      g.key.notes.push(
        `The old key has rotation off${at ? ` (${at.file}:${at.startLine})` : ''}; this key rotates. Confirm nothing depends on a fixed key version.`,
      );
    }
  }
  if (keyResource && !keyLivesWithConsumers)
    notes.push(`${key.id} lives in a template/root of its own; the new keys are declared next to it and exported to their consumers.`);
  assignPolicies(key, groups, access);
  return { dimensions, unknown, groups, notes };
}

function howToTell(dim: SplitDimension, config: Config): string {
  const tag = config.tags[dim][0];
  const mapping =
    dim === 'environment'
      ? 'environments: {prod: ["envs/prod/**"]}'
      : dim === 'workload'
        ? 'workloads: [{name: orders, paths: ["services/orders/**"]}]'
        : 'workloads: [{name: orders, paths: ["services/orders/**"], dataClass: pii}]';
  return `tag the resource (or the key) with ${tag}=<${NOUN[dim]}>, or map its path in .github/kms-review.yml: ${mapping}`;
}

/** The unit of a resource id `<unit>:<address>`: the longest known unit it starts with. */
export function unitOf(resource: string, units: readonly string[]): string {
  const hits = units.filter((u) => resource.startsWith(`${u}:`)).sort((a, b) => b.length - a.length);
  return hits[0] ?? resource.split(':')[0];
}

/** What a new key holds, in words: `orders`, `orders pii`, `orders DynamoDB and S3`. */
export function keyWords(g: GroupPlan): string {
  const services = g.service ? joinWords(g.service.split('+').map(shortServiceName)) : '';
  return [g.group.workload ?? g.workload, g.withDataClass ? g.dataClass : '', services].filter(Boolean).join(' ');
}

export function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * `alias/<workload>-<env>[-<qualifier>]`, or `alias/<workload>-<qualifier>-<env>` when only that
 * matches the configured convention; the qualifier is the data class and/or the service.
 */
function aliasFor(workload: string, env: string | undefined, qualifier: string | undefined, pattern: string): string {
  const e = env ? slug(env) : undefined;
  const candidates = qualifier
    ? [
        [workload, e, qualifier],
        [workload, qualifier, e],
      ].map((p) => `alias/${p.filter(Boolean).join('-')}`)
    : [`alias/${[workload, e].filter(Boolean).join('-')}`];
  let re: RegExp | undefined;
  try {
    re = new RegExp(pattern);
  } catch {
    re = undefined;
  }
  return candidates.find((c) => re?.test(c)) ?? candidates[0];
}

/** Tag names as the repo writes them: what the group's consumers carry, then the old key, then the configured first name. */
function tagsFor(
  g: { values: Partial<Record<SplitDimension, string>>; consumers: Consumer[]; resources: string[] },
  key: Key,
  resources: readonly Resource[],
  config: Config,
) {
  const tagsOf = (id: string) => {
    const r = resources.find((x) => x.id === id);
    return { ...(r?.defaultTags ?? {}), ...(r?.tags ?? {}) };
  };
  // The group's consumers first, then the old key's other consumers: one repo, one way of naming tags.
  const others = [...new Set(key.consumers.map((c) => c.resource))].filter((id) => !g.resources.includes(id));
  const carried = [...g.resources.map(tagsOf), ...others.map(tagsOf), key.tags];
  const nameFor = (dim: keyof Config['tags']): string => {
    for (const tags of carried) {
      const hit = config.tags[dim].find((n) => Object.keys(tags).some((t) => t.toLowerCase() === n.toLowerCase()));
      if (hit) return Object.keys(tags).find((t) => t.toLowerCase() === hit.toLowerCase()) ?? hit;
    }
    return config.tags[dim][0];
  };
  const dims = dimensionsOf(g, key);
  const tags: Record<string, string> = {};
  for (const dim of ['environment', 'workload', 'dataClass', 'owner'] as const) {
    const value = dims[dim];
    if (value) tags[nameFor(dim)] = value;
  }
  return tags;
}

/** The environment, workload, data class and owner the new key is tagged with: the group's, else the old key's (never the old key's data class). */
function dimensionsOf(g: { values: Partial<Record<SplitDimension, string>>; consumers: Consumer[] }, key: Key): Tagged {
  const owners = [...new Set(g.consumers.map((c) => c.owner?.value).filter((v): v is string => !!v))];
  const owner = owners.length === 1 ? owners[0] : key.owner?.value;
  const env = g.values.environment ?? key.environment?.value;
  const workload = g.values.workload ?? key.workload?.value;
  return {
    ...(env ? { environment: env } : {}),
    ...(workload ? { workload } : {}),
    ...(g.values.dataClass ? { dataClass: g.values.dataClass } : {}),
    ...(owner ? { owner } : {}),
  };
}

function firstSentence(message: string): string {
  const end = message.search(/\.(\s|$)/);
  return end > 0 ? message.slice(0, end) : message;
}

/** The service of a consumer resource (its first key attribute's). */
function serviceOf(b: Pick<Bucket, 'consumers'>, resource: string): string {
  return b.consumers.find((c) => c.resource === resource)?.service ?? 'unknown';
}

function isHighVolume(service: string): boolean {
  return isServiceId(service) && SERVICES[service].highVolume;
}

/**
 * A bucket whose key would still raise a principle finding (KMS104: a high-volume service with
 * other services' data; KMS107: over the thresholds) is split per service: each high-volume
 * service its own key, the others together, and per service where that is still not enough.
 * What no split by service clears is kept in `remaining`.
 */
function refined(b: Omit<Bucket, 'remaining'>, predict: (b: Omit<Bucket, 'remaining'>) => Predicted[]): Bucket[] {
  const first = predict(b);
  if (first.length === 0) return [{ ...b, remaining: [] }];
  const services = [...new Set(b.resources.map((r) => serviceOf(b, r)))].sort();
  if (services.length < 2) return [{ ...b, remaining: first }];
  const part = (names: string[], service?: string): Omit<Bucket, 'remaining'> => {
    const resources = b.resources.filter((r) => names.includes(serviceOf(b, r)));
    return { ...b, resources, consumers: b.consumers.filter((c) => resources.includes(c.resource)), ...(service ? { service } : {}) };
  };
  const heavy = services.filter(isHighVolume);
  const light = services.filter((s) => !isHighVolume(s));
  const perService = (names: string[]) => names.map((s) => part([s], s));
  const clean = (parts: Omit<Bucket, 'remaining'>[]) => parts.every((p) => predict(p).length === 0);
  // Fewest keys first: the high-volume services together, apart from the others.
  const halves = [part(heavy, heavy.join('+')), part(light)];
  if (heavy.length > 0 && light.length > 0 && clean(halves)) return halves.map((p) => ({ ...p, remaining: [] }));
  const parts = heavy.length > 0 && light.length > 0 ? [...perService(heavy), part(light)] : perService(services);
  return parts.flatMap((p) => {
    const left = predict(p);
    if (left.length === 0) return [{ ...p, remaining: [] }];
    if (p.service || light.length < 2) return [{ ...p, remaining: left }];
    return perService(light).map((q) => ({ ...q, remaining: predict(q) }));
  });
}

// --- key policy ------------------------------------------------------------------------------

const ENV_NAMES = new Set(Object.keys(ENVIRONMENT_SYNONYMS));

/** Text of a policy value as the source writes it: literals, `${...}` of unresolved expressions, `${addr.attr}` of references. */
export function valueText(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isUnknown(v)) return sourceText(v.expr);
  if (isRef(v)) return `\${${v.address}.${v.attr}}`;
  return JSON.stringify(v);
}

/**
 * An unresolved expression as a string value: a quoted HCL template is its content
 * (`"arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"` → without the quotes), a bare
 * Terraform reference is interpolated (`var.account_id` → `${var.account_id}`); CloudFormation's
 * `${AWS::AccountId}` forms stay as they are.
 */
function sourceText(expr: string): string {
  const quoted = /^"((?:[^"\\]|\\.)*)"$/s.exec(expr);
  if (quoted) return quoted[1].replace(/\\(["\\])/g, '$1');
  return /^(var|local|data|module)\.[\w.\-[\]"]+$/.test(expr) ? `\${${expr}}` : expr;
}

function tokens(principal: string): string[] {
  const name = principal.split(/[/:]/).pop() ?? principal;
  return name
    .replace(/([a-z])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Which groups a principal works for, as far as its name tells: it names the workload and no other environment. */
function attributed(principal: string, groups: GroupPlan[]): GroupPlan[] {
  const t = tokens(principal);
  return groups.filter((g) => {
    if (!g.group.workload || !t.includes(slug(g.group.workload).split('-')[0])) return false;
    const envs = t.filter((x) => ENV_NAMES.has(x)).map((x) => ENVIRONMENT_SYNONYMS[x]);
    return !g.env || envs.length === 0 || envs.includes(ENVIRONMENT_SYNONYMS[g.env] ?? g.env);
  });
}

function servicePrincipalFits(principal: string, g: GroupPlan): boolean {
  const svc = principal.split('.')[0];
  return g.consumers.some((c) => c.service === svc || (isServiceId(c.service) && (SERVICES[c.service] as { viaService?: string }).viaService === svc));
}

function scalarOrList(values: string[]): string | string[] {
  return values.length === 1 ? values[0] : values;
}

function statementOf(st: Statement, principal: Record<string, string[]>): PolicyStatement {
  const condition: PolicyStatement['Condition'] = {};
  for (const c of st.conditions) {
    condition[c.operator] = { ...(condition[c.operator] ?? {}), [c.key]: scalarOrList(c.values.map(valueText)) };
  }
  return {
    ...(st.sid ? { Sid: st.sid } : {}),
    Effect: typeof st.effect === 'string' ? st.effect : valueText(st.effect),
    Principal: Object.fromEntries(Object.entries(principal).map(([k, v]) => [k, scalarOrList(v)])),
    Action: scalarOrList((st.action ?? []).map(valueText)),
    Resource: '*',
    ...(st.conditions.length > 0 ? { Condition: condition } : {}),
  };
}

function assignPolicies(key: Key, groups: GroupPlan[], access: KeyAccess | undefined): void {
  const statements = key.policy?.document.statements ?? [];
  const entries = access?.entries ?? [];
  const label = key.aliases[0] ?? key.id;
  const kindOf = (sid: string, principal: string) =>
    entries.find((e) => e.via.kind === 'key-policy' && e.via.statement === sid && (e.principal.id === principal || e.principal.resource === principal));
  // Which groups each IAM user of the old key works for.
  const userGroups = new Map<string, GroupPlan[]>();
  for (const [i, st] of statements.entries()) {
    const sid = st.sid ?? `#${i}`;
    for (const p of (st.principal?.AWS ?? []).map(valueText)) {
      const entry = kindOf(sid, p);
      if (entry && entry.principal.kind === 'iam' && !entry.groups.includes('admin') && !entry.groups.includes('policy'))
        userGroups.set(p, attributed(p, groups));
    }
  }
  const anyAttributed = [...userGroups.values()].some((gs) => gs.length > 0);

  for (const g of groups) {
    const policy: PolicyStatement[] = [];
    let unattributedKept = false;
    for (const [i, st] of statements.entries()) {
      const sid = st.sid ?? `#${i}`;
      const from = `statement ${sid} of ${label}`;
      if (st.effect !== 'Allow' || !st.principal) {
        policy.push(statementOf(st, Object.fromEntries(Object.entries(st.principal ?? {}).map(([k, v]) => [k, v.map(valueText)]))));
        continue;
      }
      const kept: Record<string, string[]> = {};
      for (const [type, values] of Object.entries(st.principal)) {
        for (const p of values.map(valueText)) {
          const entry = kindOf(sid, p);
          const kind = entry?.principal.kind ?? (type === 'Service' ? 'service' : 'unknown');
          let keep = true;
          if (kind === 'account') {
            g.key.administrators.push({ principal: p, from: `${from} (account root: delegation to IAM policies, kept as the old key had it)` });
          } else if (entry && (entry.groups.includes('admin') || entry.groups.includes('policy'))) {
            g.key.administrators.push({ principal: p, from });
          } else if (kind === 'service') {
            keep = servicePrincipalFits(p, g);
            if (keep) g.key.users.push({ principal: p, from: `${from} (service of this group's consumers)` });
          } else if (kind === 'iam') {
            const gs = userGroups.get(p) ?? [];
            keep = gs.length > 0 ? gs.includes(g) : true;
            if (keep) {
              g.key.users.push({
                principal: p,
                from: gs.length > 0 ? `${from} (its name ties it to ${g.group.workload}${g.env ? ` in ${g.env}` : ''})` : from,
              });
              if (gs.length === 0) unattributedKept = true;
            }
          } else {
            g.key.users.push({ principal: p, from: `${from} (could not be evaluated; kept)` });
          }
          if (keep) kept[type] = [...(kept[type] ?? []), p];
        }
      }
      if (Object.keys(kept).length > 0) policy.push(statementOf(st, kept));
    }
    if (statements.length === 0) {
      g.key.notes.push('The old key has no key policy (the AWS default: account root kms:*); the new key gets the same root delegation explicitly.');
      policy.push({
        Sid: 'EnableRootAccountPermissions',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::${AWS::AccountId}:root' },
        Action: 'kms:*',
        Resource: '*',
      });
    }
    if (unattributedKept) g.key.notes.push('Some users of the old key could not be tied to a workload; they keep use of this key. Narrow them by hand.');
    if (!g.key.users.some((u) => !u.from.includes('service')) && anyAttributed) {
      g.key.notes.push(
        'No role of the old key policy is tied to this group; principals use the key through IAM policies (the key delegates to the account) or are added here.',
      );
    }
    for (const e of entries.filter((e) => e.via.kind !== 'key-policy')) {
      const where = e.via.location ? ` (${e.via.location.file}:${e.via.location.startLine})` : '';
      const what = e.via.kind === 'iam' ? `IAM policy ${e.via.policy} statement ${e.via.statement}` : `grant ${e.via.kind === 'grant' ? e.via.grant : ''}`;
      const note = `${what}${where} gives ${e.principal.id} use of the old key; point it at this key if ${e.principal.id} works with these consumers.`;
      if (!g.key.notes.includes(note)) g.key.notes.push(note);
    }
    g.key.policy = policy;
  }
}
