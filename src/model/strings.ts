/**
 * A string as one flat piece. V8 keeps a string built by `+` or a template literal as a rope (a
 * node per join, every part kept alive) until something reads it whole; the ids, addresses and
 * provenance an analysis holds to its end take two to three times their length that way. A
 * regular-expression test flattens the string in place, and the garbage collector then drops the
 * rope's nodes.
 */
const ANYTHING = /^/;

export function flat(text: string): string {
  ANYTHING.test(text);
  return text;
}

/**
 * A copy of a string that shares no memory with the text it was cut from: a slice (and a flattened
 * rope of slices) keeps its whole source text alive, which a table kept beyond one file must not.
 */
export function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}
