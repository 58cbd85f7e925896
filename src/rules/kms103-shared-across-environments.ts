/**
 * KMS103 — one key serves two or more environments (principle 2: per stage); prod with non-prod is
 * critical. The message names the consumers of the other environments with the line of their key
 * reference, and points them at the existing key of their environment when the inventory has one.
 */
import { canonicalEnvironment, PRODUCTION_ENVIRONMENTS } from '../inventory/conventions.js';
import type { Key } from '../inventory/types.js';
import { crossRepositoryFindings } from './support/external.js';
import { aliasName, consumerAt, consumerIds, counted, judgedKeys, keyLabel, keyLocation, type MixGroup, mixEvidence, mixOf } from './support/mix.js';
import { joinWords } from './support/words.js';
import type { FindingDraft, Rule, RuleContext } from './types.js';

/** Consumers named per environment before "+N more". */
const SHOWN = 3;

function finding(ctx: RuleContext, key: Key): FindingDraft[] {
  const mix = mixOf(key, 'environment');
  if (mix.groups.length < 2) return [];
  // The key's own environment when known, else the one most of its consumers are in.
  const own = key.environment ? canonicalEnvironment(key.environment.value) : undefined;
  const home = own ?? mix.groups[0].value;
  const homeGroup = mix.groups.find((g) => g.value === home);
  const away = mix.groups.filter((g) => g !== homeGroup);
  const usedFrom = joinWords(away.map((g) => `from ${g.value} by ${consumersOf(key, g)}`));
  const opening = own
    ? `${capitalise(home)} key ${keyLabel(key)} is used ${usedFrom}.`
    : `Key ${keyLabel(key)} serves ${home} (${counted(homeGroup?.consumers.length ?? 0, 'consumer')}) and is also used ${usedFrom}.`;
  const targets = away.map((g) => ({ group: g, existing: existingKeyFor(ctx, key, home, g) }));
  const advice =
    targets.length === 1
      ? `Point ${pronoun(targets[0].group)} at ${targetText(key, home, targets[0].group, targets[0].existing)}.`
      : `Point ${joinWords(targets.map((t) => `the ${t.group.value} consumers at ${targetText(key, home, t.group, t.existing)}`))}.`;
  const n = mix.unknown.length;
  const unknown = n > 0 ? ` ${n} other ${n === 1 ? 'consumer has' : 'consumers have'} no known environment.` : '';
  const location = keyLocation(key);
  // Two or more groups: one of them in prod means prod mixed with non-prod.
  const critical = mix.groups.some((g) => PRODUCTION_ENVIRONMENTS.has(g.value));
  return [
    {
      key: key.id,
      subjects: consumerIds(key),
      message: `${opening}${unknown} ${advice}`,
      evidence: {
        ...mixEvidence(key, mix),
        home,
        elsewhere: Object.fromEntries(
          targets.map((t) => [t.group.value, { consumers: t.group.consumers, ...(t.existing ? { existingKey: t.existing } : {}) }]),
        ),
      },
      identity: '',
      ...(location ? { location } : {}),
      ...(critical ? { severity: 'critical' as const } : {}),
    },
  ];
}

/** `aws_sqs_queue.a (envs/dev/main.tf:61) and aws_sqs_queue.b (envs/dev/main.tf:70)`, then `+N more`. */
function consumersOf(key: Key, group: MixGroup): string {
  const shown = group.consumers.slice(0, SHOWN).map((id) => consumerAt(key, id));
  const more = group.consumers.length - shown.length;
  return more > 0 ? `${shown.join(', ')} +${more} more` : joinWords(shown);
}

function pronoun(group: MixGroup): string {
  return group.consumers.length === 1 ? 'it' : 'them';
}

/** The existing key of that environment, or a new one named after this key's alias or workload. */
function targetText(key: Key, home: string, group: MixGroup, existing: string | undefined): string {
  if (existing) return existing;
  const alias = swappedAlias(key, home, group.value) ?? (key.workload ? `alias/${aliasName(key.workload.value, group.value)}` : undefined);
  return alias ? `a new ${group.value} key (${alias})` : `a ${group.value} key of its own`;
}

/** `alias/platform-prod` → `alias/platform-dev`: the key's alias with its environment segment swapped. */
function swappedAlias(key: Key, from: string, to: string): string | undefined {
  for (const alias of key.aliases) {
    const segments = alias.replace(/^alias\//, '').split(/([-_/.])/);
    const i = segments.findIndex((s) => s.length > 0 && !/^[-_/.]$/.test(s) && canonicalEnvironment(s) === from);
    if (i >= 0) return `alias/${[...segments.slice(0, i), to, ...segments.slice(i + 1)].join('')}`;
  }
  return undefined;
}

/**
 * A customer managed key of the group's environment already in the inventory: the one named like
 * this key with the environment swapped, else one of the consumers' workload, else of this key's.
 */
function existingKeyFor(ctx: RuleContext, key: Key, home: string, group: MixGroup): string | undefined {
  const candidates = ctx.inventory.keys.filter(
    (k) => k !== key && k.manager === 'customer' && k.environment && canonicalEnvironment(k.environment.value) === group.value,
  );
  const swapped = swappedAlias(key, home, group.value);
  const workloads = key.consumers.filter((c) => group.consumers.includes(c.resource) && c.workload).map((c) => c.workload?.value.toLowerCase());
  const same = (k: Key, workload: string | undefined) => workload !== undefined && k.workload?.value.toLowerCase() === workload;
  const best =
    candidates.find((k) => swapped !== undefined && k.aliases.includes(swapped)) ??
    candidates.find((k) => workloads.length > 0 && workloads.every((w) => same(k, w))) ??
    candidates.find((k) => same(k, key.workload?.value.toLowerCase()));
  if (best) return keyLabel(best);
  // An alias declared here without a key the inventory could resolve still names the key to use.
  return swapped !== undefined && ctx.inventory.aliases.some((a) => a.name === swapped) ? swapped : undefined;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const kms103: Rule = {
  id: 'KMS103',
  name: 'shared-across-environments',
  principle: 'applications',
  defaultSeverity: 'high',
  rationale:
    'Every stage needs its own keys: a key shared by prod and dev lets dev roles and dev mistakes (a disabled key, a loosened policy) ' +
    'reach production data, and a test can no longer be run without touching prod.',
  check: (ctx) => [
    ...judgedKeys(ctx.inventory).flatMap((key) => finding(ctx, key)),
    // With the organisation's key index: environments that other repositories bring to the key.
    ...crossRepositoryFindings(ctx, {
      dimension: 'environment',
      noun: 'serves',
      severity: (values) => (values.length >= 2 && values.some((v) => PRODUCTION_ENVIRONMENTS.has(v)) ? 'critical' : undefined),
      advice: (key, added) =>
        `Give ${joinWords(added)} ${added.length === 1 ? 'its' : 'their'} own key (${joinWords(
          added.map((e) => (key.workload ? `alias/${aliasName(key.workload.value, e)}` : `a ${e} key`)),
        )}), created in ${added.length === 1 ? 'that environment' : 'those environments'}.`,
    }),
  ],
};
