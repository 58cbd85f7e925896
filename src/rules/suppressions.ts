/**
 * Suppressions: `ignores` in the config and inline comments in the source
 * (`# kms-review:ignore KMS301 reason="HSM team rotates it"`, also after `//`), on the line of
 * the finding, on the first line of the resource that holds it, or on the line above either.
 * A suppression without a reason suppresses nothing and is reported.
 */
import type { Config } from '../config/schema.js';
import type { Key } from '../inventory/types.js';
import type { SourceFile } from '../model/source.js';
import type { Location, Problem, Resource } from '../model/types.js';
import type { Finding, Suppression } from './types.js';

export interface InlineSuppression {
  rule: string;
  reason: string;
  location: Location;
}

const INLINE = /(?:#|\/\/)\s*kms-review:ignore\s+(KMS\d{3})\b(.*)$/;
const REASON = /reason\s*=\s*"([^"]*)"/;

export function findInlineSuppressions(files: readonly SourceFile[]): { suppressions: InlineSuppression[]; problems: Problem[] } {
  const suppressions: InlineSuppression[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    if (!file.text.includes('kms-review:ignore')) continue;
    file.text.split('\n').forEach((line, index) => {
      const match = INLINE.exec(line);
      if (!match) return;
      const location = { file: file.path, startLine: index + 1, endLine: index + 1 };
      const reason = REASON.exec(match[2])?.[1]?.trim();
      if (reason) suppressions.push({ rule: match[1], reason, location });
      else problems.push({ rule: 'KMS000', message: `kms-review:ignore ${match[1]} has no reason="…": it suppresses nothing`, location });
    });
  }
  return { suppressions, problems };
}

/**
 * A pull-request-scoped ignore (`/kms ignore KMS103 alias/x reason="…"` in a PR conversation):
 * recorded by the GitHub App in a marker comment on that PR, honoured by every later run of it.
 * `target` is a key (id, alias, ARN) or a resource (id or address); absent: every finding of the rule.
 */
export interface PrIgnore {
  rule: string;
  target?: string;
  reason: string;
  author: string;
  /** `YYYY-MM-DD` the ignore was recorded. */
  date: string;
  expires?: string;
}

export interface SuppressionContext {
  config: Config;
  inline: readonly InlineSuppression[];
  /** Pull-request-scoped ignores (GitHub App), applied after config and inline suppressions. */
  pr?: readonly PrIgnore[];
  keys: ReadonlyMap<string, Key>;
  resources: ReadonlyMap<string, Resource>;
  today: string;
}

export function suppressionFor(finding: Omit<Finding, 'suppressed'>, ctx: SuppressionContext): Suppression | undefined {
  return configSuppression(finding, ctx) ?? inlineSuppression(finding, ctx) ?? prSuppression(finding, ctx);
}

/** True when a PR ignore applies to the finding today (same rule, matching target, not expired). */
export function prIgnoreMatches(ignore: PrIgnore, finding: Omit<Finding, 'suppressed'>, keys: ReadonlyMap<string, Key>, today: string): boolean {
  if (ignore.rule !== finding.rule) return false;
  if (ignore.expires && ignore.expires < today) return false;
  if (!ignore.target) return true;
  const t = ignore.target;
  const key = finding.key ? keys.get(finding.key) : undefined;
  const names = new Set([finding.key, ...(key?.aliases ?? [])].filter((n): n is string => Boolean(n)));
  if (names.has(t) || names.has(`alias/${t}`)) return true;
  const ids = [finding.key, ...finding.subjects].filter((id): id is string => Boolean(id));
  return ids.some((id) => id === t || id.endsWith(`:${t}`));
}

function prSuppression(finding: Omit<Finding, 'suppressed'>, ctx: SuppressionContext): Suppression | undefined {
  const hit = ctx.pr?.find((ignore) => prIgnoreMatches(ignore, finding, ctx.keys, ctx.today));
  return hit ? { by: 'pr', reason: hit.reason, author: hit.author, ...(hit.expires ? { expires: hit.expires } : {}) } : undefined;
}

function configSuppression(finding: Omit<Finding, 'suppressed'>, ctx: SuppressionContext): Suppression | undefined {
  if (!ctx.config.ignores.some((ignore) => ignore.rule === finding.rule)) return undefined;
  const key = finding.key ? ctx.keys.get(finding.key) : undefined;
  const names = new Set([finding.key, ...(key?.aliases ?? [])].filter((n): n is string => Boolean(n)));
  for (const ignore of ctx.config.ignores) {
    if (ignore.rule !== finding.rule) continue;
    if (ignore.expires && ignore.expires < ctx.today) continue;
    if (ignore.key && !names.has(ignore.key)) continue;
    const resources = [finding.key, ...finding.subjects].filter((id): id is string => Boolean(id));
    if (ignore.resource && !resources.some((id) => id === ignore.resource || id.endsWith(`:${ignore.resource}`))) continue;
    return { by: 'config', reason: ignore.reason, ...(ignore.expires ? { expires: ignore.expires } : {}) };
  }
  return undefined;
}

function inlineSuppression(finding: Omit<Finding, 'suppressed'>, ctx: SuppressionContext): Suppression | undefined {
  // Most rules have no inline suppression at all: their findings need no anchors.
  if (!ctx.inline.some((s) => s.rule === finding.rule)) return undefined;
  const anchors = anchorLocations(finding, ctx);
  const hit = ctx.inline.find(
    (s) =>
      s.rule === finding.rule &&
      anchors.some((a) => a.file === s.location.file && (s.location.startLine === a.startLine || s.location.startLine === a.startLine - 1)),
  );
  return hit ? { by: 'inline', reason: hit.reason, location: hit.location } : undefined;
}

/** The finding's own line, and the first line of the key and subject resources that contain it. */
function anchorLocations(finding: Omit<Finding, 'suppressed'>, ctx: SuppressionContext): Location[] {
  const owners = [finding.key, ...finding.subjects]
    .map((id) => (id ? ctx.resources.get(id)?.location : undefined))
    .filter((l): l is Location => l !== undefined);
  return [...(finding.location ? [finding.location] : []), ...owners];
}
