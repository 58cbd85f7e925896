/** Groups items into batches of at most `maxCount` items and (unless one item alone is bigger) `maxBytes`. */
export function batchesBySize<T extends { size: number }>(items: readonly T[], maxCount: number, maxBytes: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    if (current.length > 0 && (current.length >= maxCount || bytes + item.size > maxBytes)) {
      groups.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += item.size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
