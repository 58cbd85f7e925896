/** Helpers shared by the governance rules (KMS401–KMS405): names, classification tests, suggestions. */
import { isServiceId, serviceInfo } from '../../catalog/services.js';
import { canonicalEnvironment, PRODUCTION_ENVIRONMENTS } from '../../inventory/conventions.js';
import type { Inventory, Key } from '../../inventory/types.js';
import type { Classifications, Classified, SourceKind } from '../../model/types.js';
import type { RuleContext } from '../types.js';
import { resourceById } from './lookup.js';

/** How a message names a resource: its address (`aws_kms_key.orders`, a CloudFormation logical id), else the id. */
export function nameOf(ctx: Pick<RuleContext, 'resources'>, id: string): string {
  return resourceById(ctx.resources, id)?.address ?? id;
}

/** Keys this repository declares and manages itself: what governance rules are about. */
export function declaredCustomerKeys(inventory: Inventory): Key[] {
  return inventory.keys.filter((key) => key.declared && key.manager === 'customer');
}

/** The resource type that declares an alias, in the language the key is written in. */
const ALIAS_RESOURCE: Record<SourceKind, string> = {
  terraform: 'aws_kms_alias',
  plan: 'aws_kms_alias',
  cloudformation: 'AWS::KMS::Alias',
  policy: 'alias',
};
export function aliasResourceFor(source: SourceKind | undefined): string {
  return ALIAS_RESOURCE[source ?? 'terraform'];
}

/** `alias/<workload>-<env>` from what the classification knows, when it knows both. */
export function suggestedAlias(c: Classifications | undefined): string | undefined {
  const workload = c?.workload?.value;
  const environment = c?.environment?.value;
  if (!workload || !environment) return undefined;
  const slug = `${workload}-${canonicalEnvironment(environment)}`
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `alias/${slug}`;
}

export function isProduction(environment: Classified): boolean {
  return environment !== null && PRODUCTION_ENVIRONMENTS.has(canonicalEnvironment(environment.value));
}

/**
 * Data classes that do not make a resource "classified data" (compared lower case, without
 * `-`, `_` and spaces): public data and data only meant to stay inside the company.
 */
const UNCLASSIFIED_DATA = new Set(['public', 'internal', 'internalonly', 'internaluse', 'nonsensitive', 'unclassified', 'none']);

/** True when a data class is known and is neither public nor internal-only. */
export function isClassifiedData(dataClass: Classified): boolean {
  if (dataClass === null) return false;
  const normalised = dataClass.value.toLowerCase().replace(/[-_\s]+/g, '');
  return normalised !== '' && !UNCLASSIFIED_DATA.has(normalised);
}

/** `Amazon S3` for `s3`, the id itself for services the catalog does not name. */
export function serviceName(service: string): string {
  return isServiceId(service) ? serviceInfo(service).name : service;
}

/** The last segment of a dotted attribute path: what a user recognises in the resource. */
export function attributeName(path: string): string {
  return path.split('.').pop() ?? path;
}

/** A classification as evidence: value and where it came from. */
export function classificationEvidence(c: Classified): { value: string; from: string; detail: string } | null {
  return c ? { value: c.value, from: c.from, detail: c.detail } : null;
}
