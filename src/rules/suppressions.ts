/**
 * Suppressions: `ignores` in the config and inline comments in the source
 * (`# kms-review:ignore KMS301 reason="HSM team rotates it"`, also after `//`), on the line of
 * the finding, on the first line of the resource that holds it, or on the line above either.
 * A suppression without a reason suppresses nothing and is reported.
 */
import type { Config } from '../config/schema.js';
import type { Key } from '../inventory/types.js';
import type { Location, Problem, Resource } from '../model/types.js';
import type { SourceFile } from '../parse/plugin.js';
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

export interface SuppressionContext {
  config: Config;
  inline: readonly InlineSuppression[];
  keys: ReadonlyMap<string, Key>;
  resources: ReadonlyMap<string, Resource>;
  today: string;
}

export function suppressionFor(finding: Omit<Finding, 'suppressed'>, ctx: SuppressionContext): Suppression | undefined {
  return configSuppression(finding, ctx) ?? inlineSuppression(finding, ctx);
}

function configSuppression(finding: Omit<Finding, 'suppressed'>, ctx: SuppressionContext): Suppression | undefined {
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
