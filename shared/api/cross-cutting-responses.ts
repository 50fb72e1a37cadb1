/**
 * Statuses every route can answer for reasons outside its own handler,
 * documented on each operation they apply to, so clients (and code generated
 * from the document) know them:
 *  - 400 for a malformed path parameter or body, on operations that take them;
 *  - 413 for a body over the limit, on operations that take one;
 *  - 401 for a bad token, also on public routes where a token is optional;
 *  - 400, 409 and 422 for a malformed, in-flight or reused Idempotency-Key;
 *  - 503 with Retry-After on every write: a transaction that lost a race
 *    with others too often is refused whole, to be retried;
 *  - 500, in the same error shape;
 *  - the Retry-After header on 429 and 503.
 * Applied to the generated document, after the Idempotency-Key parameters.
 */
import { errorResponseDocs, type ErrorStatus } from './schemas/common.js';

type Response = { description?: string; headers?: Record<string, unknown>; content?: unknown };
type Operation = {
  parameters?: Array<{ name?: string; in?: string }>;
  requestBody?: unknown;
  security?: Array<Record<string, unknown>>;
  responses?: Record<string, Response>;
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 1 } },
};

export function withCrossCuttingResponses<T extends { paths?: object | undefined }>(document: T): T {
  const paths = (document.paths ?? {}) as Record<string, Partial<Record<string, Operation>>>;
  for (const operations of Object.values(paths)) {
    for (const method of METHODS) {
      const operation = operations[method];
      if (!operation) continue;
      const responses = (operation.responses ??= {});
      const add = (...statuses: ErrorStatus[]) => {
        for (const [status, response] of Object.entries(errorResponseDocs(...statuses))) responses[status] ??= response;
      };
      const parameters = operation.parameters ?? [];
      if (operation.requestBody) add(400, 413);
      if (parameters.some((parameter) => parameter.in === 'path')) add(400);
      if (operation.security?.some((scheme) => Object.keys(scheme).length > 0)) add(401);
      if (parameters.some((parameter) => parameter.in === 'header' && parameter.name === 'idempotency-key')) add(400, 409, 422);
      if (method !== 'get') add(503);
      add(500);
      for (const status of ['429', '503']) {
        const response = responses[status];
        if (response) response.headers = { ...RETRY_AFTER, ...response.headers };
      }
    }
  }
  return document;
}
