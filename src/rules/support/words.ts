/** English for messages: lists, counts and the short names of services. */
import { isServiceId, SERVICES } from '../../catalog/services.js';

/** `a`, `a and b`, `a, b and c`: the one way a message writes a list. */
export function joinWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `1 consumer`, `2 consumers`. */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/** Where the catalog's display name is not what a reviewer calls the service. */
const SHORT_SERVICE_NAMES: Record<string, string> = {
  rds: 'RDS',
  logs: 'Logs',
  ssm: 'Parameter Store',
  route53: 'Route 53',
  mwaa: 'MWAA',
  prometheus: 'Managed Prometheus',
  dms: 'DMS',
  kms: 'KMS',
};

/** `S3`, `DynamoDB`, `Secrets Manager`: the catalog name without "Amazon"/"AWS"; unknown ids as they are. */
export function shortServiceName(service: string): string {
  if (SHORT_SERVICE_NAMES[service]) return SHORT_SERVICE_NAMES[service];
  return isServiceId(service) ? SERVICES[service].name.replace(/^(Amazon|AWS) /, '') : service;
}
