/**
 * `Idempotency-Key` for mutating endpoints: a replay of the same request with
 * the same key returns the first response (marked `Idempotent-Replayed: true`)
 * and does nothing again. The same key with a different request, or while the
 * first is still running, is a 409. Keys live for 24 hours per credential.
 * Errors are not remembered, so a corrected request may reuse its key.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { Conflict, ValidationFailed } from '../errors.js';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from '../db/idempotency-store.js';
import type { AppDeps, AppEnv } from './app-env.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
/** Larger responses are not remembered (they would not fit a DynamoDB item comfortably). */
const MAX_STORED_BODY = 256 * 1024;

export function idempotent(deps: AppDeps, scopeOf: (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (key === undefined) return next();
    if (!KEY_PATTERN.test(key)) {
      throw new ValidationFailed('Idempotency-Key must be 1–255 visible ASCII characters.', [{ field: 'Idempotency-Key', message: 'invalid' }]);
    }
    const scope = scopeOf(c);
    const body = new Uint8Array(await c.req.arrayBuffer());
    const fingerprint = createHash('sha256').update(`${c.req.method} ${c.req.path}\n`).update(body).digest('base64url');
    const claim = await claimIdempotencyKey(deps.db, scope, key, fingerprint, deps.now());
    if (!claim.claimed) {
      if (claim.fingerprint !== fingerprint) throw new Conflict('This Idempotency-Key was already used for a different request.');
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
    await completeIdempotencyKey(deps.db, scope, key, {
      status: response.status,
      body: text,
      contentType: response.headers.get('content-type') ?? 'application/json',
    });
  };
}
