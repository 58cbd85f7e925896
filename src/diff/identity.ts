/**
 * Identity across the two sides of a change. Key and resource ids are already stable
 * (`<unit>:<address>`, CloudFormation template + logical id, ARN for referenced keys); what is
 * not is a Terraform resource renamed with a `moved {}` block: the head declares
 * `moved { from = aws_kms_key.old, to = aws_kms_key.new }` and the base still has the old address.
 */
import type { Resource } from '../model/types.js';

export interface Move {
  unit: string;
  from: string;
  to: string;
}

/** The `moved {}` blocks of one side (the parser emits them as resources of type `moved`). */
export function movesOf(resources: readonly Resource[]): Move[] {
  const moves: Move[] = [];
  for (const r of resources) {
    if (r.type !== 'moved') continue;
    const { from, to } = r.attrs;
    if (typeof from === 'string' && typeof to === 'string' && from !== to) moves.push({ unit: r.unit, from, to });
  }
  return moves;
}

/**
 * Maps a base resource id to the id it has in the head after the head's `moved {}` blocks: an exact
 * address (`aws_kms_key.a` → `aws_kms_key.b`), an instance (`aws_kms_key.a["x"]`) or everything
 * under a moved module (`module.a` → `module.b` renames `module.a.aws_kms_key.this`). Chains
 * (a → b, b → c) are followed; ids nothing moves are returned as they are.
 */
export function renamer(moves: readonly Move[]): (id: string) => string {
  if (moves.length === 0) return (id) => id;
  const byUnit = new Map<string, Move[]>();
  for (const m of moves) byUnit.set(m.unit, [...(byUnit.get(m.unit) ?? []), m]);
  return (id: string) => {
    const colon = id.indexOf(':');
    if (colon < 0) return id;
    const unit = id.slice(0, colon);
    const unitMoves = byUnit.get(unit);
    if (!unitMoves) return id;
    let address = id.slice(colon + 1);
    for (let hop = 0; hop < unitMoves.length; hop++) {
      const move = unitMoves.find((m) => address === m.from || address.startsWith(`${m.from}.`) || address.startsWith(`${m.from}[`));
      if (!move) break;
      address = move.to + address.slice(move.from.length);
    }
    return `${unit}:${address}`;
  };
}
