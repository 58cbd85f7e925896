/** What every stage after the sources reads: a decoded file, the limits hostile input is read under, and the located KMS000 problem. */
import type { Location, Problem } from './types.js';

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

export function problem(message: string, location: Location): Problem {
  return { rule: 'KMS000', message, location };
}

export function fileLocation(file: string, startLine = 1, endLine = startLine): Location {
  return { file, startLine, endLine };
}
