/**
 * The AWS Lambda door: a handler for API Gateway v2 (HTTP API) and Lambda function URL events.
 * It verifies `x-hub-signature-256` and runs the app with Probot's `createProbot` +
 * `webhooks.verifyAndReceive` (`@probot/adapter-aws-lambda-serverless` supports Probot 13 only).
 * Configured like the container (`src/queue/env.ts`); the Probot is built once per warm instance.
 *
 * GitHub waits 10 s for a webhook answer, and without `REDIS_URL` the review runs before the
 * answer: this door is for small installations. With `REDIS_URL` the handler only queues the
 * review and workers run it (`kms-review worker`).
 */
import type { ApplicationFunction, Probot } from 'probot';
import { receiverFromEnv } from './queue/env.js';

/** The fields of an API Gateway v2 event the handler reads. */
export interface ApiGatewayV2Event {
  headers?: Record<string, string | undefined>;
  body?: string | null;
  isBase64Encoded?: boolean;
  requestContext?: { http?: { method?: string } };
}

export interface LambdaResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const json = (statusCode: number, body: object): LambdaResult => ({ statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

/** A handler over a given Probot and app (tests; other hosts). */
export function createLambdaHandler(probot: Probot, app: ApplicationFunction): (event: ApiGatewayV2Event) => Promise<LambdaResult> {
  const loaded = probot.load(app).then(() => probot.ready());
  return async (event) => {
    await loaded;
    const method = event.requestContext?.http?.method ?? 'POST';
    if (method !== 'POST') return json(405, { error: `method ${method} not allowed` });
    const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? '']));
    const name = headers['x-github-event'];
    const id = headers['x-github-delivery'];
    const signature = headers['x-hub-signature-256'];
    if (!name || !id || !signature) return json(400, { error: 'missing x-github-event, x-github-delivery or x-hub-signature-256' });
    const body = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : (event.body ?? '');
    try {
      await probot.webhooks.verifyAndReceive({ id, name, payload: body, signature } as Parameters<Probot['webhooks']['verifyAndReceive']>[0]);
      return json(200, { ok: true });
    } catch (error) {
      const first = (error as { errors?: Iterable<{ status?: number; message?: string }> }).errors;
      const cause = first ? [...first][0] : (error as { status?: number; message?: string });
      const statusCode = cause?.status ?? 500;
      if (statusCode >= 500) probot.log.error({ err: error, delivery: id }, 'kms-review: webhook handling failed');
      return json(statusCode, { error: statusCode === 400 ? 'signature does not match or payload invalid' : (cause?.message ?? 'error') });
    }
  };
}

let fromEnv: ((event: ApiGatewayV2Event) => Promise<LambdaResult>) | undefined;

/** The Lambda entry (`lib/lambda.handler`). */
export async function handler(event: ApiGatewayV2Event): Promise<LambdaResult> {
  if (!fromEnv) {
    const receiver = receiverFromEnv();
    fromEnv = createLambdaHandler(receiver.probot, receiver.app);
  }
  return fromEnv(event);
}
