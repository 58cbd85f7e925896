/**
 * Seeded inputs for the direct reader's differential test: mutations of real files (most end up
 * broken, which is the point: the reader must give up wherever tree-sitter finds an error) and
 * generated files that stress what is legal but odd (comments and newlines between any two tokens,
 * chained operators and conditionals, splats, heredoc closers, escapes, keywords as names).
 */
import { seeded } from '../../../support/seeded.js';

const INSERTS = [
  '"',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '$',
  '%',
  '~',
  '<',
  '>',
  '-',
  '=',
  ':',
  ',',
  '.',
  '\n',
  '#',
  '/',
  '*',
  '\\',
  ' ',
  '?',
  '!',
  '&',
  '|',
  'x',
  '0',
  '<<EOF\n',
  '${',
  '%{',
  '...',
  '[*]',
  '.*',
  'for ',
  ' in ',
  ' if ',
  '=>',
  '"${x}"',
  '\t',
  '\r',
  'é',
  '::',
  '1.5e3',
  '0x1',
  '<<-EOT\n  a\n  EOT\n',
  '//',
  '/*',
  '*/',
];

/** `count` mutants of the seed texts: one to three insertions, deletions or duplicated spans each. */
export function mutants(seeds: readonly string[], count: number, seed: number): string[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () => {
    let text = random.pick(seeds);
    for (let edits = 1 + random.below(3); edits > 0; edits--) {
      const at = random.below(text.length);
      const r = random.next();
      if (r < 0.4) text = text.slice(0, at) + random.pick(INSERTS) + text.slice(at);
      else if (r < 0.7) text = text.slice(0, at) + text.slice(at + 1 + random.below(3));
      else {
        const other = random.below(text.length);
        text = text.slice(0, at) + text.slice(Math.min(at, other), Math.max(at, other)).slice(0, 40) + text.slice(at);
      }
    }
    return text;
  });
}

/** `count` generated files of blocks and attributes over random expressions. */
export function generatedFiles(count: number, seed: number): string[] {
  const { pick, below, next } = seeded(seed);
  const gap = () => pick(['', ' ', ' ', '  ', '\n', ' # c\n', ' /* c */ ', '\n  ', '\t', ' // x\n', '\r\n']);
  const name = () => pick(['a', 'var', 'local', 'x_1', 'a-b', 'count', 'each', 'for_each', 'in', 'if', 'true', 'null', 'provider::aws::f', 'éa', 'index-1']);
  const list = (n: number, item: () => string, sep: () => string) => Array.from({ length: n }, item).join(sep());
  const expr = (depth: number): string => {
    if (depth > 4) return pick(['1', '"s"', 'x', '2.5', 'true']);
    const sub = () => expr(depth + 1);
    const r = next();
    if (r < 0.08) return `${sub()}${gap()}${pick(['+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', '&&', '||'])}${gap()}${sub()}`;
    if (r < 0.14) return `${sub()}${gap()}?${gap()}${sub()}${gap()}:${gap()}${sub()}`;
    if (r < 0.18) return `${pick(['-', '!'])}${gap()}${sub()}`;
    if (r < 0.24) return `(${gap()}${sub()}${gap()})`;
    if (r < 0.32) return `[${gap()}${list(below(4), sub, () => `,${gap()}`)}${pick(['', ',', ', '])}${gap()}]`;
    if (r < 0.4) {
      const elem = () => `${pick([name(), '"k"', '(k)', 'a.b'])}${gap()}${pick(['=', ':', ' = '])}${gap()}${sub()}`;
      return `{${gap()}${list(below(4), elem, () => pick([',', '\n', ', ', ' ']))}${gap()}}`;
    }
    if (r < 0.48) return `${name()}${pick(['', ' ', '\n'])}(${list(below(3), sub, () => `,${gap()}`)}${pick(['', ',', '...'])})`;
    if (r < 0.56) return `${sub()}${pick(['.a', '[0]', '.0', '[*]', '.*', '[*].b', '.*.c[1]', '["k"]', ' .x', '\n[1]'])}`;
    if (r < 0.62) return `[for ${pick(['x', 'k, v'])} in ${sub()} : ${sub()}${pick(['', ` if ${sub()}`])}]`;
    if (r < 0.66) return `{for ${pick(['x', 'k, v'])} in ${sub()} : ${sub()} => ${sub()}${pick(['', '...'])}${pick(['', ` if ${sub()}`])}}`;
    if (r < 0.76) {
      const interpolation = pick(['', `\${${pick(['', '~', ' ~'])}${sub()}${pick(['', '~', '~ '])}}`]);
      return `"${pick(['', 'a', ' b ', '$${x}', '%%{y}', '$$', '\\n', '\\"', '\\u00e9', '%', '$'])}${interpolation}${pick(['', 'z', ' ', '\\\\'])}"`;
    }
    if (r < 0.82) {
      const id = pick(['EOF', 'EOT', 'X-1']);
      const content = `${pick(['', '  ', '    '])}line ${pick(['', `\${${sub()}}`])}\n${pick(['', '\n', '  $${a}\n', '  EOFX\n', '%{ if x }y%{ endif }\n'])}`;
      return `<<${pick(['', '-'])}${id}${pick(['', ' '])}\n${content}${pick(['', '  '])}${id}${pick(['', ' '])}\n`;
    }
    return pick(['1', '0', '10', '1.5', '1.5e3', '1.5E-2', '"s"', name(), 'x.y', 'true', 'false', 'null', '""']);
  };
  const statement = () =>
    next() < 0.3
      ? `${pick(['resource', 'locals', 'module', 'b'])}${pick([' "t" "n"', ' x', '', ' "a b"'])}${gap()}{${gap()}${pick(['', `a = ${expr(0)}`])}${gap()}${pick(['', `inner { z = ${expr(1)} }`])}${gap()}}`
      : `${name()}${gap()}=${gap()}${expr(0)}`;
  return Array.from({ length: count }, () => list(1 + below(4), statement, () => pick(['\n', '\n\n', ' ', '\n# c\n'])) + pick(['', '\n']));
}
