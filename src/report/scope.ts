/** What part of the tree a change review analysed: one line for people, one object for JSON. */
import type { ScanStats } from '../pipeline.js';
import type { ChangeScope } from '../sources/scope.js';

const n = (value: number) => value.toLocaleString('en-US');
const units = (count: number) => `${n(count)} unit${count === 1 ? '' : 's'}`;

/**
 * `scope: 2 of 104 units affected by the change (terraform:envs/prod, …) · 41 of 4,403 files read · --all reviews every unit`,
 * or `scope: all 104 units (--all) · 4,403 files`.
 */
export function scopeLine(scope: ChangeScope): string {
  if (scope.mode === 'all') return `scope: all ${units(scope.totalUnits)} (--all) · ${n(scope.totalFiles)} files`;
  const shown = scope.units.slice(0, 3).join(', ') + (scope.units.length > 3 ? `, +${scope.units.length - 3} more` : '');
  const which =
    scope.units.length === 0
      ? `no unit of ${n(scope.totalUnits)} affected by the change`
      : `${n(scope.units.length)} of ${units(scope.totalUnits)} affected by the change (${shown})`;
  const everything = scope.units.length === scope.totalUnits ? '' : ' · --all reviews every unit';
  return `scope: ${which} · ${n(scope.files)} of ${n(scope.totalFiles)} files read${everything}`;
}

/** The lines a renderer adds: the scope, then what the closure could not follow. */
export function scopeLines(scope: ChangeScope | undefined): string[] {
  if (!scope) return [];
  return [scopeLine(scope), ...scope.notes.map((note) => `scope note: ${note}`)];
}

/** `scope` of the diff JSON (docs/json-output.md): the scope and how many files each side loaded. */
export function scopeJson(scope: ChangeScope, stats: { base: ScanStats; head: ScanStats }) {
  return {
    mode: scope.mode,
    units: scope.units,
    totalUnits: scope.totalUnits,
    changed: scope.changed,
    files: scope.files,
    totalFiles: scope.totalFiles,
    filesRead: { base: stats.base.files, head: stats.head.files },
    notes: scope.notes,
  };
}
