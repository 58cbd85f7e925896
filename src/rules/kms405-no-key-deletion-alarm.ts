/**
 * KMS405: the repository declares customer managed keys but nothing alerts when one is disabled
 * or scheduled for deletion. Alerting is an enabled EventBridge rule whose pattern selects the KMS
 * API calls `DisableKey` / `ScheduleKeyDeletion`, or a CloudWatch Logs metric filter whose pattern
 * names them with an alarm on its metric. One finding per scan, at the first declared key; a
 * pattern, metric or state that is not known statically counts as possibly alerting.
 */
import { valuesAtPath } from '../catalog/consumers.js';
import type { Resource, Value } from '../model/types.js';
import { isRecord, isRef, isSymbolic } from '../model/value.js';
import { declaredCustomerKeys } from './support/governance.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

export const kms405: Rule = {
  id: 'KMS405',
  name: 'no-key-deletion-alarm',
  principle: 'governance',
  defaultSeverity: 'info',
  rationale:
    'Disabling a key breaks every resource that uses it at once, and a deleted key makes its data unreadable forever; an alarm on DisableKey and ScheduleKeyDeletion lets someone react within the 7–30 day waiting period.',
  check(ctx) {
    const keys = declaredCustomerKeys(ctx.inventory)
      .filter((k) => k.location !== undefined)
      .sort((a, b) => compareLocations(a.location, b.location));
    const first = keys[0];
    if (!first) return [];
    const coverage = alertCoverage(ctx);
    const uncovered = EVENTS.filter((event) => coverage.get(event) === undefined);
    if (uncovered.length === 0) return [];
    const covered = EVENTS.filter((event) => !uncovered.includes(event));
    const orphans = filtersWithoutAlarm(ctx, uncovered);
    const draft: FindingDraft = {
      subjects: keys.map((k) => k.id),
      message:
        `Nothing alerts on ${uncovered.join(' or ')} for the ${keys.length} customer managed key${keys.length > 1 ? 's' : ''} declared here` +
        `${orphans.length > 0 ? ` (metric filter ${orphans.map((f) => f.address).join(', ')} has no alarm)` : ''}. ` +
        'Add an EventBridge rule on source aws.kms for these calls (or a CloudTrail metric filter with an alarm) so someone can react within the waiting period.',
      evidence: {
        keys: keys.length,
        uncovered,
        covered: Object.fromEntries(covered.map((event) => [event, coverage.get(event)])),
        filtersWithoutAlarm: orphans.map((f) => f.id),
      },
      location: first.location,
      identity: 'repository',
    };
    return [draft];
  },
};

const EVENTS = ['DisableKey', 'ScheduleKeyDeletion'] as const;
type Event = (typeof EVENTS)[number];
/** For each event: the resources that (possibly) alert on it. */
type Coverage = Map<Event, string[]>;

/** Where each resource type keeps what KMS405 reads, in Terraform and CloudFormation. */
interface EventRuleSpec {
  pattern: string;
  /** Attribute and the values that turn the rule off. */
  disabled: { attribute: string; values: readonly Value[] }[];
}
const EVENT_RULES: Record<string, EventRuleSpec> = {
  aws_cloudwatch_event_rule: {
    pattern: 'event_pattern',
    disabled: [
      { attribute: 'is_enabled', values: [false, 'false'] },
      { attribute: 'state', values: ['DISABLED'] },
    ],
  },
  'AWS::Events::Rule': { pattern: 'EventPattern', disabled: [{ attribute: 'State', values: ['DISABLED'] }] },
};
interface MetricFilterSpec {
  pattern: string;
  metricName: string;
  namespace: string;
}
const METRIC_FILTERS: Record<string, MetricFilterSpec> = {
  aws_cloudwatch_log_metric_filter: { pattern: 'pattern', metricName: 'metric_transformation.name', namespace: 'metric_transformation.namespace' },
  'AWS::Logs::MetricFilter': { pattern: 'FilterPattern', metricName: 'MetricTransformations.MetricName', namespace: 'MetricTransformations.MetricNamespace' },
};
/** Metric (name path, namespace path) pairs an alarm may watch, directly or in a metric query. */
const ALARMS: Record<string, { name: string; namespace: string }[]> = {
  aws_cloudwatch_metric_alarm: [
    { name: 'metric_name', namespace: 'namespace' },
    { name: 'metric_query.metric.metric_name', namespace: 'metric_query.metric.namespace' },
  ],
  'AWS::CloudWatch::Alarm': [
    { name: 'MetricName', namespace: 'Namespace' },
    { name: 'Metrics.MetricStat.Metric.MetricName', namespace: 'Metrics.MetricStat.Metric.Namespace' },
  ],
};

function alertCoverage(ctx: RuleContext): Coverage {
  const coverage: Coverage = new Map();
  const add = (events: readonly Event[], by: string) => {
    for (const event of events) coverage.set(event, [...(coverage.get(event) ?? []), by]);
  };
  // Alarms are looked up once per filter that names an event, among the alarm resources only.
  const alarms = alarmResources(ctx);
  for (const resource of ctx.resources) {
    if (resource.mode !== 'managed') continue;
    const rule = EVENT_RULES[resource.type];
    if (rule && !isDisabled(resource, rule)) add(eventsOfPattern(resource.attrs[rule.pattern]), resource.id);
    const filter = METRIC_FILTERS[resource.type];
    const named = filter ? eventsOfFilter(resource.attrs[filter.pattern]) : [];
    if (filter && named.length > 0 && hasAlarm(alarms, resource, filter)) add(named, resource.id);
  }
  return coverage;
}

function isDisabled(resource: Resource, spec: EventRuleSpec): boolean {
  return spec.disabled.some(({ attribute, values }) => values.includes(resource.attrs[attribute] ?? null));
}

const ALL: readonly Event[] = EVENTS;
const KMS_SOURCE = 'aws.kms';
const KMS_EVENT_SOURCE = 'kms.amazonaws.com';
const CLOUDTRAIL_DETAIL_TYPE = 'AWS API Call via CloudTrail';

/** The events an EventBridge pattern (JSON text or object) selects; all when it cannot be read. */
function eventsOfPattern(value: Value | undefined): readonly Event[] {
  const pattern = typeof value === 'string' ? parseJson(value) : value;
  if (pattern === undefined || pattern === null) return [];
  if (!isRecord(pattern)) return ALL;
  const detail = isRecord(pattern.detail) ? pattern.detail : {};
  const sources = matcher(pattern.source);
  const eventSources = matcher(detail.eventSource);
  const detailTypes = matcher(pattern['detail-type']);
  const names = matcher(detail.eventName);
  if (sources && !sources(KMS_SOURCE)) return [];
  if (eventSources && !eventSources(KMS_EVENT_SOURCE)) return [];
  if (detailTypes && !detailTypes(CLOUDTRAIL_DETAIL_TYPE)) return [];
  if (names) return EVENTS.filter((event) => names(event));
  // No event name filter: every KMS API call, when the pattern is about KMS at all.
  return sources || eventSources ? ALL : [];
}

/** A metric filter pattern that names the event; an unknown pattern may name them all. */
function eventsOfFilter(value: Value | undefined): readonly Event[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'string') return isSymbolic(value) ? ALL : [];
  return EVENTS.filter((event) => new RegExp(`\\b${event}\\b`).test(value));
}

function parseJson(text: string): Value | undefined {
  try {
    return JSON.parse(text) as Value;
  } catch {
    return undefined;
  }
}

type Matcher = (candidate: string) => boolean;

/** EventBridge content filters we read; an operator we do not know matches (it might). */
const CONTENT_FILTERS: Record<string, (operand: Value, candidate: string) => boolean> = {
  prefix: (operand, candidate) => typeof operand !== 'string' || candidate.startsWith(operand),
  suffix: (operand, candidate) => typeof operand !== 'string' || candidate.endsWith(operand),
  'equals-ignore-case': (operand, candidate) => typeof operand !== 'string' || candidate.toLowerCase() === operand.toLowerCase(),
  wildcard: (operand, candidate) => typeof operand !== 'string' || wildcard(operand).test(candidate),
  'anything-but': (operand, candidate) => !(Array.isArray(operand) ? operand : [operand]).includes(candidate),
};

/** A pattern field as a predicate; undefined when the field is absent (no constraint). */
function matcher(field: Value | undefined): Matcher | undefined {
  if (field === undefined || field === null) return undefined;
  const items = Array.isArray(field) ? field : [field];
  return (candidate) =>
    items.some((item) => {
      if (typeof item === 'string') return item === candidate;
      if (!isRecord(item)) return isSymbolic(item);
      return Object.entries(item).every(([operator, operand]) => CONTENT_FILTERS[operator]?.(operand, candidate) ?? true);
    });
}

function wildcard(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
}

/** True when some alarm (possibly) watches the metric the filter publishes. */
function hasAlarm(alarms: readonly Resource[], filter: Resource, spec: MetricFilterSpec): boolean {
  const names = valuesAtPath(filter.attrs, spec.metricName).map((v) => v.value);
  const namespaces = valuesAtPath(filter.attrs, spec.namespace).map((v) => v.value);
  return alarms.some((alarm) =>
    (ALARMS[alarm.type] ?? []).some((paths) => {
      const watched = valuesAtPath(alarm.attrs, paths.name).map((v) => v.value);
      const watchedNamespaces = valuesAtPath(alarm.attrs, paths.namespace).map((v) => v.value);
      return watched.some((name) =>
        isRef(name) ? `${name.unit}:${name.address}` === filter.id : sameValue(name, names) && sameValue(watchedNamespaces[0], namespaces),
      );
    }),
  );
}

/** Equal, or not known statically on either side (which may be equal). */
function sameValue(value: Value | undefined, candidates: Value[]): boolean {
  if (value === undefined || candidates.length === 0) return true;
  if (isSymbolic(value)) return true;
  return candidates.some((candidate) => isSymbolic(candidate) || candidate === value);
}

/** Metric filters that name an uncovered event but have no alarm: the usual half-done setup. */
function filtersWithoutAlarm(ctx: RuleContext, uncovered: readonly Event[]): Resource[] {
  const alarms = alarmResources(ctx);
  return ctx.resources.filter((resource) => {
    const spec = METRIC_FILTERS[resource.type];
    return spec !== undefined && eventsOfFilter(resource.attrs[spec.pattern]).some((e) => uncovered.includes(e)) && !hasAlarm(alarms, resource, spec);
  });
}

function alarmResources(ctx: RuleContext): Resource[] {
  return ctx.resources.filter((r) => ALARMS[r.type] !== undefined);
}

function compareLocations(a: { file: string; startLine: number } | undefined, b: { file: string; startLine: number } | undefined): number {
  return (a?.file ?? '').localeCompare(b?.file ?? '') || (a?.startLine ?? 0) - (b?.startLine ?? 0);
}
