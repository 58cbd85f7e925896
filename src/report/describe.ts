/** Short human phrases shared by the text and markdown renderers. */
import type { Consumer, Key, Known } from '../inventory/types.js';
import type { Classified, Location } from '../model/types.js';
import { isOneOf, isUnknown } from '../model/value.js';

export const at = (l: Location | undefined): string => (l ? `${l.file}:${l.startLine}${l.endLine !== l.startLine ? `-${l.endLine}` : ''}` : '—');

export const known = <T>(value: Known<T> | undefined, show: (v: T) => string = String): string => {
  if (value === undefined) return '—';
  if (isUnknown(value)) return `? (${value.reason})`;
  // A choice of known values (CloudFormation Fn::If, a Terraform conditional).
  if (isOneOf(value)) return `${value.options.map((o) => (o === null ? 'default' : show(o as T))).join(' | ')} (${value.reason})`;
  return show(value as T);
};

export const classified = (c: Classified): string => (c ? `${c.value} (${c.from})` : '?');

export function rotationPhrase(key: Key): string {
  const enabled = key.rotation.enabled;
  if (isUnknown(enabled)) return `rotation ?`;
  if (isOneOf(enabled)) return `rotation ${known(enabled, (on) => (on ? 'on' : 'off'))}`;
  if (!enabled) return 'rotation off';
  const period = key.rotation.periodDays;
  return period !== undefined && !isUnknown(period) && !isOneOf(period) ? `rotation every ${period} d` : 'rotation on';
}

export function keyTitle(key: Key): string {
  const aliases = key.aliases.filter((a) => a !== key.id);
  return aliases.length > 0 ? `${key.id}  ${aliases.join(', ')}` : key.id;
}

export function keyFacts(key: Key): string[] {
  if (!key.declared) {
    const where = [key.account && `account ${key.account}`, key.region].filter(Boolean).join(' · ');
    return [`${key.manager === 'aws' ? 'AWS managed key' : 'not declared here (referenced only)'}${where ? ` · ${where}` : ''}`];
  }
  return [
    at(key.location),
    key.type ?? '',
    known(key.spec),
    rotationPhrase(key),
    `deletion window ${known(key.deletionWindowDays, (d) => `${d} d`)}`,
    key.multiRegion === true ? 'multi-Region' : '',
    key.policy
      ? `policy ${key.policy.from === 'inline' ? 'inline' : `from ${key.policy.from}`} (${key.policy.document.statements.length} statements)`
      : 'default key policy',
    key.grants.length > 0 ? `${key.grants.length} grants` : '',
  ].filter(Boolean);
}

export function blastPhrase(key: Key): string {
  const b = key.blastRadius;
  const n = (count: number, unknown: number, noun: string) => `${count}${unknown > 0 ? `+${unknown}?` : ''} ${noun}`;
  return [
    `${b.consumers} consumers`,
    `${b.services} services`,
    n(b.workloads, b.unknown.workloads, 'workloads'),
    n(b.environments, b.unknown.environments, 'environments'),
    n(b.dataClasses, b.unknown.dataClasses, 'data classes'),
  ].join(' · ');
}

/** Consumers grouped by environment / workload / data class, in a stable order. */
export function groupConsumers(consumers: Consumer[]): [string, Consumer[]][] {
  const groups = new Map<string, Consumer[]>();
  for (const c of consumers) {
    const label = [c.environment?.value ?? '?', c.workload?.value ?? '?', c.dataClass?.value ?? '?'].join(' / ');
    groups.set(label, [...(groups.get(label) ?? []), c]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export function resourceAddress(resourceId: string): string {
  return resourceId.slice(resourceId.indexOf(':') + 1);
}
