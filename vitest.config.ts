import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // Vitest's default (cores − 1) runs one file at a time on 2 cores, yet the slowest suites
    // mostly wait (child processes, the throttling plugin's one write per second): 3 files at once
    // take the suite from ~250 s to ~120 s on 2 cores.
    maxWorkers: Math.max(3, availableParallelism() - 1),
    // The JSON report lets CI print a plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: '.test-results.json' }]],
  },
});
