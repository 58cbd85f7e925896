/**
 * Slash commands in a comment (pure, never throws): every line that starts with `/kms` outside a
 * ``` / ~~~ code fence is one command. The verb is case-insensitive; arguments are words, with
 * `key="quoted values"`. An unknown verb comes back with the closest verbs (edit distance); wrong
 * arguments come back as an error that says what was expected.
 */

export const VERBS = ['help', 'explain', 'inventory', 'blast-radius', 'split', 'ignore', 'unignore', 'rerun'] as const;
export type Verb = (typeof VERBS)[number];

export type Command =
  | { verb: 'help' }
  | { verb: 'explain'; target?: string }
  | { verb: 'inventory'; all: boolean }
  | { verb: 'blast-radius'; key: string }
  | { verb: 'split'; key: string }
  | { verb: 'ignore'; rule: string; target?: string; reason: string; expires?: string }
  | { verb: 'unignore'; rule: string; target?: string }
  | { verb: 'rerun' };

export type Parsed =
  | { kind: 'command'; line: string; command: Command }
  | { kind: 'unknown'; line: string; verb: string; suggestions: Verb[] }
  | { kind: 'error'; line: string; verb: Verb; message: string };

/** The usage line of each verb (help and error replies). */
export const USAGE: Record<Verb, string> = {
  help: '/kms help',
  explain: '/kms explain [<rule-id> | <finding-fingerprint> | <key address or alias>]',
  inventory: '/kms inventory [--all]',
  'blast-radius': '/kms blast-radius <key>',
  split: '/kms split <key>',
  ignore: '/kms ignore <rule-id> [<key or resource>] reason="…" [expires=YYYY-MM-DD]',
  unignore: '/kms unignore <rule-id> [<key or resource>]',
  rerun: '/kms rerun',
};

const MAX_COMMANDS = 10;
const RULE_ID = /^KMS\d{3}$/i;

/** The commands of a comment, in order (at most ten). */
export function parseCommands(body: string): Parsed[] {
  const out: Parsed[] = [];
  let fence: string | undefined;
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const marker = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (fence === undefined) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.slice(marker.length).trim() === '') fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    if (!/^\/kms(\s|$)/i.test(line)) continue;
    out.push(parseLine(line));
    if (out.length >= MAX_COMMANDS) break;
  }
  return out;
}

interface Words {
  positional: string[];
  named: Map<string, string>;
  flags: string[];
  error?: string;
}

/** Splits arguments: `word`, `"quoted words"`, `name=value`, `name="quoted value"`, `--flag`. */
export function tokenize(text: string): Words {
  const words: Words = { positional: [], named: new Map(), flags: [] };
  const re = /\s*(?:([A-Za-z][\w-]*)=(?:"([^"]*)"|“([^”]*)”|(\S*))|"([^"]*)"|“([^”]*)”|(\S+))/gy;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m || m[0].length === 0) break;
    at = re.lastIndex;
    if (m[1] !== undefined) {
      const value = m[2] ?? m[3] ?? m[4] ?? '';
      if (m[4] !== undefined && /^["“]/.test(m[4])) {
        words.error = `the value of ${m[1]}= opens a quote that is never closed`;
        return words;
      }
      words.named.set(m[1].toLowerCase(), value);
    } else if (m[5] !== undefined || m[6] !== undefined) words.positional.push(m[5] ?? m[6] ?? '');
    else if (m[7].startsWith('--')) words.flags.push(m[7].toLowerCase());
    else if (/^["“]/.test(m[7])) {
      words.error = 'a quote is opened and never closed';
      return words;
    } else words.positional.push(m[7]);
  }
  return words;
}

function parseLine(line: string): Parsed {
  const rest = line.replace(/^\/kms/i, '').trim();
  const verbWord = (/^\S+/.exec(rest)?.[0] ?? '').toLowerCase();
  const args = rest.slice(verbWord.length).trim();
  if (verbWord === '') return { kind: 'command', line, command: { verb: 'help' } };
  if (!(VERBS as readonly string[]).includes(verbWord)) return { kind: 'unknown', line, verb: verbWord, suggestions: suggest(verbWord) };
  const verb = verbWord as Verb;
  const error = (message: string): Parsed => ({ kind: 'error', line, verb, message: `${message}. Usage: \`${USAGE[verb]}\`` });
  const w = tokenize(args);
  if (w.error) return error(w.error);
  const extra = (allowed: string[], allowedFlags: string[] = []) => {
    const names = [...w.named.keys()].filter((n) => !allowed.includes(n));
    const flags = w.flags.filter((f) => !allowedFlags.includes(f));
    if (names.length) return `unknown argument ${names.map((n) => `\`${n}=\``).join(', ')}`;
    if (flags.length) return `unknown option ${flags.map((f) => `\`${f}\``).join(', ')}`;
    return undefined;
  };
  switch (verb) {
    case 'help':
    case 'rerun': {
      const bad = extra([]) ?? (w.positional.length ? `\`${verb}\` takes no argument (got \`${w.positional.join(' ')}\`)` : undefined);
      return bad ? error(bad) : { kind: 'command', line, command: { verb } };
    }
    case 'explain': {
      const bad = extra([]) ?? (w.positional.length > 1 ? `\`explain\` takes one argument (got ${w.positional.length})` : undefined);
      if (bad) return error(bad);
      const target = w.positional[0];
      return { kind: 'command', line, command: target ? { verb, target: RULE_ID.test(target) ? target.toUpperCase() : target } : { verb } };
    }
    case 'inventory': {
      const bad = extra([], ['--all']) ?? (w.positional.length ? `\`inventory\` takes only \`--all\` (got \`${w.positional.join(' ')}\`)` : undefined);
      return bad ? error(bad) : { kind: 'command', line, command: { verb, all: w.flags.includes('--all') } };
    }
    case 'blast-radius':
    case 'split': {
      const bad = extra([]);
      if (bad) return error(bad);
      if (w.positional.length === 0) return error(`\`${verb}\` needs a key (an alias such as \`alias/platform-prod\`, or an address)`);
      if (w.positional.length > 1) return error(`\`${verb}\` takes one key (got ${w.positional.length} arguments)`);
      return { kind: 'command', line, command: { verb, key: w.positional[0] } };
    }
    case 'ignore':
    case 'unignore': {
      const bad = extra(verb === 'ignore' ? ['reason', 'expires'] : []);
      if (bad) return error(bad);
      const [rule, target, ...more] = w.positional;
      if (!rule) return error(`\`${verb}\` needs a rule id such as KMS103`);
      if (!RULE_ID.test(rule)) return error(`\`${rule}\` is not a rule id (KMS followed by three digits, such as KMS103)`);
      if (more.length) return error(`too many arguments (\`${more.join(' ')}\`); quote the reason: reason="…"`);
      const base = { rule: rule.toUpperCase(), ...(target ? { target } : {}) };
      if (verb === 'unignore') return { kind: 'command', line, command: { verb, ...base } };
      const reason = w.named.get('reason')?.trim();
      if (!reason) return error('`ignore` needs a reason: reason="why this finding is acceptable here"');
      const expires = w.named.get('expires');
      if (expires !== undefined && !validDate(expires)) return error(`expires=${expires} is not a date YYYY-MM-DD`);
      return { kind: 'command', line, command: { verb, ...base, reason, ...(expires ? { expires } : {}) } };
    }
  }
}

function validDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Levenshtein distance. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The verbs within a small distance (a third of the word, at least 2), closest first; a prefix counts too. */
export function suggest(word: string): Verb[] {
  const limit = Math.max(2, Math.floor(word.length / 3));
  return VERBS.map((v) => ({ v, d: v.startsWith(word) && word.length >= 2 ? 0 : editDistance(word, v) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.v.localeCompare(b.v))
    .slice(0, 2)
    .map((x) => x.v);
}
