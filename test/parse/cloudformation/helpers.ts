/** Shared set-up for the CloudFormation parser tests: fixture files as `SourceFile`s and a context. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LIMITS, type Limits, type SourceFile } from '../../../src/model/source.js';
import type { ParseOutput, Resource } from '../../../src/model/types.js';
import { cloudFormationParser } from '../../../src/parse/cloudformation/index.js';
import type { ParseContext } from '../../../src/parse/plugin.js';

export const FIXTURES = join(import.meta.dirname, '../../../fixtures/parse/cloudformation');

/** A fixture as a `SourceFile` whose path is relative to the fixture folder. */
export function fixture(path: string): SourceFile {
  return source(path, readFileSync(join(FIXTURES, path), 'utf8'));
}

export function source(path: string, text: string): SourceFile {
  return { path, text, size: Buffer.byteLength(text) };
}

export function context(files: SourceFile[] = [], limits: Partial<Limits> = {}): ParseContext {
  return { files: new Map(files.map((file) => [file.path, file])), limits: { ...DEFAULT_LIMITS, ...limits }, scpPaths: [] };
}

export function parse(files: SourceFile[], limits: Partial<Limits> = {}): ParseOutput {
  return cloudFormationParser.parse(files, context(files, limits));
}

export function byAddress(output: ParseOutput): Record<string, Resource> {
  return Object.fromEntries(output.resources.map((resource) => [resource.address, resource]));
}
