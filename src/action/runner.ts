/**
 * The GitHub Actions runner protocol, the little of it this action needs (no `@actions/core`):
 * inputs from `INPUT_<NAME>` variables, outputs and the job summary appended to the files named by
 * `GITHUB_OUTPUT` / `GITHUB_STEP_SUMMARY`, and workflow commands (`::error …::`) on stdout.
 * See https://docs.github.com/actions/reference/workflow-commands-for-github-actions.
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';

export type Env = Record<string, string | undefined>;

export interface Streams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/** `INPUT_<NAME>` as the runner sets it: name upper-cased, spaces → `_`, hyphens kept (`INPUT_FAIL-ON`). Trimmed; `''` when unset. */
export function getInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Message text of a workflow command: `%`, CR and LF escaped. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value of a workflow command: as data, plus `:` and `,` (they delimit properties). */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export type AnnotationLevel = 'error' | 'warning' | 'notice';

export interface WorkflowAnnotation {
  level: AnnotationLevel;
  message: string;
  file?: string;
  line?: number;
  endLine?: number;
  title?: string;
}

/** `::error file=a.tf,line=3,endLine=5,title=KMS103 …::message` */
export function annotationCommand(a: WorkflowAnnotation): string {
  const props: [string, string | number | undefined][] = [
    ['file', a.file],
    ['line', a.line],
    ['endLine', a.endLine],
    ['title', a.title],
  ];
  const list = props.filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${a.level}${list.length ? ` ${list.join(',')}` : ''}::${escapeData(a.message)}`;
}

/** Writes outputs and summaries where the runner reads them; without the files (a local run) outputs go to the log. */
export class Runner {
  constructor(
    private readonly env: Env,
    private readonly streams: Streams,
  ) {}

  input(name: string): string {
    return getInput(this.env, name);
  }

  /** `name<<delimiter\nvalue\ndelimiter` appended to `GITHUB_OUTPUT`; the delimiter is random and never inside the value. */
  setOutput(name: string, value: string | number): void {
    const text = String(value);
    const file = this.env.GITHUB_OUTPUT;
    if (!file) {
      this.info(`output ${name}=${text}`);
      return;
    }
    let delimiter = `ghadelimiter_${randomUUID()}`;
    while (text.includes(delimiter) || name.includes(delimiter)) delimiter = `ghadelimiter_${randomUUID()}`;
    appendFileSync(file, `${name}<<${delimiter}\n${text}\n${delimiter}\n`, 'utf8');
  }

  /** Appends markdown to the job summary (`GITHUB_STEP_SUMMARY`); false when there is none. */
  summary(markdown: string): boolean {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (!file) return false;
    appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`, 'utf8');
    return true;
  }

  annotate(annotation: WorkflowAnnotation): void {
    this.streams.stdout.write(`${annotationCommand(annotation)}\n`);
  }

  info(message: string): void {
    this.streams.stdout.write(`${message}\n`);
  }

  warning(message: string): void {
    this.annotate({ level: 'warning', message });
  }

  error(message: string): void {
    this.annotate({ level: 'error', message });
  }

  /**
   * A report to the log. Its text quotes pull request content, so workflow commands are switched
   * off around it (`::stop-commands::<random>`): a line of it can never act as `::set-env` and kin.
   */
  writeUntrusted(text: string): void {
    const token = `kms-review-${randomUUID()}`;
    this.streams.stdout.write(`::stop-commands::${token}\n${text}${text.endsWith('\n') ? '' : '\n'}::${token}::\n`);
  }

  group<T>(title: string, body: () => T): T {
    this.streams.stdout.write(`::group::${escapeData(title)}\n`);
    try {
      return body();
    } finally {
      this.streams.stdout.write('::endgroup::\n');
    }
  }
}
