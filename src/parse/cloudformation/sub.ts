/** The template string of `Fn::Sub`, split into literal text and `${…}` placeholders. */

export type SubPart = { kind: 'text'; text: string } | { kind: 'var'; name: string };

/** `${Name}` and `${Name.Attr}` are placeholders; `${!Text}` is the literal `${Text}`. */
const PLACEHOLDER = /\$\{([^}]*)\}/g;

export function splitSub(template: string): SubPart[] {
  const parts: SubPart[] = [];
  let textStart = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const [whole, inner] = match;
    const at = match.index ?? 0;
    if (at > textStart) parts.push({ kind: 'text', text: template.slice(textStart, at) });
    parts.push(inner.startsWith('!') ? { kind: 'text', text: `\${${inner.slice(1)}}` } : { kind: 'var', name: inner.trim() });
    textStart = at + whole.length;
  }
  if (textStart < template.length) parts.push({ kind: 'text', text: template.slice(textStart) });
  return parts;
}
