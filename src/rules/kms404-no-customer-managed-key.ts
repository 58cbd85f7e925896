/**
 * KMS404: a key-consuming resource is protected by no customer managed key — no encryption, an
 * AWS owned key, or an AWS managed key (`alias/aws/*`). Low; medium when the resource is in
 * production or holds data of a known class other than public / internal-only.
 */
import { consumerSpecFor } from '../catalog/consumers.js';
import type { Classifications, Location } from '../model/types.js';
import { attributeName, classificationEvidence, isClassifiedData, isProduction, nameOf, resourceById, serviceName } from './support/governance.js';
import type { FindingDraft, Rule, RuleContext, Severity } from './types.js';

export const kms404: Rule = {
  id: 'KMS404',
  name: 'no-customer-managed-key',
  principle: 'governance',
  defaultSeverity: 'low',
  rationale:
    'With no encryption, an AWS owned key or an AWS managed key, you cannot write the key policy, separate workloads or data classes, choose rotation, or disable access in an incident: only a customer managed key gives that control.',
  check(ctx) {
    const unprotected = ctx.inventory.withoutCmk.map((entry) => {
      const spec = consumerSpecFor(resourceById(ctx, entry.resource)?.source ?? 'terraform', entry.type);
      const main = spec?.keyPaths[0];
      const attribute = main ? attributeName(main.path) : 'the key attribute';
      const how =
        entry.protection === 'unencrypted' && main?.encryptedBy ? `turn on ${attributeName(main.encryptedBy.path)} and set ${attribute}` : `set ${attribute}`;
      return draft(ctx, {
        resource: entry.resource,
        service: entry.service,
        classes: entry,
        state: PROTECTION[entry.protection],
        how,
        location: entry.location,
        evidence: { protection: entry.protection },
        identity: entry.resource,
      });
    });
    const awsManaged = ctx.inventory.keys
      .filter((key) => key.manager === 'aws')
      .flatMap((key) =>
        key.consumers.map((consumer) =>
          draft(ctx, {
            key: key.id,
            resource: consumer.resource,
            service: consumer.service,
            classes: consumer,
            state: `uses the AWS managed key ${key.aliases[0] ?? key.id}${consumer.conditional ? ` (${consumer.conditional})` : ''}`,
            how: `set ${attributeName(consumer.attribute)}`,
            location: consumer.location,
            evidence: { protection: 'aws-managed', via: consumer.via, ...(consumer.conditional ? { conditional: consumer.conditional } : {}) },
            identity: `${consumer.resource}#${consumer.attribute}`,
          }),
        ),
      );
    return [...unprotected, ...awsManaged];
  },
};

const PROTECTION: Record<'aws-owned' | 'aws-managed' | 'unencrypted', string> = {
  'aws-owned': 'is encrypted only with an AWS owned key',
  'aws-managed': 'is encrypted with the AWS managed key of the service',
  unencrypted: 'is not encrypted',
};

interface Case {
  key?: string;
  resource: string;
  service: string;
  classes: Classifications;
  /** What protects it now, as a verb phrase. */
  state: string;
  /** What to change, as a verb phrase ending before "to a customer managed key". */
  how: string;
  location: Location;
  evidence: Record<string, unknown>;
  identity: string;
}

function draft(ctx: RuleContext, c: Case): FindingDraft {
  const known = [c.classes.environment?.value, c.classes.dataClass?.value].filter((v): v is string => Boolean(v));
  const context = [serviceName(c.service), ...known].join(', ');
  const severity = severityOf(c.classes);
  return {
    ...(c.key ? { key: c.key } : {}),
    subjects: [c.resource],
    message: `${nameOf(ctx, c.resource)} (${context}) ${c.state}. ${capitalise(c.how)} to a customer managed key of its workload and environment.`,
    evidence: {
      ...c.evidence,
      service: c.service,
      environment: classificationEvidence(c.classes.environment),
      dataClass: classificationEvidence(c.classes.dataClass),
    },
    location: c.location,
    ...(severity ? { severity } : {}),
    identity: c.identity,
  };
}

/** Medium in production or for classified data; otherwise the rule's default (low). */
function severityOf(classes: Classifications): Severity | undefined {
  return isProduction(classes.environment) || isClassifiedData(classes.dataClass) ? 'medium' : undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
