import type { Limits, SourceFile } from '../../../src/model/source.js';
import { DEFAULT_LIMITS } from '../../../src/model/source.js';
import type { ParseOutput, Resource } from '../../../src/model/types.js';
import { terraformParser } from '../../../src/parse/terraform/index.js';

export function sourceFiles(files: Record<string, string>): SourceFile[] {
  return Object.entries(files).map(([path, text]) => ({ path, text, size: Buffer.byteLength(text) }));
}

/** Runs the plug-in the way the registry does: it gets the files it claims, ctx.files holds all. */
export function parseRepo(files: Record<string, string>, limits: Partial<Limits> = {}): ParseOutput {
  const all = sourceFiles(files);
  const ctx = { files: new Map(all.map((f) => [f.path, f])), limits: { ...DEFAULT_LIMITS, ...limits }, scpPaths: [] };
  return terraformParser.parse(
    all.filter((f) => terraformParser.claims(f)),
    ctx,
  );
}

export function byId(output: ParseOutput, id: string): Resource {
  const found = output.resources.find((r) => r.id === id);
  if (!found) throw new Error(`no resource ${id}; have ${output.resources.map((r) => r.id).join(', ')}`);
  return found;
}
