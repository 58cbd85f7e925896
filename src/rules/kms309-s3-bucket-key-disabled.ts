/** KMS309: SSE-KMS on S3 without an S3 Bucket Key. */
import { S3_BUCKET_KEY_PATHS, valuesAtPath } from '../catalog/consumers.js';
import { catalogSourceOf } from '../catalog/keys.js';
import type { Location, Resource, Value } from '../model/types.js';
import { asBoolean, isRecord, isSymbolic } from '../model/value.js';
import { addressOf, consumerResources, insertBeforeFix, keyLabel, replaceValueFix, where } from './support/lifecycle.js';
import { keyUsedBy } from './support/lookup.js';
import type { FindingDraft, Fix, Rule, RuleContext } from './types.js';

/** Where the SSE algorithm sits, relative to the block that also holds the bucket key switch. */
const SSE_ALGORITHM_PATHS: Readonly<Record<string, string>> = {
  'terraform:aws_s3_bucket': 'apply_server_side_encryption_by_default.sse_algorithm',
  'terraform:aws_s3_bucket_server_side_encryption_configuration': 'apply_server_side_encryption_by_default.sse_algorithm',
  'terraform:aws_s3_object': 'server_side_encryption',
  'cloudformation:AWS::S3::Bucket': 'ServerSideEncryptionByDefault.SSEAlgorithm',
};

/** Bucket Keys work with SSE-KMS only (not with dual-layer DSSE-KMS). */
const SSE_KMS = 'aws:kms';

interface Site {
  /** Dotted path of the block holding algorithm and bucket key ('' for the resource itself). */
  block: string;
  switchName: string;
  algorithmPath: string;
}

const SITES = new Map<string, Site>(
  S3_BUCKET_KEY_PATHS.map((spec) => {
    const cut = spec.path.lastIndexOf('.');
    const site = {
      block: cut < 0 ? '' : spec.path.slice(0, cut),
      switchName: spec.path.slice(cut + 1),
      algorithmPath: SSE_ALGORITHM_PATHS[`${spec.source}:${spec.type}`] ?? '',
    };
    return [`${spec.source}:${spec.type}`, site] as const;
  }),
);

export const kms309: Rule = {
  id: 'KMS309',
  name: 's3-bucket-key-disabled',
  principle: 'lifecycle',
  defaultSeverity: 'low',
  rationale:
    'Without an S3 Bucket Key, S3 calls KMS for every object written or read under SSE-KMS: KMS cost grows with object traffic and the calls count against the key’s (and account’s) request quota, throttling every other user of the key.',
  check(ctx: RuleContext): FindingDraft[] {
    return ctx.resources.flatMap((resource) => {
      const site = resource.mode === 'managed' ? SITES.get(`${catalogSourceOf(resource.source)}:${resource.type}`) : undefined;
      if (!site?.algorithmPath) return [];
      const blocks =
        site.block === ''
          ? [resource.attrs]
          : valuesAtPath(resource.attrs, site.block)
              .map((v) => v.value)
              .filter(isRecord);
      return blocks.flatMap((block) => (needsBucketKey(block, site) ? [finding(ctx, resource, site, block, blocks.length === 1)] : []));
    });
  },
};

function needsBucketKey(block: Record<string, Value>, site: Site): boolean {
  const algorithms = valuesAtPath(block, site.algorithmPath).map((v) => v.value);
  if (!algorithms.includes(SSE_KMS)) return false;
  const enabled = block[site.switchName];
  if (enabled === undefined || enabled === null) return true;
  return !isSymbolic(enabled) && asBoolean(enabled) === false;
}

function finding(ctx: RuleContext, resource: Resource, site: Site, block: Record<string, Value>, exact: boolean): FindingDraft {
  const key = keyUsedBy(ctx.inventory.keys, resource.id);
  const sharers = key ? consumerResources(key.consumers).filter((id) => id !== resource.id) : [];
  const switchPath = join(site.block, site.switchName);
  const written = block[site.switchName] !== undefined && block[site.switchName] !== null;
  const switchLocation = exact && written ? resource.attrLocations[switchPath] : undefined;
  const sibling = exact && !written ? resource.attrLocations[join(site.block, site.algorithmPath.split('.')[0])] : undefined;
  const fix = bucketKeyFix(ctx, site.switchName, switchLocation, sibling);
  const state = written ? `${site.switchName} is false${switchLocation ? ` at ${where(switchLocation)}` : ''}` : `${site.switchName} is not set`;
  const shared =
    sharers.length > 0
      ? `, and ${sharers.length} other resource${sharers.length === 1 ? '' : 's'} share${sharers.length === 1 ? 's' : ''} that key's request quota`
      : '';
  const keyText = key ? `key ${keyLabel(ctx, key)}` : 'the AWS managed key aws/s3';
  return {
    ...(key ? { key: key.id } : {}),
    subjects: [resource.id],
    identity: resource.id,
    ...(sharers.length > 0 ? { severity: 'medium' as const } : {}),
    message: `${addressOf(ctx, resource.id)} encrypts with SSE-KMS (${keyText}) without an S3 Bucket Key: ${state}, so every object request calls KMS${shared}. Set ${site.switchName} to true.`,
    evidence: { sseAlgorithm: SSE_KMS, bucketKeyEnabled: written ? false : null, key: key?.id ?? 'alias/aws/s3', sharedWith: sharers },
    location: switchLocation ?? fix?.location ?? resource.location,
    ...(fix ? { fix } : {}),
  };
}

function bucketKeyFix(ctx: RuleContext, name: string, written: Location | undefined, sibling: Location | undefined): Fix | undefined {
  const description = 'Turn on the S3 Bucket Key';
  if (written) return replaceValueFix(ctx, written, name, 'true', description);
  return sibling ? insertBeforeFix(ctx, { ...sibling, endLine: sibling.startLine }, name, 'true', description) : undefined;
}

function join(block: string, name: string): string {
  return block ? `${block}.${name}` : name;
}
