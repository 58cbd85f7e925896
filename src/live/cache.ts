/**
 * What was read about a key, reused for `ttlSeconds` by key ARN (and by the alias ARNs that name
 * it). In memory and bounded: the least recently used entries go first. One instance can be shared
 * by many runs of a long-lived process (the App), so bursts of pull requests cost one read per key.
 */
import type { LiveKeyFacts } from './types.js';

export class LiveCache {
  private readonly entries = new Map<string, { facts: LiveKeyFacts; until: number }>();

  constructor(
    private readonly ttlSeconds: number,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get(keyId: string): LiveKeyFacts | undefined {
    const entry = this.entries.get(keyId);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(keyId);
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(keyId);
    this.entries.set(keyId, entry);
    return entry.facts;
  }

  /** Stores the facts under the key ARN and under the ARNs of its aliases. */
  set(facts: LiveKeyFacts): void {
    if (this.ttlSeconds <= 0) return;
    const entry = { facts, until: this.now() + this.ttlSeconds * 1000 };
    const partition = facts.arn.split(':')[1] ?? 'aws';
    const ids = [facts.arn, ...(facts.aliases ?? []).map((alias) => `arn:${partition}:kms:${facts.region}:${facts.account}:${alias}`)];
    for (const id of ids) {
      this.entries.delete(id);
      this.entries.set(id, entry);
    }
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
