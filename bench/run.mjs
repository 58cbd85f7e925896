#!/usr/bin/env node
/**
 * `npm run bench`: synthetic monorepos of growing size; for each, in fresh child processes (so
 * peak RSS is each one's own):
 *   - floor: tree-sitter parsing the Terraform files and nothing else, on as many threads as the
 *     scan's parser pool uses (texts read and grammar loaded before the clock starts);
 *   - scan: the whole pipeline (`analyse`), with its time as a ratio to the floor of the same run;
 *   - diff: a one-file change, `kms-review diff --base HEAD~1` against the work tree (the change
 *     committed), and the Action on the same pull request: only the affected units are analysed.
 * Not a test: numbers, not pass/fail. Requires `npm run build` (the `lib/` output).
 *
 *   node bench/run.mjs [scale…]     # default: 1 2 4  (1 = 100 Terraform roots × 40 files + 300 templates)
 *   node bench/run.mjs --no-diff 1  # skip the one-file change (no git repository made)
 *   node bench/run.mjs --runs 5 1   # floor and scan alternate 5 times (default 3); medians are reported
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const self = fileURLToPath(import.meta.url);
const lib = new URL('../lib/', import.meta.url);
/** The Terraform parser's claim (src/parse/terraform/index.ts). */
const CLAIMED = /(\.tf|\.tf\.json|\.tfvars|\.tfvars\.json)$|(^|\/)terragrunt\.hcl$/;
/** The file the one-file change edits (a root's key file). */
const CHANGED = 'envs/prod/service-0/kms-0.tf';

function run(mode, dir) {
  const out = execFileSync(process.execPath, ['--expose-gc', self, '--child', mode, dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out);
}

/** The run with the median of `by` (the lower middle one of an even count). */
function median(results, by) {
  return [...results].sort((a, b) => by(a) - by(b))[Math.floor((results.length - 1) / 2)];
}

function parent(scales, withDiff, runs) {
  console.log(
    `kms-review benchmark — node ${process.version}, ${availableParallelism()} cores; one child process per measurement; floor and scan: median of ${runs} alternating runs\n`,
  );
  const rows = [];
  for (const scale of scales) {
    const dir = mkdtempSync(join(tmpdir(), 'kms-review-bench-'));
    try {
      execFileSync(process.execPath, [
        '-e',
        `import(${JSON.stringify(pathToFileURL(join(self, '../generate.mjs')).href)}).then((m) => m.generateMonorepo(${JSON.stringify(dir)}, { roots: ${Math.round(100 * scale)}, templates: ${Math.round(300 * scale)} }))`,
      ]);
      // Floor and scan alternate, so that a slow spell of the machine weighs on both alike.
      const floors = [];
      const scans = [];
      for (let i = 0; i < runs; i++) {
        floors.push(run('floor', dir));
        scans.push(run('scan', dir));
      }
      const row = { scale, floor: median(floors, (f) => f.millis), scan: median(scans, (r) => r.total), floors, scans };
      if (withDiff) {
        commitOneFileChange(dir);
        row.diff = run('diff', dir);
        row.action = run('action', dir);
      }
      rows.push(row);
      process.stderr.write(`${scale}× done\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const s = (ms) => (ms / 1000).toFixed(2);
  console.log('Full scan against the parse-only floor (same run):\n');
  console.log(
    '| size | files | MB | floor (threads) | scan | scan ÷ floor | per-run ratios | load | parse | inventory | access | rules | keys | findings | scan peak RSS (max) | floor peak RSS |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const { scale, floor: f, scan: r, floors, scans } of rows) {
    const ratios = scans.map((scan, i) => scan.total / floors[i].millis).sort((a, b) => a - b);
    const spread = ratios.length > 1 ? `${ratios[0].toFixed(2)}–${ratios[ratios.length - 1].toFixed(2)}` : ratios[0].toFixed(2);
    const peak = Math.max(...scans.map((scan) => scan.peakRssMb));
    console.log(
      `| ${scale}× | ${r.files} | ${(r.bytes / 1048576).toFixed(1)} | ${s(f.millis)} s (${f.threads}) | ${s(r.total)} s | ${(r.total / f.millis).toFixed(2)} | ${spread} | ${s(r.millis.load)} | ${s(r.millis.parse)} | ${s(r.millis.inventory)} | ${s(r.millis.access)} | ${s(r.millis.rules)} | ${r.keys} | ${r.findings} | ${peak} MB | ${f.peakRssMb} MB |`,
    );
  }
  if (withDiff) {
    console.log(`\nA one-file change (${CHANGED}), committed; the work tree is the head:\n`);
    console.log('| size | door | total | units read | files read (base / head) | peak RSS |');
    console.log('|---|---|---|---|---|---|');
    for (const { scale, diff: d, action: a } of rows) {
      for (const [door, r] of [
        ['kms-review diff --base HEAD~1', d],
        ['Action (pull request)', a],
      ]) {
        console.log(
          `| ${scale}× | ${door} | ${s(r.total)} s | ${r.units} of ${r.totalUnits} | ${r.filesRead.base} / ${r.filesRead.head} of ${r.totalFiles} | ${r.peakRssMb} MB |`,
        );
      }
    }
  }
}

const git = (dir, ...args) =>
  execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.com', ...args], { cwd: dir, stdio: 'pipe' }).toString();

function commitOneFileChange(dir) {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  appendFileSync(join(dir, CHANGED), '\n# a one-file change\n');
  git(dir, 'commit', '-q', '-am', 'one file');
}

/** Every file below `dir`, relative, sorted. */
function listTree(dir, prefix = '') {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const path = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.name === '.git') return [];
    return e.isDirectory() ? listTree(dir, path) : [path];
  });
}

/** Threads the scan's pool parses on: the main thread and min(4, cores − 1) workers (src/parse/terraform/pool.ts). */
const POOL_THREADS = 1 + Math.max(1, Math.min(4, availableParallelism() - 1));

const FLOOR_WORKER = `
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
const { loadGrammar, hclParser } = await import(workerData.grammar);
await loadGrammar();
const texts = workerData.paths.map((p) => readFileSync(p, 'utf8'));
parentPort.once('message', () => {
  const parser = hclParser();
  for (const text of texts) { parser.parse(text).delete(); parser.reset(); }
  parentPort.postMessage('done');
});
parentPort.postMessage('ready');
`;

/** The parse-only floor: the same Terraform files, tree-sitter only, spread over the pool's threads. */
async function floor(dir) {
  const paths = listTree(dir)
    .filter((p) => CLAIMED.test(p))
    .map((p) => join(dir, p));
  const shares = Array.from({ length: POOL_THREADS }, (_, i) => paths.filter((_, j) => j % POOL_THREADS === i));
  const grammar = new URL('parse/terraform/grammar.js', lib).href;
  const { loadGrammar, hclParser } = await import(grammar);
  await loadGrammar();
  const workers = shares.slice(1).map((share) => new Worker(FLOOR_WORKER, { eval: true, workerData: { grammar, paths: share } }));
  await Promise.all(workers.map((w) => new Promise((done) => w.once('message', done))));
  const texts = shares[0].map((p) => readFileSync(p, 'utf8'));
  globalThis.gc?.();
  const started = performance.now();
  const finished = workers.map((w) => new Promise((done) => w.once('message', done)));
  for (const w of workers) w.postMessage('go');
  const parser = hclParser();
  for (const text of texts) {
    parser.parse(text).delete();
    parser.reset();
  }
  await Promise.all(finished);
  const millis = performance.now() - started;
  await Promise.all(workers.map((w) => w.terminate()));
  return { millis, threads: POOL_THREADS, files: paths.length, bytes: paths.reduce((n, p) => n + statSync(p).size, 0) };
}

async function scan(dir) {
  const { analyse } = await import(new URL('pipeline.js', lib).href);
  const { folderFileSet } = await import(new URL('sources/folder.js', lib).href);
  const { parseConfig } = await import(new URL('config/load.js', lib).href);
  globalThis.gc?.();
  const started = performance.now();
  const { inventory, findings, stats } = await analyse(folderFileSet(dir), parseConfig(''));
  const total = performance.now() - started;
  return { files: stats.files, bytes: stats.bytes, millis: stats.millis, total, keys: inventory.keys.length, findings: findings.length };
}

/** A stream that keeps what is written (the report), for the scope it prints. */
async function captured() {
  const { Writable } = await import('node:stream');
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

function scopeOf(scope) {
  return { units: scope.units.length, totalUnits: scope.totalUnits, filesRead: scope.filesRead, totalFiles: scope.totalFiles };
}

async function diff(dir) {
  const { main } = await import(new URL('cli.js', lib).href);
  const out = await captured();
  const err = await captured();
  globalThis.gc?.();
  const started = performance.now();
  const code = await main(['diff', '--base', 'HEAD~1', dir, '--format', 'json'], { stdout: out.stream, stderr: err.stream, env: {} });
  const total = performance.now() - started;
  if (code === 2) throw new Error(err.text());
  return { total, ...scopeOf(JSON.parse(out.text()).scope) };
}

async function action(dir) {
  const { runAction } = await import(new URL('action/main.js', lib).href);
  const scratch = mkdtempSync(join(tmpdir(), 'kms-review-bench-action-'));
  try {
    const [head, base] = git(dir, 'rev-parse', 'HEAD', 'HEAD~1').trim().split('\n');
    const event = join(scratch, 'event.json');
    writeFileSync(
      event,
      JSON.stringify({ pull_request: { number: 1, base: { sha: base }, head: { sha: head } }, repository: { full_name: 'bench/monorepo' } }),
    );
    const env = {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_WORKSPACE: dir,
      GITHUB_REPOSITORY: 'bench/monorepo',
      GITHUB_STEP_SUMMARY: join(scratch, 'summary'),
      GITHUB_OUTPUT: join(scratch, 'output'),
      INPUT_FORMAT: 'json',
      'INPUT_SARIF-FILE': join(scratch, 'out.sarif'),
    };
    const out = await captured();
    globalThis.gc?.();
    const started = performance.now();
    const code = await runAction(env, { stdout: out.stream, stderr: out.stream }, { version: 'bench' });
    const total = performance.now() - started;
    const log = out.text();
    if (code === 2) throw new Error(log);
    return { total, ...scopeOf(JSON.parse(log.slice(log.indexOf('{\n'), log.lastIndexOf('}') + 1)).scope) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// Last: the child modes need every declaration above.
if (process.argv[2] === '--child') {
  const [, , , mode, dir] = process.argv;
  const result = mode === 'floor' ? await floor(dir) : mode === 'scan' ? await scan(dir) : mode === 'diff' ? await diff(dir) : await action(dir);
  process.stdout.write(JSON.stringify({ ...result, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
} else {
  const args = process.argv.slice(2);
  const withDiff = !args.includes('--no-diff');
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 3;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of at least 1');
  const scales = args.filter((a, i) => a !== '--no-diff' && i !== runsAt && i !== runsAt + 1).map(Number);
  parent(scales.length ? scales : [1, 2, 4], withDiff, runs);
}
