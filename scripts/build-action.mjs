#!/usr/bin/env node
/**
 * Bundles the GitHub Action: `src/action.ts` → `dist/index.js` (ESM, one file, every dependency
 * inside), the Terraform syntax worker → `dist/worker.js` (the parse pool finds it next to the
 * entry), the self-contained parsers' worker → `dist/side-worker.js` (likewise), and the two wasm files beside them: web-tree-sitter looks for `web-tree-sitter.wasm`
 * next to its module (`import.meta.url`), and `grammarWasmPath()` prefers a
 * `tree-sitter-terraform.wasm` next to its module — in the bundle both are `dist/`.
 *
 * ESM because web-tree-sitter's loader uses `import.meta.url`; the banner gives the CommonJS
 * dependencies inside the bundle a real `require` for Node's built-ins.
 *
 * Usage: node scripts/build-action.mjs [--outdir <dir>]   (default: dist/, emptied first)
 * The output is deterministic: `test/action/dist.test.ts` rebuilds into a temporary folder and
 * compares it byte for byte with the committed `dist/`.
 */
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--outdir');
const outdir = resolve(root, at >= 0 && args[at + 1] ? args[at + 1] : 'dist');

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const require = createRequire(join(root, 'package.json'));

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: { index: 'src/action.ts', worker: 'src/parse/terraform/worker.ts', 'side-worker': 'src/parse/side-worker.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  outExtension: { '.js': '.js' },
  banner: { js: "import { createRequire as __kmsReviewCreateRequire } from 'node:module';\nconst require = __kmsReviewCreateRequire(import.meta.url);" },
  define: { KMS_REVIEW_VERSION: JSON.stringify(pkg.version) },
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
  metafile: true,
});

const wasm = [require.resolve('web-tree-sitter/web-tree-sitter.wasm'), require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm')];
for (const file of wasm) {
  const copy = join(outdir, file.split(/[\\/]/).pop());
  copyFileSync(file, copy);
  chmodSync(copy, 0o644); // the same mode however the package was installed
}

if (!args.includes('--quiet')) {
  for (const [file, { bytes }] of Object.entries(result.metafile.outputs)) console.log(`${file.replace(`${root}/`, '')}  ${(bytes / 1024).toFixed(0)} KiB`);
  for (const file of wasm) console.log(`${join(outdir, file.split(/[\\/]/).pop()).replace(`${root}/`, '')}  (copied)`);
}
