/**
 * A loopback proxy in front of the fake GitHub that can hold requests: `hold(matches)` keeps every
 * matching request from reaching GitHub until `release()`. A held request whose client gave up
 * meanwhile (aborted) is dropped, never forwarded. Lets a test look at the moment between the
 * webhook's answer and the receiver's background GitHub calls.
 */
import { createServer, type IncomingMessage, request, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
  method: string;
  path: string;
  body?: Record<string, unknown>;
}

type Pending = { req: IncomingMessage; res: ServerResponse; body: Buffer; gaveUp: boolean };

export class HoldingProxy {
  #server: Server | undefined;
  #matches: ((r: ProxiedRequest) => boolean) | undefined;
  #held: Pending[] = [];
  port = 0;

  constructor(private readonly upstreamPort: number) {}

  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Requests held right now (not counting those whose client gave up). */
  get held(): number {
    return this.#held.filter((p) => !p.gaveUp).length;
  }

  async start(): Promise<this> {
    this.#server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const text = body.toString('utf8');
      const seen = { method: req.method ?? 'GET', path: (req.url ?? '/').replace(/^\/api\/v3/, ''), ...(text ? { body: JSON.parse(text) } : {}) };
      const pending: Pending = { req, res, body, gaveUp: false };
      res.on('close', () => (pending.gaveUp = !res.writableFinished));
      if (this.#matches?.(seen)) this.#held.push(pending);
      else this.#forward(pending);
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.#server.address() as AddressInfo).port;
    return this;
  }

  hold(matches: (r: ProxiedRequest) => boolean): void {
    this.#matches = matches;
  }

  /** Stops holding and forwards what is still wanted. */
  release(): void {
    this.#matches = undefined;
    for (const pending of this.#held.splice(0)) if (!pending.gaveUp) this.#forward(pending);
  }

  #forward({ req, res, body }: Pick<Pending, 'req' | 'res' | 'body'>): void {
    const upstream = request({ host: '127.0.0.1', port: this.upstreamPort, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    upstream.end(body);
  }

  async stop(): Promise<void> {
    for (const pending of this.#held.splice(0)) pending.res.destroy();
    this.#server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}
