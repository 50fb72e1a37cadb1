/** One log line per request: what operators grep first. Bodies and credentials are never logged. */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Logger } from './app-env.js';

export function accessLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const line = {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status,
      ms: Math.round(performance.now() - started),
    };
    if (status >= 500) logger.error('request', line);
    else logger.info('request', line);
  };
}
