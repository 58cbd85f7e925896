/** Reads and validates `.github/kms-review.yml`; errors are values located at the offending YAML line. */
import { isNode, LineCounter, parseDocument } from 'yaml';
import { DEFAULT_LIMITS, type Limits } from '../model/source.js';
import { type Config, configSchema } from './schema.js';

export const CONFIG_PATH = '.github/kms-review.yml';

export interface ConfigError {
  /** Dotted YAML path of the offending value, e.g. `thresholds.grants`. */
  path: string;
  message: string;
  line: number;
}

export interface LoadedConfig {
  config: Config;
  errors: ConfigError[];
}

export const defaultConfig = (): Config => configSchema.parse({});

/** Parses the config text. An invalid file yields the defaults plus its errors, never a throw. */
export function parseConfig(text: string): LoadedConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e) => ({
      path: '',
      message: e.message.split('\n')[0],
      line: lineCounter.linePos(e.pos[0]).line,
    }));
    return { config: defaultConfig(), errors };
  }
  const raw: unknown = doc.toJS({ maxAliasCount: 50 }) ?? {};
  const result = configSchema.safeParse(raw);
  if (result.success) return { config: result.data, errors: [] };
  const errors = result.error.issues.map((issue) => {
    const path = issue.path.map(String);
    const node = doc.getIn(issue.path as (string | number)[], true);
    const offset = isNode(node) && node.range ? node.range[0] : 0;
    const detail = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
    return { path: path.join('.'), message: detail, line: lineCounter.linePos(offset).line };
  });
  return { config: defaultConfig(), errors: errors.sort((a, b) => a.line - b.line) };
}

export function limitsOf(config: Config): Limits {
  return { ...DEFAULT_LIMITS, ...Object.fromEntries(Object.entries(config.limits).filter(([, v]) => v !== undefined)) };
}
