/**
 * `Idempotency-Key` for mutating endpoints: a replay of the same request with
 * the same key returns the first response (marked `Idempotent-Replayed: true`)
 * and does nothing again. A key is bound to its method, path, query and body:
 * the same key with a different request is a 422; while the first is still
 * running, a 409. Keys live for 24 hours per caller. Errors are not
 * remembered, so a corrected request may reuse its key. Safe methods pass.
 *
 * The auth middlewares apply it to every authenticated route (api/auth.ts);
 * anonymous mutating routes (sign-up) add it themselves.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { Conflict, IdempotencyKeyReused, ValidationFailed } from '../errors.js';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from '../db/idempotency-store.js';
import type { AppDeps, AppEnv } from './app-env.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Larger responses are not remembered (they would not fit a DynamoDB item comfortably). */
const MAX_STORED_BODY = 256 * 1024;

export function idempotent(deps: AppDeps, scopeOf: (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined || SAFE_METHODS.has(c.req.method)) return next();
    if (!KEY_PATTERN.test(key)) {
      throw new ValidationFailed('Idempotency-Key must be 1–255 visible ASCII characters.', [{ field: 'Idempotency-Key', message: 'invalid' }]);
    }
    const scope = scopeOf(c);
    const body = new Uint8Array(await c.req.arrayBuffer());
    const { pathname, search } = new URL(c.req.url);
    const fingerprint = createHash('sha256').update(`${c.req.method} ${pathname}${search}\n`).update(body).digest('base64url');
    const claim = await claimIdempotencyKey(deps.db, scope, key, fingerprint, deps.now());
    if (!claim.claimed) {
      if (claim.fingerprint !== fingerprint) throw new IdempotencyKeyReused();
      if (!claim.response) throw new Conflict('A request with this Idempotency-Key is still being processed; retry shortly.');
      return new Response(claim.response.body || null, {
        status: claim.response.status,
        headers: { 'content-type': claim.response.contentType, 'idempotent-replayed': 'true' },
      });
    }
    await next();
    const response = c.res;
    const text = await response.clone().text();
    // Only successes are remembered: after an error (ours or the caller's) the key may be used again.
    if (response.status >= 400 || text.length > MAX_STORED_BODY) {
      await releaseIdempotencyKey(deps.db, scope, key);
      return;
    }
    await completeIdempotencyKey(
      deps.db,
      scope,
      key,
      { status: response.status, body: text, contentType: response.headers.get('content-type') ?? 'application/json' },
      deps.now(),
    );
  };
}

const MUTATING_OPERATIONS = ['post', 'put', 'patch', 'delete'] as const;

type Operation = { security?: unknown[]; parameters?: Array<{ name?: string; in?: string }> };

/**
 * Documents the Idempotency-Key header on every operation that honours it:
 * each authenticated mutating one (the auth middlewares apply the layer), and
 * those that declare it themselves.
 */
export function withIdempotencyKeys<T extends { paths?: object | undefined }>(document: T): T {
  const paths = (document.paths ?? {}) as Record<string, Partial<Record<string, Operation>>>;
  for (const operations of Object.values(paths)) {
    for (const method of MUTATING_OPERATIONS) {
      const operation = operations[method];
      if (!operation?.security?.length) continue;
      const parameters = (operation.parameters ??= []);
      if (!parameters.some((parameter) => parameter.in === 'header' && parameter.name === 'idempotency-key')) parameters.push(IDEMPOTENCY_KEY_PARAMETER);
    }
  }
  return document;
}

const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'idempotency-key',
  in: 'header',
  required: false,
  description: 'Makes retries safe: a replay within 24 hours returns the first response and changes nothing; the same key with another request is a 422.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};
