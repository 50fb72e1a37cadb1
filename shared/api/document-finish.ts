/**
 * The last touches to the generated OpenAPI document, so linters (Redocly's
 * recommended rules, Spectral's oas ruleset) and generated clients find what
 * they look for:
 *  - the server it describes, and the tags it groups operations by;
 *  - `security: []` on public operations, said rather than implied;
 *  - an example on every operation's JSON request and success response,
 *    sampled from its schema (openapi-sampler), where a field's own `example`
 *    gives realistic values. A test checks every example against its schema.
 */
import { sample } from 'openapi-sampler';

type Media = { schema?: object; example?: unknown; examples?: unknown };
type Operation = {
  security?: unknown[];
  requestBody?: { content?: Record<string, Media> };
  responses?: Record<string, { content?: Record<string, Media> }>;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Alphabetical, as linters and readers expect. */
export const TAGS = [
{ name: 'everyone', description: 'Open to all; a reader token, where accepted, adds that reader’s access state.' },
  { name: 'operator', description: 'The operator: creating publishers.' },
  { name: 'payments', description: 'Stripe Checkout for points and plans, refunds, and Stripe’s webhooks.' },
  { name: 'publisher', description: 'A publisher with its API key: settings, feeds, pushes, stats and money.' },
  { name: 'reader', description: 'A signed-in reader: account, wallet, unlocks, library, gifts, trials and subscriptions.' },
  { name: 'social', description: 'Posts, replies, likes, follows, blocks and the timeline.' },
];

export function finishDocument<T extends { paths?: object | undefined }>(document: T, serverUrl: string): T & { servers: unknown[]; tags: unknown[] } {
  const paths = (document.paths ?? {}) as Record<string, Partial<Record<string, Operation>>>;
  for (const operations of Object.values(paths)) {
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      operation.security ??= [];
      for (const media of Object.values(operation.requestBody?.content ?? {})) addExample(media, document);
      const success = Object.entries(operation.responses ?? {}).find(([status]) => /^2\d\d$/.test(status));
      for (const media of Object.values(success?.[1].content ?? {})) addExample(media, document);
    }
  }
  return { ...document, servers: [{ url: serverUrl, description: 'This postwire' }], tags: TAGS };
}

function addExample(media: Media, document: object): void {
  if (!media.schema || media.example !== undefined || media.examples !== undefined) return;
  media.example = sample(media.schema as never, { skipReadOnly: true, quiet: true }, document);
}
