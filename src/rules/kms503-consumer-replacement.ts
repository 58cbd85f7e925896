/** KMS503: the PR moves a consumer to another key where that replaces the consumer (RDS, EBS, EFS…). */
import { consumerSpecFor } from '../catalog/consumers.js';
import type { Consumer } from '../inventory/types.js';
import { consumerEvidence, keyText, referenceId, referencesOf, serviceName } from './support/change.js';
import { where } from './support/lifecycle.js';
import { resourceById } from './support/lookup.js';
import type { ChangeContext, FindingDraft, Rule, RuleContext } from './types.js';

/** The safe path per service: how to get the data onto the new key without losing it. */
const SAFE_PATH: Record<string, string> = {
  rds: 'take a snapshot, copy it with the new key, restore a new instance (or cluster) from the copy and cut over, then retire the old one',
  docdb: 'take a cluster snapshot, copy it with the new key, restore a new cluster from the copy and cut over, then retire the old one',
  neptune: 'take a cluster snapshot, copy it with the new key, restore a new cluster from the copy and cut over, then retire the old one',
  ebs: 'snapshot the volume, copy the snapshot with the new key, create a volume (or AMI) from the copy and swap it in, then delete the old one',
  efs: 'create a new file system with the new key beside the old one, copy the data (AWS DataSync or an AWS Backup restore), switch the mounts, then delete the old one',
  fsx: 'back up the file system, restore the backup to a new file system with the new key, switch clients over, then delete the old one',
  redshift: 'take a snapshot, restore it to a new cluster with the new key (or use the in-place key rotation of the console/API) and cut over',
  elasticache: 'take a backup, restore it to a new cluster with the new key and cut over',
  memorydb: 'take a snapshot, restore it to a new cluster with the new key and cut over',
  opensearch: 'snapshot the domain to S3, restore it into a new domain with the new key and cut over',
  dynamodb: 'create the replica or table with the new key beside the old one, copy the data (export/import or backup restore) and cut over',
};
const GENERIC_SAFE_PATH =
  'create the replacement with the new key beside the old resource, copy its data re-encrypted under the new key, cut over, then remove the old one';

export const kms503: Rule = {
  id: 'KMS503',
  name: 'consumer-replacement',
  principle: 'change',
  defaultSeverity: 'high',
  rationale:
    'Some resources cannot change their KMS key in place (RDS storage, EBS volumes, EFS…): pointing them at another key destroys the resource and creates a new, empty one. The data has to be moved with a snapshot-copy-restore instead.',
  checkChange(ctx: ChangeContext): FindingDraft[] {
    const drafts: FindingDraft[] = [];
    const baseRefs = referencesOf(ctx.base);
    const headRefs = referencesOf(ctx.head);
    const baseKeys = new Map(ctx.base.inventory.keys.map((k) => [k.id, k]));
    const headKeys = new Map(ctx.head.inventory.keys.map((k) => [k.id, k]));
    const baseWithout = new Map(ctx.base.inventory.withoutCmk.map((w) => [w.resource, w]));
    const headWithout = new Map(ctx.head.inventory.withoutCmk.map((w) => [w.resource, w]));
    const seen = new Set<string>();
    // The diff lists a consumer change under both keys it concerns: take each once.
    for (const change of ctx.diff.keys.flatMap((k) => k.consumers)) {
      const id = `${change.change}|${change.resource}|${change.attribute}|${change.fromKey ?? ''}|${change.toKey ?? ''}`;
      if (!change.replacementOnKeyChange || seen.has(id)) continue;
      seen.add(id);
      if (change.change === 'moved' && change.fromKey && change.toKey) {
        // A consumer that moves to another key (ids: the base key renamed to its head id).
        const consumer = headRefs.get(referenceId(change))?.consumer;
        const from = baseKeys.get(ctx.diff.renamedKeys ? (invert(ctx.diff.renamedKeys)[change.fromKey] ?? change.fromKey) : change.fromKey);
        const to = headKeys.get(change.toKey);
        if (!consumer || !to) continue;
        drafts.push(
          draft(ctx, consumer, { from: from ? keyText(ctx.base, from) : change.fromKey, fromKey: change.fromKey }, { to: keyText(ctx.head, to), toKey: to.id }),
        );
      } else if (change.change === 'added' && change.toKey) {
        // A consumer that existed with the AWS managed / owned key (or none) and now gets a key.
        const consumer = headRefs.get(referenceId(change))?.consumer;
        const to = headKeys.get(change.toKey);
        const before = baseWithout.get(change.resource);
        if (!consumer || !to || !before || !existedBefore(ctx, consumer) || !isMainKeyPath(ctx.head, consumer)) continue;
        drafts.push(draft(ctx, consumer, { from: describeProtection(before.protection), fromKey: null }, { to: keyText(ctx.head, to), toKey: to.id }));
      } else if (change.change === 'removed' && change.fromKey) {
        // A consumer that stays but loses its key (back to the AWS managed key, or none).
        const was = baseRefs.get(referenceId(change));
        const after = headWithout.get(change.resource);
        const now = resourceById(ctx.head.resources, change.resource);
        if (!was || !after || !now || now.type !== was.consumer.type || !isMainKeyPath(ctx.base, was.consumer)) continue;
        const located = { ...was.consumer, location: now.attrLocations[was.consumer.attribute] ?? now.location };
        drafts.push(
          draft(ctx, located, { from: keyText(ctx.base, was.key), fromKey: was.key.id }, { to: describeProtection(after.protection), toKey: null }, ctx.head),
        );
      }
    }
    return drafts;
  },
};

function invert(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([from, to]) => [to, from]));
}

/** The same resource (id and type) is in base: a new resource is created, not replaced. */
function existedBefore(ctx: ChangeContext, consumer: Consumer): boolean {
  const before = resourceById(ctx.base.resources, consumer.resource);
  return before !== undefined && before.type === consumer.type;
}

/** The first key path of the type is the one `withoutCmk` speaks about (the main data). */
function isMainKeyPath(side: RuleContext, consumer: Consumer): boolean {
  const resource = resourceById(side.resources, consumer.resource);
  return resource !== undefined && consumerSpecFor(resource.source, resource.type)?.keyPaths[0]?.path === consumer.attribute;
}

function describeProtection(protection: string | undefined): string {
  if (protection === 'aws-managed') return 'the AWS managed key';
  if (protection === 'aws-owned') return 'an AWS owned key';
  return 'no encryption';
}

function draft(
  ctx: ChangeContext,
  consumer: Consumer,
  { from, fromKey }: { from: string; fromKey: string | null },
  { to, toKey }: { to: string; toKey: string | null },
  side: RuleContext = ctx.head,
): FindingDraft {
  const resource = resourceById(side.resources, consumer.resource);
  const address = resource?.address ?? consumer.resource;
  const purpose = consumer.purpose === consumer.service ? '' : ` ${consumer.purpose}`;
  const guard =
    resource?.protectedFromDeletion && resource.source !== 'cloudformation'
      ? ' Its lifecycle.prevent_destroy makes terraform plan fail on this change instead.'
      : '';
  const safe = SAFE_PATH[consumer.service] ?? GENERIC_SAFE_PATH;
  return {
    key: toKey ?? fromKey ?? undefined,
    subjects: [consumer.resource],
    identity: referenceId(consumer),
    message:
      `${address} (${serviceName(consumer.service)}${purpose}) moves from ${from} to ${to} (${consumer.attribute} at ${where(consumer.location)}). ` +
      `${serviceName(consumer.service)} cannot change this key in place: the resource will be destroyed and re-created, empty.${guard} ` +
      `Safe path: ${safe}.`,
    evidence: {
      resource: consumer.resource,
      type: consumer.type,
      service: consumer.service,
      attribute: consumer.attribute,
      fromKey,
      toKey,
      protectedFromDeletion: resource?.protectedFromDeletion === true,
      consumer: consumerEvidence(consumer),
    },
    location: consumer.location,
  };
}
