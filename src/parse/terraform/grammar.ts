/**
 * Loads web-tree-sitter and the Terraform grammar once. Parsing stays synchronous afterwards, so the
 * plug-in's `parse` can be a plain function.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Language, Parser } from 'web-tree-sitter';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/**
 * The wasm ships inside the grammar package, which has no `exports` map, so plain resolution works.
 * Bundle hook: a bundle (the GitHub Action's `dist/`, see `scripts/build-action.mjs`) has no
 * `node_modules` and ships the file next to its entry instead, so a `tree-sitter-terraform.wasm`
 * beside this module wins. (web-tree-sitter finds its own `web-tree-sitter.wasm` the same way.)
 */
export function grammarWasmPath(): string {
  const bundled = fileURLToPath(new URL('./tree-sitter-terraform.wasm', import.meta.url));
  if (existsSync(bundled)) return bundled;
  return createRequire(import.meta.url).resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm');
}

export function loadGrammar(): Promise<void> {
  loading ??= (async () => {
    await Parser.init();
    const language = await Language.load(grammarWasmPath());
    const created = new Parser();
    created.setLanguage(language);
    parser = created;
  })();
  return loading;
}

/** The loaded parser; `loadGrammar()` must have completed (the plug-in's `init`). */
export function hclParser(): Parser {
  if (!parser) throw new Error('terraform grammar not loaded: call terraformParser.init() first');
  return parser;
}
