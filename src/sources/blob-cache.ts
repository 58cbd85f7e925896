/**
 * File contents by git blob sha, least recently used first out, within a byte budget. A blob sha
 * names its content exactly, so base and head of a pull request share one cache and an unchanged
 * file is fetched once for both sides (and across reviews when the cache outlives one).
 */

/** A blob's bytes, or why it has none (e.g. GitHub reports it binary): both are facts about the sha. */
export type BlobContent = Buffer | Error;

/** What an `Error` is charged against the budget. */
const ERROR_BYTES = 64;

export interface BlobCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  evictions: number;
}

export class BlobCache {
  readonly #entries = new Map<string, BlobContent>();
  #bytes = 0;
  #hits = 0;
  #misses = 0;
  #evictions = 0;

  constructor(readonly maxBytes: number = 64 * 1024 * 1024) {}

  get(sha: string): BlobContent | undefined {
    const content = this.#entries.get(sha);
    if (content === undefined) {
      this.#misses++;
      return undefined;
    }
    this.#hits++;
    // Re-inserting moves the entry to the most recently used end of the Map's order.
    this.#entries.delete(sha);
    this.#entries.set(sha, content);
    return content;
  }

  has(sha: string): boolean {
    return this.#entries.has(sha);
  }

  /** Stores a content; one larger than the whole budget is not kept. */
  set(sha: string, content: BlobContent): void {
    const size = costOf(content);
    const previous = this.#entries.get(sha);
    if (previous !== undefined) {
      this.#entries.delete(sha);
      this.#bytes -= costOf(previous);
    }
    if (size > this.maxBytes) return;
    this.#entries.set(sha, content);
    this.#bytes += size;
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= costOf(old);
      this.#evictions++;
    }
  }

  stats(): BlobCacheStats {
    return { entries: this.#entries.size, bytes: this.#bytes, hits: this.#hits, misses: this.#misses, evictions: this.#evictions };
  }
}

function costOf(content: BlobContent): number {
  return content instanceof Error ? ERROR_BYTES : content.length;
}
