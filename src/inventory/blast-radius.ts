/** How much depends on a key: the numbers the principle rules and the reviewer read first. */
import { flat } from '../model/strings.js';
import type { BlastRadius, Consumer } from './types.js';

/** The service of a consumer we only know as an input of a module we cannot read. */
export const UNKNOWN_SERVICE = 'module';

export function blastRadius(consumers: Consumer[]): BlastRadius {
  const distinct = (pick: (c: Consumer) => string | undefined) => new Set(consumers.map(pick).filter((v): v is string => v !== undefined)).size;
  const unknownCount = (pick: (c: Consumer) => unknown) => consumers.filter((c) => pick(c) === null).length;
  const instances = (c: Consumer) => c.multiplicity?.keys?.length ?? 1;
  return {
    // A resource using the key for several purposes (RDS storage + Performance Insights) counts once.
    consumers: [...new Map(consumers.map((c) => [c.resource, instances(c)])).values()].reduce((sum, n) => sum + n, 0),
    // An opaque module's input is a consumer of unknown service: it does not count as one more service.
    services: distinct((c) => (c.service === UNKNOWN_SERVICE ? undefined : c.service)),
    workloads: distinct((c) => c.workload?.value),
    environments: distinct((c) => c.environment?.value),
    dataClasses: distinct((c) => c.dataClass?.value),
    unknown: {
      workloads: unknownCount((c) => c.workload),
      environments: unknownCount((c) => c.environment),
      dataClasses: unknownCount((c) => c.dataClass),
    },
    breaksIfDisabled: consumers.map(describeBreakage),
  };
}

function describeBreakage(c: Consumer): string {
  const env = [c.environment?.value, c.workload?.value].filter(Boolean).join('/');
  const where = [moduleNote(c), env].filter(Boolean).join('; ');
  const count = c.multiplicity?.keys ? ` ×${c.multiplicity.keys.length}` : '';
  return flat(`${c.service} ${c.purpose}: ${c.resource}${count}${where ? ` (${where})` : ''} at ${c.location.file}:${c.location.startLine}`);
}

/** For a module consumer, what it calls: `terraform-aws-modules/s3-bucket/aws 4.1.0, not read`; else undefined. */
export function moduleNote(c: Pick<Consumer, 'module'>): string | undefined {
  return c.module ? `${[c.module.source, c.module.version].filter(Boolean).join(' ')}, not read` : undefined;
}

/** `module.bucket (terraform-aws-modules/s3-bucket/aws 4.1.0, not read)` for a module consumer, else the address. */
export function consumerName(c: Pick<Consumer, 'module'> | undefined, address: string): string {
  const note = c ? moduleNote(c) : undefined;
  return note ? `${address} (${note})` : address;
}
