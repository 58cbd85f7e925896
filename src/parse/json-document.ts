/**
 * JSON (and YAML) text → plain value plus line ranges, under the safety limits.
 *
 * `yaml`'s `parseDocument` gives every node an offset range, which a `LineCounter` turns into lines.
 * A plain `.json` file is read by `json-direct.ts` instead, into the same values and ranges (held
 * equal by a differential test) many times faster; whatever it does not read goes through `yaml`.
 * PR content is hostile: the size cap is checked first, flow nesting and the number of tokens are
 * measured by a linear scan *before* `yaml` sees the text (deeply nested flow collections exhaust
 * its memory; millions of tokens cost it tens of seconds), block nesting
 * is measured afterwards without recursion, alias expansion is capped, and parsing stops at the
 * per-file deadline.
 */
import { Composer, type Document, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, type Node, type ParseOptions, Parser, type SchemaOptions } from 'yaml';
import { fileLocation, type Limits, problem, type SourceFile } from '../model/source.js';
import type { Location, Problem, Value } from '../model/types.js';
import { type JsonNode, jsonLineCounter, jsonValue, readJson } from './json-direct.js';

export type JsonPath = readonly (string | number)[];

export interface LocatedDocument {
  value: Value;
  /** Line range of the value at `path` (map keys and list indexes), or undefined when absent. */
  locate(path: JsonPath): Location | undefined;
  /**
   * Line ranges of every map entry below the value at `path`, keyed by dotted path relative to it
   * with list indexes omitted (the `Resource.attrLocations` convention); the first occurrence wins.
   */
  entryLocations(path: JsonPath): Record<string, Location>;
  /** Line range of the whole text. */
  whole: Location;
}

export type LocatedResult = { ok: true; doc: LocatedDocument } | { ok: false; problem: Problem };

/** `reader`: `direct-first` reads a plain `.json` file directly and leaves the rest to `yaml`; `yaml` (tests) always uses `yaml`. */
export function parseLocatedDocument(file: SourceFile, limits: Limits, reader: 'direct-first' | 'yaml' = 'direct-first'): LocatedResult {
  const fail = (message: string, line = 1): LocatedResult => ({
    ok: false,
    problem: problem(message, fileLocation(file.path, line)),
  });
  const bytes = Math.max(file.size, file.text.length);
  if (bytes > limits.maxFileBytes) {
    return fail(`file is ${bytes} bytes, over the ${limits.maxFileBytes}-byte limit; not parsed`);
  }
  const scan = scanFlowStructure(file.text, limits.maxDepth);
  if (scan.tooDeepAt !== undefined) return fail(`nesting deeper than ${limits.maxDepth} levels; not parsed`, scan.tooDeepAt);
  const maxTokens = limits.maxParseMillisPerFile * TOKENS_PER_MILLISECOND;
  if (scan.tokens > maxTokens) return fail(`${scan.tokens} structural tokens, more than the ${maxTokens} parseable in the time limit; not parsed`);

  const deadline = Date.now() + limits.maxParseMillisPerFile;
  if (reader === 'direct-first' && file.path.endsWith('.json')) {
    const direct = readJson(file.text, deadline);
    if (direct === 'timeout') return fail(`parsing took longer than ${limits.maxParseMillisPerFile} ms; not parsed`);
    if (direct) {
      const value = jsonValue(direct) as Value;
      if (valueDepthExceeds(value, limits.maxDepth)) return fail(`nesting deeper than ${limits.maxDepth} levels; not parsed`);
      return { ok: true, doc: directDocument(file, direct, value) };
    }
  }

  const lineCounter = new LineCounter();
  const document = composeWithin(file.text, lineCounter, deadline, {
    // JSON files are held to JSON scalars, so `tru` is an error rather than the string "tru".
    schema: file.path.endsWith('.json') ? 'json' : 'core',
    prettyErrors: false,
  });
  if (document === 'timeout') return fail(`parsing took longer than ${limits.maxParseMillisPerFile} ms; not parsed`);
  if (document === 'several') return fail('several YAML documents in one file; not parsed');
  const error = document.errors[0];
  if (error) return fail(`invalid ${syntaxName(file.path)}: ${error.message}`, lineCounter.linePos(error.pos[0]).line);

  let value: Value;
  try {
    value = (document.toJS({ maxAliasCount: limits.maxYamlAliases }) ?? null) as Value;
  } catch (thrown) {
    // `yaml` throws a ReferenceError when alias expansion exceeds maxAliasCount.
    return fail(thrown instanceof Error ? thrown.message : String(thrown));
  }
  if (valueDepthExceeds(value, limits.maxDepth)) return fail(`nesting deeper than ${limits.maxDepth} levels; not parsed`);

  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const rangeOf = (start: number, end: number): Location => ({
    file: file.path,
    startLine: lineOf(start),
    endLine: lineOf(Math.max(start, end - 1)),
  });
  const nodeAt = (path: JsonPath): Node | undefined => {
    const node = path.length === 0 ? document.contents : document.getIn(path, true);
    return isNodeWithRange(node) ? node : undefined;
  };
  return {
    ok: true,
    doc: {
      value,
      locate(path) {
        const node = nodeAt(path);
        return node?.range ? rangeOf(node.range[0], node.range[1]) : undefined;
      },
      entryLocations(path) {
        const root = nodeAt(path);
        return root ? collectEntryLocations<unknown>(root, YAML_TREE, rangeOf) : {};
      },
      whole: rangeOf(0, file.text.trimEnd().length),
    },
  };
}

/** A document the direct JSON reader read: the same values, ranges and lines as the `yaml` path gives. */
function directDocument(file: SourceFile, root: JsonNode, value: Value): LocatedDocument {
  const lineCounter = jsonLineCounter(file.text);
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const rangeOf = (start: number, end: number): Location => ({ file: file.path, startLine: lineOf(start), endLine: lineOf(Math.max(start, end - 1)) });
  const nodeAt = (path: JsonPath): JsonNode | undefined => {
    let node: JsonNode | undefined = root;
    // As `yaml`'s getIn: map keys match strings only; list indexes may be written as numeric strings.
    for (const step of path) {
      if (node?.kind === 'map') node = typeof step === 'string' ? node.entries.find((e) => e.key === step)?.value : undefined;
      else if (node?.kind === 'seq') node = itemAt(node.items, step);
      else return undefined;
    }
    return node;
  };
  return {
    value,
    locate(path) {
      const node = nodeAt(path);
      return node ? rangeOf(node.start, node.end) : undefined;
    },
    entryLocations(path) {
      const start = nodeAt(path);
      return start ? collectEntryLocations(start, DIRECT_TREE, rangeOf) : {};
    },
    whole: rangeOf(0, file.text.trimEnd().length),
  };
}

function itemAt(items: JsonNode[], step: string | number): JsonNode | undefined {
  const index = typeof step === 'string' && step !== '' ? Number(step) : step;
  return typeof index === 'number' && Number.isInteger(index) && index >= 0 ? items[index] : undefined;
}

/**
 * `yaml` parses about this many structural tokens per millisecond here (a 4 MB plan has ~300k).
 * The clock checks below cannot interrupt one step, and closing a flow collection of millions of
 * items is one step of seconds, so the token count is capped before parsing starts.
 */
const TOKENS_PER_MILLISECOND = 100;

/** Lexemes between two looks at the clock: cheap enough, and frequent enough to stop within milliseconds. */
const LEXEMES_PER_CLOCK_CHECK = 4096;

/**
 * `yaml`'s `parseDocument`, driven step by step so that parsing stops at the deadline: its parser
 * costs seconds on a few megabytes of dense tokens. Composition afterwards is several times cheaper.
 */
function composeWithin(
  text: string,
  lineCounter: LineCounter,
  deadline: number,
  options: ParseOptions & SchemaOptions,
): Document.Parsed | 'timeout' | 'several' {
  let timedOut = false;
  const parser = new Parser(lineCounter.addNewLine);
  function* tokens() {
    lineCounter.addNewLine(0);
    let count = 0;
    for (const lexeme of new Lexer().lex(text)) {
      if (++count % LEXEMES_PER_CLOCK_CHECK === 0 && Date.now() > deadline) {
        timedOut = true;
        return;
      }
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  const documents: Document.Parsed[] = [];
  for (const document of new Composer(options).compose(tokens(), true, text.length)) {
    documents.push(document);
    if (documents.length > 1) return 'several';
  }
  return timedOut ? 'timeout' : documents[0];
}

function syntaxName(path: string): string {
  return path.endsWith('.json') ? 'JSON' : 'YAML';
}

function isNodeWithRange(node: unknown): node is Node {
  return isMap(node) || isSeq(node) || isScalar(node);
}

/** A document tree as the entry walk sees it: a list's items, or a map's entries with their offsets. */
interface EntryTree<N> {
  items(node: N): readonly N[] | undefined;
  entries(node: N): readonly { key: string; start: number; end: number; value: N }[] | undefined;
}

/** Walks map entries breadth-first with an explicit queue: depth is already bounded, but no recursion is needed. */
function collectEntryLocations<N>(root: N, tree: EntryTree<N>, rangeOf: (start: number, end: number) => Location): Record<string, Location> {
  const found: Record<string, Location> = {};
  const queue: { node: N; prefix: string }[] = [{ node: root, prefix: '' }];
  for (let i = 0; i < queue.length; i++) {
    const { node, prefix } = queue[i];
    const items = tree.items(node);
    if (items) {
      for (const item of items) queue.push({ node: item, prefix });
      continue;
    }
    for (const entry of tree.entries(node) ?? []) {
      const path = prefix + entry.key;
      found[path] ??= rangeOf(entry.start, entry.end);
      queue.push({ node: entry.value, prefix: `${path}.` });
    }
  }
  return found;
}

const YAML_TREE: EntryTree<unknown> = {
  items: (node) => (isSeq(node) ? node.items : undefined),
  entries: (node) =>
    isMap(node)
      ? node.items.flatMap((pair) => {
          if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) return [];
          const end = isNodeWithRange(pair.value) && pair.value.range ? pair.value.range[1] : pair.key.range[1];
          return [{ key: String(pair.key.value), start: pair.key.range[0], end, value: pair.value as unknown }];
        })
      : undefined,
};

const DIRECT_TREE: EntryTree<JsonNode> = {
  items: (node) => (node.kind === 'seq' ? node.items : undefined),
  entries: (node) => (node.kind === 'map' ? node.entries.map((e) => ({ key: e.key, start: e.keyStart, end: e.value.end, value: e.value })) : undefined),
};

export interface FlowScan {
  /** Line at which `[`/`{` nesting first exceeds the maximum depth (the scan stops there). */
  tooDeepAt?: number;
  /** Structural characters `[ { , :` seen: a measure of the parser's work. */
  tokens: number;
}

/** One linear pass, no recursion; brackets inside double-quoted strings do not count. */
export function scanFlowStructure(text: string, maxDepth: number): FlowScan {
  let depth = 0;
  let line = 1;
  let tokens = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    if (inString) {
      if (c === 92 && text.charCodeAt(++i) === 10)
        line++; // skip the escaped character, counting lines
      else if (c === 34) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 91 || c === 123) {
      tokens++;
      if (++depth > maxDepth) return { tooDeepAt: line, tokens };
    } else if ((c === 93 || c === 125) && depth > 0) {
      depth--;
    } else if (c === 44 || c === 58) {
      tokens++;
    }
  }
  return { tokens };
}

/** True when the value nests deeper than `maxDepth` (block YAML is not caught by the text scan). */
function valueDepthExceeds(root: Value, maxDepth: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (value === null || typeof value !== 'object') continue;
    if (depth >= maxDepth) return true;
    for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}
