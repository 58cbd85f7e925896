/**
 * KMS308: a consumer references a key ARN of another region. Keys are region-bound, so the
 * consumer's region must be known statically; it is taken, in this order, from the resource's own
 * `region` argument (AWS provider 6), the static `region` of the root module's default `aws`
 * provider, or the other regional ARN literals written on the same resource. CloudFormation
 * templates deploy to `AWS::Region`, known only at deploy time: there only ARN literals tell.
 */
import type { Consumer, Key } from '../inventory/types.js';
import type { Location, Resource, UnitInfo, Value } from '../model/types.js';
import { isRecord } from '../model/value.js';
import { addressOf, resourceById, where } from './support/lifecycle.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d+$/;
const REGIONAL_ARN = /^arn:aws[a-z-]*:([a-z0-9-]+):([a-z]{2}(?:-[a-z]+)+-\d+):/;
/** Parts of a resource that legitimately name other regions (replicas, replication targets, policies). */
const OTHER_REGION_PATH = /replica|destination|replication|polic|condition/i;

interface RegionWitness {
  region: string;
  /** What says so, quoted in the message. */
  evidence: string;
  location?: Location;
}

export const kms308: Rule = {
  id: 'KMS308',
  name: 'cross-region-key-reference',
  principle: 'lifecycle',
  defaultSeverity: 'high',
  rationale:
    'KMS keys exist in one region and services call KMS in their own region: a key ARN from another region fails at create time or when data is read. Only a multi-region replica in the consumer’s region can stand in for a key of another region.',
  check(ctx: RuleContext): FindingDraft[] {
    return ctx.inventory.keys.flatMap((key) => {
      const keyRegion = key.region;
      if (!keyRegion) return [];
      return key.consumers.flatMap((c) => {
        if (OTHER_REGION_PATH.test(c.attribute)) return [];
        const resource = resourceById(ctx, c.resource);
        const home = resource ? consumerRegion(ctx, resource, c) : undefined;
        return home && home.region !== keyRegion ? [finding(ctx, key, keyRegion, c, home)] : [];
      });
    });
  },
};

function finding(ctx: RuleContext, key: Key, keyRegion: string, c: Consumer, home: RegionWitness): FindingDraft {
  const multiRegion = /:key\/mrk-/.test(key.id) ? ` (for this multi-region key, the ARN of its replica in ${home.region})` : '';
  return {
    key: key.id,
    subjects: [c.resource],
    identity: `${c.resource}#${c.attribute}`,
    message: `${addressOf(ctx, c.resource)} is in ${home.region} (${home.evidence}) but ${c.attribute} names a key in ${keyRegion}: ${key.id}. KMS keys are region-bound; use a key in ${home.region}${multiRegion}.`,
    evidence: { keyRegion, consumerRegion: home.region, regionFrom: home.evidence, attribute: c.attribute, consumer: c.resource },
    location: c.location,
  };
}

function consumerRegion(ctx: RuleContext, resource: Resource, consumer: Consumer): RegionWitness | undefined {
  return ownRegion(resource) ?? providerRegion(ctx, resource) ?? arnRegion(resource, consumer);
}

/** AWS provider 6 lets every resource set `region`. */
function ownRegion(resource: Resource): RegionWitness | undefined {
  const region = resource.source === 'terraform' ? resource.attrs.region : undefined;
  if (typeof region !== 'string' || !REGION.test(region)) return undefined;
  const location = resource.attrLocations.region;
  return { region, evidence: `region = "${region}"${location ? ` at ${where(location)}` : ''}`, ...(location ? { location } : {}) };
}

/**
 * The static `region` of the one default (alias-less) `provider "aws"` block of a root module,
 * for a resource of that root that does not pick another provider. The parser does not expose
 * provider settings to rules, so the block is read from the root's own `.tf` lines.
 */
function providerRegion(ctx: RuleContext, resource: Resource): RegionWitness | undefined {
  if (resource.source !== 'terraform' || resource.address.startsWith('module.') || picksProvider(ctx, resource)) return undefined;
  const unit = ctx.inventory.units.find((u) => u.id === resource.unit);
  const blocks = unit ? rootTfFiles(unit).flatMap((file) => awsProviderBlocks(ctx, file)) : [];
  const defaults = blocks.filter((b) => !b.aliased);
  const only = defaults.length === 1 ? defaults[0] : undefined;
  if (!only?.region) return undefined;
  return { region: only.region.value, evidence: `provider "aws" region at ${where(only.region.location)}`, location: only.region.location };
}

function picksProvider(ctx: RuleContext, resource: Resource): boolean {
  const lines = ctx.sourceLines(resource.location.file) ?? [];
  return lines.slice(resource.location.startLine, resource.location.endLine).some((line) => /^\s*provider\s*=/.test(line));
}

function rootTfFiles(unit: UnitInfo): string[] {
  const dir = unit.path === '.' || unit.path === '' ? '' : `${unit.path}/`;
  return unit.files.filter((f) => f.endsWith('.tf') && f.startsWith(dir) && !f.slice(dir.length).includes('/'));
}

interface ProviderBlock {
  aliased: boolean;
  region?: { value: string; location: Location };
}

function awsProviderBlocks(ctx: RuleContext, file: string): ProviderBlock[] {
  const lines = ctx.sourceLines(file) ?? [];
  const blocks: ProviderBlock[] = [];
  let current: ProviderBlock | undefined;
  let depth = 0;
  lines.forEach((line, index) => {
    if (!current) {
      if (/^provider\s+"aws"\s*\{\s*$/.test(line)) {
        current = { aliased: false };
        depth = 1;
      }
      return;
    }
    if (depth === 1) {
      if (/^\s*alias\s*=/.test(line)) current.aliased = true;
      const region = /^\s*region\s*=\s*"([a-z0-9-]+)"\s*(?:(?:#|\/\/).*)?\r?$/.exec(line);
      if (region && REGION.test(region[1])) current.region = { value: region[1], location: { file, startLine: index + 1, endLine: index + 1 } };
    }
    depth += (line.match(/\{/g)?.length ?? 0) - (line.match(/\}/g)?.length ?? 0);
    if (depth <= 0) {
      blocks.push(current);
      current = undefined;
    }
  });
  return blocks;
}

/** The one region named by the other regional, non-KMS ARN literals of the resource. */
function arnRegion(resource: Resource, consumer: Consumer): RegionWitness | undefined {
  const arns: { arn: string; region: string; path: string }[] = [];
  const walk = (value: Value, path: string): void => {
    if (OTHER_REGION_PATH.test(path) || path === consumer.attribute) return;
    if (typeof value === 'string') {
      const match = REGIONAL_ARN.exec(value);
      if (match && match[1] !== 'kms') arns.push({ arn: value, region: match[2], path });
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, path);
    } else if (isRecord(value)) {
      for (const [name, item] of Object.entries(value)) walk(item, path ? `${path}.${name}` : name);
    }
  };
  walk(resource.attrs, '');
  const regions = new Set(arns.map((a) => a.region));
  if (regions.size !== 1) return undefined;
  const [first] = arns;
  const location = resource.attrLocations[first.path];
  return { region: first.region, evidence: `${first.path} = ${first.arn}${location ? ` at ${where(location)}` : ''}`, ...(location ? { location } : {}) };
}
