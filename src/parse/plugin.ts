/** The parser plug-in contract: every parser in the registry has this shape (checked by a test). */
import type { Location, ParseOutput, Problem, SourceKind } from '../model/types.js';

/** A file already read and decoded; parsers never do I/O. */
export interface SourceFile {
  path: string;
  text: string;
  size: number;
}

export interface Limits {
  /** Files larger than this are not parsed (KMS000). */
  maxFileBytes: number;
  /** Nesting depth of expressions / YAML / JSON beyond which a file is rejected. */
  maxDepth: number;
  /** YAML aliases per document (alias bombs). */
  maxYamlAliases: number;
  /** Wall-clock budget for parsing one file. */
  maxParseMillisPerFile: number;
  /** Evaluation steps per unit (for-expressions, ranges, templatefile recursion). */
  maxEvalSteps: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 4 * 1024 * 1024,
  maxDepth: 200,
  maxYamlAliases: 100,
  maxParseMillisPerFile: 5_000,
  maxEvalSteps: 1_000_000,
};

export interface ParseContext {
  /** Every candidate file of the scanned tree, keyed by relative path (for `file()`, modules, imports). */
  files: ReadonlyMap<string, SourceFile>;
  limits: Limits;
  /** Globs of folders whose policy files are SCPs (config `policies.scpPaths`). */
  scpPaths: string[];
}

export interface ParserPlugin {
  name: SourceKind;
  /** One-time asynchronous set-up (loading a grammar); `parse` stays synchronous after it. */
  init?(): Promise<void>;
  /** Picks the files this parser reads, from paths and (for JSON/YAML) content. */
  claims(file: SourceFile): boolean;
  /** Parses the claimed files as a whole (cross-file references need it). Never throws. */
  parse(claimed: SourceFile[], ctx: ParseContext): ParseOutput;
  /**
   * The same result as `parse`, for parsers that can spread large inputs over worker threads; the
   * registry prefers it. (A separate method rather than `parse` returning a promise: callers of
   * `parse` — the tests of every parser — keep a plain `ParseOutput`.) Never rejects.
   */
  parseAsync?(claimed: SourceFile[], ctx: ParseContext): Promise<ParseOutput>;
}

export function problem(message: string, location: Location): Problem {
  return { rule: 'KMS000', message, location };
}

export function fileLocation(file: string, startLine = 1, endLine = startLine): Location {
  return { file, startLine, endLine };
}
