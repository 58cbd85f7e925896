/** Findings of base vs head by fingerprint: a review talks about what the change did, and counts the rest. */
import type { Finding } from '../rules/types.js';
import type { FindingsDiff } from './types.js';

export interface FindingsDiffOptions {
  /**
   * Base key id → head key id for keys renamed by a `moved {}` block (`InventoryDiff.renamedKeys`).
   * Fingerprints contain the key id, so a finding on a renamed key is matched by rule, key and
   * subjects instead: a rename alone neither fixes nor introduces anything.
   */
  renamedKeys?: Readonly<Record<string, string>>;
}

export function diffFindings(base: readonly Finding[], head: readonly Finding[], options: FindingsDiffOptions = {}): FindingsDiff {
  const renamed = options.renamedKeys ?? {};
  const rename = (id: string) => renamed[id] ?? id;
  const loose = (f: Finding, map: (id: string) => string) => `${f.rule}\u0000${f.key ? map(f.key) : ''}\u0000${f.subjects.map(map).sort().join(',')}`;

  const baseByPrint = new Map(base.map((f) => [f.fingerprint, f]));
  const matched = new Set<Finding>();
  const looseBase = new Map<string, Finding[]>();
  const hasRenames = Object.keys(renamed).length > 0;
  if (hasRenames) {
    for (const f of base) {
      if (!f.key || rename(f.key) === f.key) continue;
      const id = loose(f, rename);
      looseBase.set(id, [...(looseBase.get(id) ?? []), f]);
    }
  }

  const diff: FindingsDiff = { new: [], fixed: [], unchanged: [] };
  for (const f of head) {
    let was = baseByPrint.get(f.fingerprint);
    if (was && matched.has(was)) was = undefined;
    if (!was && hasRenames) was = looseBase.get(loose(f, (id) => id))?.find((b) => !matched.has(b));
    if (was) {
      matched.add(was);
      diff.unchanged.push(f);
    } else diff.new.push(f);
  }
  for (const f of base) if (!matched.has(f)) diff.fixed.push(f);
  return diff;
}
