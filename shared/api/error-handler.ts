/** The one place where errors become HTTP responses. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { Contention, DomainError, RateLimited } from '../errors.js';
import type { AppEnv, Logger } from './app-env.js';

export function errorBody(code: string, message: string, details?: unknown, requestId?: string) {
  return { error: { code, message, ...(details === undefined ? {} : { details }), ...(requestId ? { requestId } : {}) } };
}

export function handleError(logger: Logger) {
  return (error: Error, c: Context<AppEnv>) => {
    const requestId = c.get('requestId');
    if (error instanceof DomainError) {
      if (error instanceof Contention || error instanceof RateLimited) c.header('Retry-After', String(error.retryAfterSeconds));
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
