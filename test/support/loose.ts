/** Webhook payloads and recorded request bodies, read loosely: tests reach into them by path. */
// biome-ignore lint/suspicious/noExplicitAny: the one loose type of the tests (JSON from fixtures and fakes)
export type Loose = any;
