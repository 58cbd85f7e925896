/**
 * Loads web-tree-sitter and the Terraform grammar once. Parsing stays synchronous afterwards, so the
 * plug-in's `parse` can be a plain function.
 */
import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';

let parser: Parser | undefined;
let loading: Promise<void> | undefined;

/** The wasm ships inside the grammar package, which has no `exports` map, so plain resolution works. */
export function grammarWasmPath(): string {
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
