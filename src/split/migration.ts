/**
 * Migration playbooks: what moving one consumer from the old key to its new key takes, per
 * service. A data table, not `if` chains: `kind` says whether the switch is in place, replaces the
 * resource, or only affects data written from now on; `steps` are the reviewer's words, in order.
 * `{resource}`, `{old}` and `{new}` are filled per consumer. The catalog's `replacement` flag (per
 * key attribute) wins over the table's kind: a replacement-class attribute is always a replacement.
 */
import { isServiceId, SERVICES } from '../catalog/services.js';
import { moduleNote } from '../inventory/blast-radius.js';
import type { Consumer } from '../inventory/types.js';
import type { MigrationStep } from './types.js';

interface Playbook {
  kind: MigrationStep['kind'];
  steps: string[];
}

const KEEP_OLD_KEY =
  'Keep {old} enabled until everything it encrypted for {resource} is re-encrypted or expired; only then schedule its deletion, with the full 30-day window (and an alarm on the deletion).';

/** The safe path for resources that are re-created when their key changes. */
const REPLACEMENT = (what: string, copy: string, cutOver: string): Playbook => ({
  kind: 'replacement',
  steps: [
    `CHANGING THE KEY REPLACES ${what}: a plain apply destroys it and creates an empty one. Do not apply the key change directly.`,
    copy,
    cutOver,
    KEEP_OLD_KEY,
  ],
});

const PLAYBOOKS: Record<string, Playbook> = {
  rds: REPLACEMENT(
    'THE DATABASE ({resource})',
    'Take a snapshot of {resource}, copy the snapshot with {new} as its KMS key (copy-db-snapshot / copy-db-cluster-snapshot --kms-key-id), and restore a new instance or cluster from the copy.',
    'Cut over: point clients at the restored database (or rename it into place), then import it into the IaC state in place of the old one (terraform import / CloudFormation resource import) so the plan shows no replacement; keep the old database until the cut-over is verified. Performance Insights and the master-user secret switch in place.',
  ),
  docdb: REPLACEMENT(
    'THE CLUSTER ({resource})',
    'Snapshot {resource}, copy the snapshot with {new}, restore a new cluster from the copy.',
    'Cut over clients to the restored cluster, then import it into the IaC state in place of the old one; keep the old cluster until verified.',
  ),
  neptune: REPLACEMENT(
    'THE CLUSTER ({resource})',
    'Snapshot {resource}, copy the snapshot with {new}, restore a new cluster from the copy.',
    'Cut over clients to the restored cluster, then import it into the IaC state in place of the old one; keep the old cluster until verified.',
  ),
  ebs: REPLACEMENT(
    'THE VOLUME ({resource})',
    'Snapshot {resource}, copy the snapshot with {new} (copy-snapshot --encrypted --kms-key-id), and create a new volume from the copy in the same Availability Zone.',
    'Stop the workload, detach the old volume, attach the new one, then import the new volume into the IaC state in place of the old one; scratch volumes with nothing to keep can simply be re-created in a maintenance window.',
  ),
  efs: REPLACEMENT(
    'THE FILE SYSTEM ({resource})',
    'Create a new file system encrypted with {new} and copy the data (AWS DataSync, or restore an AWS Backup recovery point into the new file system).',
    'Switch mount targets / access points of the clients to the new file system, then import it into the IaC state in place of the old one; keep the old one until verified.',
  ),
  fsx: REPLACEMENT(
    'THE FILE SYSTEM ({resource})',
    'Back up {resource} and restore the backup to a new file system encrypted with {new} (or copy the data with DataSync).',
    'Switch clients to the new file system, import it into the IaC state in place of the old one; keep the old one until verified.',
  ),
  redshift: REPLACEMENT(
    'THE CLUSTER ({resource})',
    'Snapshot {resource} and restore it to a new cluster encrypted with {new} (Redshift can also change a cluster key with modify-cluster --kms-key-id, which rewrites the data: check the provider does not plan a replacement).',
    'Cut over clients, then import the new cluster into the IaC state; keep the old cluster until verified.',
  ),
  s3: {
    kind: 'in-place',
    steps: [
      'Switch in place: apply the new default encryption key on {resource}; new writes use {new}.',
      'Existing objects stay encrypted under {old}: re-encrypt them with S3 Batch Operations (Copy in place with SSE-KMS {new}) or an aws s3 cp --recursive --sse aws:kms --sse-kms-key-id copy onto itself.',
      'Enable the S3 Bucket Key on the bucket (bucket_key_enabled / BucketKeyEnabled) so objects do not call KMS one by one.',
      'Readers need kms:Decrypt on both keys until the re-encryption finishes.',
      KEEP_OLD_KEY,
    ],
  },
  secretsmanager: {
    kind: 'in-place',
    steps: [
      'Switch in place: set the secret key of {resource} to {new}.',
      'Only new secret versions use {new}: rotate the secret, or re-store the current value (aws secretsmanager update-secret --secret-id … --kms-key-id {new} re-encrypts AWSCURRENT).',
      'Callers need kms:Decrypt on {new} before the switch; previous versions (AWSPREVIOUS) stay under {old} until they age out.',
      KEEP_OLD_KEY,
    ],
  },
  logs: {
    kind: 'new-data-only',
    steps: [
      'Switch in place: associate {new} with {resource} (associate-kms-key); only log events ingested from now on use it.',
      'Events already stored stay encrypted under {old} and remain readable only while {old} is usable: keep it for the retention period of the log group.',
      'The new key policy allows the CloudWatch Logs service principal with the log-group encryption-context condition; check it covers {resource} before the switch.',
      KEEP_OLD_KEY,
    ],
  },
  sqs: {
    kind: 'in-place',
    steps: [
      'Switch in place: set the queue key of {resource} to {new}; SQS uses it for messages sent from now on.',
      'Messages already in the queue stay under {old} until consumed or expired (at most the retention period); producers and consumers need kms:GenerateDataKey / kms:Decrypt on {new} before the switch.',
      KEEP_OLD_KEY,
    ],
  },
  sns: {
    kind: 'in-place',
    steps: [
      'Switch in place: set the topic key of {resource} to {new}.',
      'Publishers (and the services that publish, e.g. CloudWatch alarms, EventBridge) need kms:GenerateDataKey* and kms:Decrypt on {new} before the switch.',
      KEEP_OLD_KEY,
    ],
  },
  dynamodb: {
    kind: 'in-place',
    steps: [
      'Switch in place: update the table encryption of {resource} to {new}; DynamoDB re-encrypts the table in the background, with no downtime.',
      'Backups and point-in-time recovery data taken before the switch stay under {old}.',
      KEEP_OLD_KEY,
    ],
  },
  kinesis: {
    kind: 'new-data-only',
    steps: [
      'Switch in place: start-stream-encryption with {new} on {resource}; records written from now on use it.',
      'Records already in the stream stay under {old} until they expire (retention period).',
      KEEP_OLD_KEY,
    ],
  },
  ssm: {
    kind: 'in-place',
    steps: ['Switch in place: re-put each SecureString parameter of {resource} with {new} (put-parameter --overwrite --key-id).', KEEP_OLD_KEY],
  },
  lambda: {
    kind: 'in-place',
    steps: ['Switch in place: the function configuration of {resource} is re-encrypted with {new} on the next deployment.', KEEP_OLD_KEY],
  },
};

/** A call to a module the tool does not read: what the new key does to its resources is the module's business. */
const MODULE_PLAYBOOK: Playbook = {
  kind: 'in-place',
  steps: [
    'Module {resource} ({module}) is not read by the tool: the patch changes its key argument, but whether its resources switch in place or are REPLACED is unknown. Run terraform plan on the change and follow the playbook of each resource the plan shows changing; do not apply a plan that destroys data stores.',
    KEEP_OLD_KEY,
  ],
};

const DEFAULT_PLAYBOOK: Playbook = {
  kind: 'in-place',
  steps: ['Switch in place: point {resource} at {new} and apply; check the service documentation for data written before the switch.', KEEP_OLD_KEY],
};

const DEFAULT_REPLACEMENT = REPLACEMENT(
  'THE RESOURCE ({resource})',
  'Create a copy of {resource} encrypted with {new} (snapshot and copy, or export and import), and move the data.',
  'Cut over clients, then import the new resource into the IaC state in place of the old one; keep the old one until verified.',
);

/** One step list per consumer resource (all its key attributes that move to the same new key). */
export function migrationFor(consumers: readonly Consumer[], oldKey: string, newKey: string): MigrationStep {
  const first = consumers[0];
  const replaces = consumers.some((c) => c.replacementOnKeyChange);
  const table = PLAYBOOKS[first.service];
  const playbook = replaces
    ? table?.kind === 'replacement'
      ? table
      : DEFAULT_REPLACEMENT
    : first.kind === 'module'
      ? MODULE_PLAYBOOK
      : table && table.kind !== 'replacement'
        ? table
        : DEFAULT_PLAYBOOK;
  const fill = (s: string) =>
    s
      .replaceAll('{resource}', shortId(first.resource))
      .replaceAll('{module}', moduleNote(first) ?? 'not read')
      .replaceAll('{old}', oldKey)
      .replaceAll('{new}', newKey);
  const service = isServiceId(first.service) ? SERVICES[first.service].name : first.service;
  return {
    resource: first.resource,
    service,
    kind: playbook.kind,
    steps: playbook.steps.map(fill),
    attributes: consumers.map((c) => c.attribute),
    newKey,
  };
}

function shortId(id: string): string {
  const at = id.indexOf(':');
  return at > 0 ? id.slice(at + 1) : id;
}
