/** The one place where errors become HTTP responses. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { Contention, DomainError, PaymentsNotConfigured, RateLimited } from '../errors.js';
import type { AppEnv, Logger } from './app-env.js';

export function errorBody(code: string, message: string, details?: unknown, requestId?: string) {
  return { error: { code, message, ...(details === undefined ? {} : { details }), ...(requestId ? { requestId } : {}) } };
}

/** `maxDiscardBytes`: how much of an unread upload we read away before answering; past it the connection is cut. */
export function handleError(logger: Logger, maxDiscardBytes: number) {
  return async (error: Error, c: Context<AppEnv>) => {
    await discardUnreadBody(c.req.raw, maxDiscardBytes);
    const requestId = c.get('requestId');
    if (error instanceof DomainError) {
      if (error instanceof Contention || error instanceof RateLimited || error instanceof PaymentsNotConfigured) c.header('Retry-After', String(error.retryAfterSeconds));
      return c.json(errorBody(error.code, error.message, error.details), error.status);
    }
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own 4xx (a body that is not JSON, for example).
      return c.json(errorBody('validation_failed', error.message || 'The request could not be read.'), 400);
    }
    logger.error('Unhandled error', { requestId, path: c.req.path, method: c.req.method, error: describe(error) });
    return c.json(errorBody('internal_error', 'Something went wrong on our side; please retry.', undefined, requestId), 500);
  };
}

function describe(error: Error) {
  return { name: error.name, message: error.message, stack: error.stack };
}

/**
 * Reads and drops what the client is still sending before we answer. A refusal
 * written while a large upload is still arriving (a push with a wrong key) is
 * otherwise followed by the server closing the connection under the client,
 * who sees "other side closed" instead of our 401 or 413. Past `maxBytes` we
 * stop reading: an upload that large gets its connection closed.
 */
async function discardUnreadBody(request: Request, maxBytes: number): Promise<void> {
  if (!request.body || request.bodyUsed) return;
  const reader = request.body.getReader();
  try {
    for (let read = 0; read <= maxBytes; ) {
      const chunk = await reader.read();
      if (chunk.done) return;
      read += chunk.value.byteLength;
    }
    await reader.cancel();
  } catch {
    // The client went away, or the body limit middleware cut the stream: there is nothing more to read.
  }
}
