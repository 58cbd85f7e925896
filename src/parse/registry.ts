/**
 * The parser plug-ins, in claim order: a file goes to the first parser that claims it (a plan
 * JSON is not a policy; a CloudFormation JSON template is not a policy either).
 */

import type { SourceFile } from '../model/source.js';
import { problem } from '../model/source.js';
import type { ParseOutput } from '../model/types.js';
import { cloudFormationParser } from './cloudformation/index.js';
import { planParser } from './plan/index.js';
import type { ParseContext, ParserPlugin } from './plugin.js';
import { policyParser } from './policy/index.js';
import { parseOnSideThread, type SideJob, worthSideThread } from './side.js';
import { terraformParser } from './terraform/index.js';

export { shareParserPool } from './terraform/pool.js';

export const PARSERS: readonly ParserPlugin[] = [terraformParser, planParser, cloudFormationParser, policyParser];

let initialised: Promise<void> | undefined;

/** Loads every parser's assets once per process (the Terraform grammar). */
export function initParsers(): Promise<void> {
  initialised ??= Promise.all(PARSERS.map((p) => p.init?.())).then(() => undefined);
  return initialised;
}

/**
 * Runs every parser on the files it claims; outputs are gathered in registry order. Self-contained
 * parsers go to a worker thread (`side.ts`) when their files are many, and run while the others
 * run here. A parser that throws costs its files, not the run.
 */
export async function parseFiles(files: SourceFile[], ctx: ParseContext): Promise<ParseOutput> {
  const claimed = new Map<ParserPlugin, SourceFile[]>(PARSERS.map((p) => [p, []]));
  for (const file of files) {
    const parser = PARSERS.find((p) => p.claims(file));
    if (parser) claimed.get(parser)?.push(file);
  }
  const sideJobs: SideJob[] = PARSERS.filter((p) => p.selfContained && (claimed.get(p)?.length ?? 0) > 0).map((p) => ({
    parser: p.name,
    files: claimed.get(p) ?? [],
  }));
  const side = worthSideThread(sideJobs) ? parseOnSideThread({ jobs: sideJobs, limits: ctx.limits, scpPaths: ctx.scpPaths }) : undefined;
  const output: ParseOutput = { resources: [], problems: [], units: [] };
  const total = [...claimed.values()].reduce((sum, own) => sum + own.length, 0);
  let done = 0;
  for (const [parser, own] of claimed) {
    if (own.length === 0) continue;
    // A parser that reports its files one by one moves the count as it goes; the rest at its end.
    const before = done;
    const counted: ParseContext = ctx.progress ? { ...ctx, parsedFile: () => done - before < own.length && ctx.progress?.(++done, total) } : ctx;
    try {
      const fromSide = parser.selfContained ? (await side)?.get(parser.name) : undefined;
      if (fromSide instanceof Error) throw fromSide;
      const result = fromSide ?? (parser.parseAsync ? await parser.parseAsync(own, counted) : parser.parse(own, counted));
      // Not push(...list): a large tree has more resources than a call may take arguments.
      append(output.resources, result.resources);
      append(output.problems, result.problems);
      append(output.units, result.units);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      for (const file of own) output.problems.push(problem(`${parser.name} parser failed: ${message}`, { file: file.path, startLine: 1, endLine: 1 }));
    }
    done = before + own.length;
    ctx.progress?.(done, total);
  }
  return output;
}

function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
