/** A small deterministic generator for seeded test inputs (a linear congruential one is plenty for picking edits and shapes). */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)], below: (n: number) => Math.floor(next() * n) };
}
