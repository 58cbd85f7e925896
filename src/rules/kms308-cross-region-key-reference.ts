/**
 * KMS308: a consumer references a key ARN of another region. Keys are region-bound, so the
 * consumer's region must be known statically; it is taken, in this order, from the resource's own
 * `region` argument (AWS provider 6), the static `region` of the provider configuration it uses,
 * or the other regional ARN literals written on the same resource. CloudFormation
 * templates deploy to `AWS::Region`, known only at deploy time: there only ARN literals tell.
 */
import type { Consumer, Key } from '../inventory/types.js';
import type { Location, Resource, Value } from '../model/types.js';
import { isRecord } from '../model/value.js';
import { addressOf, where } from './support/lifecycle.js';
import { resourceById } from './support/lookup.js';
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
        const resource = resourceById(ctx.resources, c.resource);
        const home = resource ? consumerRegion(resource, c) : undefined;
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

function consumerRegion(resource: Resource, consumer: Consumer): RegionWitness | undefined {
  return ownRegion(resource) ?? providerRegion(resource) ?? arnRegion(resource, consumer);
}

/** AWS provider 6 lets every resource set `region`. */
function ownRegion(resource: Resource): RegionWitness | undefined {
  const region = resource.source === 'terraform' ? resource.attrs.region : undefined;
  if (typeof region !== 'string' || !REGION.test(region)) return undefined;
  const location = resource.attrLocations.region;
  return { region, evidence: `region = "${region}"${location ? ` at ${where(location)}` : ''}`, ...(location ? { location } : {}) };
}

/** The static `region` of the provider configuration the resource uses (aliases and module `providers` followed by the parser). */
function providerRegion(resource: Resource): RegionWitness | undefined {
  const region = resource.region;
  if (!region || !REGION.test(region)) return undefined;
  return { region, evidence: `its aws provider's region "${region}"` };
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
