#!/usr/bin/env node
/**
 * `npm run bench`: scans synthetic monorepos of growing size, each in a fresh child process (so
 * peak RSS is its own), and prints files/s, MB/s, time per stage and peak memory. Not a test:
 * numbers, not pass/fail. Requires `npm run build` (the `lib/` output).
 *
 *   node bench/run.mjs [scale…]     # default: 0.25 0.5 1  (1 = 100 Terraform roots × 40 files + 300 templates)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);

if (process.argv[2] === '--child') {
  await child(process.argv[3]);
} else {
  parent(process.argv.slice(2).length ? process.argv.slice(2).map(Number) : [0.25, 0.5, 1]);
}

function parent(scales) {
  console.log('kms-review benchmark — one child process per size, node', process.version, '\n');
  const rows = [];
  for (const scale of scales) {
    const dir = mkdtempSync(join(tmpdir(), 'kms-review-bench-'));
    try {
      const out = execFileSync(process.execPath, ['--expose-gc', self, '--child', dir, String(scale)], { encoding: 'utf8', maxBuffer: 1 << 24 });
      rows.push({ scale, ...JSON.parse(out) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const base = rows[0];
  console.log(
    '| size | files | MB | total s | files/s | MB/s | load | parse | inventory | access | rules | keys | consumers | findings | peak RSS MB | time ÷ smallest |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const s = (ms) => (ms / 1000).toFixed(2);
    console.log(
      `| ${r.scale}× | ${r.files} | ${(r.bytes / 1048576).toFixed(1)} | ${s(r.total)} | ${Math.round(r.files / (r.total / 1000))} | ${(r.bytes / 1048576 / (r.total / 1000)).toFixed(2)} | ${s(r.millis.load)} | ${s(r.millis.parse)} | ${s(r.millis.inventory)} | ${s(r.millis.access)} | ${s(r.millis.rules)} | ${r.keys} | ${r.consumers} | ${r.findings} | ${r.peakRssMb} | ${(r.total / base.total).toFixed(2)} (size ${(r.bytes / base.bytes).toFixed(2)}) |`,
    );
  }
}

async function child(dir) {
  const scale = Number(process.argv[4]);
  const { generateMonorepo } = await import('./generate.mjs');
  generateMonorepo(dir, { roots: Math.round(100 * scale), templates: Math.round(300 * scale) });
  const { analyse } = await import('../lib/pipeline.js');
  const { folderFileSet } = await import('../lib/sources/folder.js');
  const { parseConfig } = await import('../lib/config/load.js');
  globalThis.gc?.();
  const started = performance.now();
  const { inventory, findings, stats } = await analyse(folderFileSet(dir), parseConfig(''));
  const total = performance.now() - started;
  process.stdout.write(
    JSON.stringify({
      files: stats.files,
      bytes: stats.bytes,
      millis: stats.millis,
      total,
      keys: inventory.keys.length,
      consumers: inventory.keys.reduce((n, k) => n + k.consumers.length, 0),
      findings: findings.length,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    }),
  );
}
