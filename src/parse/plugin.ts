/** The parser plug-in contract: every parser in the registry has this shape (checked by a test). */
import type { Limits, SourceFile } from '../model/source.js';
import type { ParseOutput, SourceKind } from '../model/types.js';

export interface ParseContext {
  /** Every candidate file of the scanned tree, keyed by relative path (for `file()`, modules, imports). */
  files: ReadonlyMap<string, SourceFile>;
  limits: Limits;
  /** Globs of folders whose policy files are SCPs (config `policies.scpPaths`). */
  scpPaths: string[];
  /** Files parsed so far in this call, of the files the parsers claimed (the registry counts; a parser may call `parsedFile` per file). */
  progress?: (done: number, total: number) => void;
  /** Set by the registry for the parser it runs: one more of its files went through the syntax stage. */
  parsedFile?: () => void;
}

export interface ParserPlugin {
  name: SourceKind;
  /**
   * Reads nothing but its claimed files, the limits and `scpPaths` (not `files`, and needs no
   * `init`): the registry may run it on another thread while the others run.
   */
  selfContained?: boolean;
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
