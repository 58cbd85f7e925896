/**
 * One long-lived `git cat-file --batch` child: objects are asked for by name, one per line, and
 * answered in order as `<sha> <type> <size>\n<bytes>\n` or `<name> missing\n`.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

type Settle = (result: Buffer | Error) => void;

export class CatFileBatch {
  private readonly child: ChildProcessWithoutNullStreams;
  /** Callers waiting for an answer, in the order their names were written. */
  private readonly queue: Settle[] = [];
  /** Unparsed stdout, kept as chunks so a large blob is copied once, not once per chunk. */
  private chunks: Buffer[] = [];
  private buffered = 0;
  /** Set once a header is parsed: what the bytes that follow are (they end with one more newline). */
  private body: { size: number; type: string } | undefined;
  private stderr = '';
  private failure: Error | undefined;
  private readonly exited: Promise<void>;

  constructor(repoDir: string) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd: repoDir, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-2000);
    });
    // Writes after the child died would otherwise surface as an unhandled EPIPE.
    this.child.stdin.on('error', (error) => this.fail(error));
    this.exited = new Promise((resolve) => {
      this.child.on('error', (error) => {
        this.fail(error);
        resolve();
      });
      this.child.on('close', (code) => {
        this.fail(new Error(`git cat-file exited (code ${code})${this.stderr ? `: ${this.stderr.trim()}` : ''}`));
        resolve();
      });
    });
  }

  /** Fetches the objects in one write; each name settles on its own, in order. */
  fetch(names: string[]): Promise<Buffer | Error>[] {
    const lines: string[] = [];
    const results = names.map(
      (name) =>
        new Promise<Buffer | Error>((settle) => {
          if (this.failure) settle(this.failure);
          // The protocol is line-based: a line break would shift every later answer.
          else if (/[\n\r]/.test(name)) settle(new Error(`object name "${name}" has a line break`));
          else {
            this.queue.push(settle);
            lines.push(`${name}\n`);
          }
        }),
    );
    if (lines.length > 0) this.child.stdin.write(lines.join(''));
    return results;
  }

  async close(): Promise<void> {
    this.child.stdin.end();
    await this.exited;
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const settle of this.queue.splice(0)) settle(this.failure);
  }

  private receive(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (this.queue.length > 0 && (this.body ? this.takeBody(this.body) : this.takeHeader())) {
      // each step consumed one header or one body
    }
  }

  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private consume(bytes: number): Buffer {
    const all = this.joined();
    const taken = all.subarray(0, bytes);
    this.chunks = bytes < all.length ? [all.subarray(bytes)] : [];
    this.buffered -= bytes;
    return taken;
  }

  private takeHeader(): boolean {
    const newline = this.joined().indexOf(0x0a);
    if (newline < 0) return false;
    const header = this.consume(newline + 1).toString('utf8', 0, newline);
    const [, type, size] = header.split(' ');
    const byteCount = Number(size);
    if (type === undefined || size === undefined || !Number.isSafeInteger(byteCount)) {
      // `missing`, `ambiguous`: no body follows.
      this.settleNext(new Error(`git has no object ${header}`));
    } else {
      this.body = { type, size: byteCount };
    }
    return true;
  }

  private takeBody(body: { size: number; type: string }): boolean {
    if (this.buffered < body.size + 1) return false;
    // Copied out of the shared buffer so a kept file does not pin the whole stdout chunk.
    const bytes = Buffer.from(this.consume(body.size + 1).subarray(0, body.size));
    this.body = undefined;
    this.settleNext(body.type === 'blob' ? bytes : new Error(`not a file: git object is a ${body.type}`));
    return true;
  }

  private settleNext(result: Buffer | Error): void {
    this.queue.shift()?.(result);
  }
}
