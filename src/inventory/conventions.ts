/** Naming conventions that imply a classification when nothing explicit says so. */

/**
 * Environment spellings → the canonical name used for comparisons. Not `live`: terragrunt repos
 * keep every environment under `live/` (`live/staging/app`).
 */
export const ENVIRONMENT_SYNONYMS: Record<string, string> = {
  prod: 'prod',
  production: 'prod',
  prd: 'prod',
  staging: 'staging',
  stage: 'staging',
  stg: 'staging',
  preprod: 'staging',
  uat: 'uat',
  qa: 'qa',
  test: 'test',
  testing: 'test',
  dev: 'dev',
  development: 'dev',
  sandbox: 'sandbox',
  sbx: 'sandbox',
};

/** Environments that count as production when a rule asks "is this prod?". */
export const PRODUCTION_ENVIRONMENTS = new Set(['prod']);

/** Folder names whose child folder names a workload: `apps/orders/…`, `services/billing/…`. */
export const WORKLOAD_CONTAINER_FOLDERS = new Set(['apps', 'applications', 'services', 'workloads', 'projects', 'teams']);

/**
 * Path segments that are environments only in a folder context; a segment must equal a synonym
 * (`envs/prod/`), never merely contain it (`production-data/` is a bucket name, not an env).
 */
export function environmentOfSegment(segment: string): string | undefined {
  return ENVIRONMENT_SYNONYMS[segment.toLowerCase()];
}

/** The environment a name ends with: `orders-prod`, `alias/platform_dev`, `billing-production-queue` is not matched. */
export function environmentOfNameSuffix(name: string): { env: string; stem: string } | undefined {
  const match = /^(.*?)[-_.]([A-Za-z]+)$/.exec(name);
  if (!match) return undefined;
  const env = ENVIRONMENT_SYNONYMS[match[2].toLowerCase()];
  return env ? { env, stem: match[1] } : undefined;
}

export function canonicalEnvironment(value: string): string {
  return ENVIRONMENT_SYNONYMS[value.toLowerCase()] ?? value.toLowerCase();
}
