/**
 * Bearer-token middleware for the operator, publishers and readers. Once the
 * caller is known, a mutating request with an `Idempotency-Key` goes through
 * the idempotency layer scoped to that caller: every authenticated mutating
 * endpoint honours the key, and a replay is never served before the
 * credential has been checked.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { Forbidden, Unauthorized } from '../errors.js';
import { apiKeyMatches, slugOfApiKey } from '../publishers/api-keys.js';
import { findPublisher } from '../publishers/publisher-store.js';
import { looksLikeJwt, type ReaderClaims, verifyReaderToken } from '../readers/reader-tokens.js';
import { sessionsValidAfter } from '../readers/sessions.js';
import type { AppDeps, AppEnv } from './app-env.js';
import { idempotent } from './idempotency.js';

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

export function requireAdmin(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const expected = digest(deps.config.adminToken);
  const replayable = idempotent(deps, () => 'admin');
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw new Unauthorized('This endpoint needs the operator token as a bearer token.');
    if (!timingSafeEqual(digest(token), expected)) {
      if (slugOfApiKey(token)) throw new Forbidden('Publisher keys cannot use operator endpoints.');
      throw new Unauthorized('The operator token is not valid.');
    }
    return replayable(c, next);
  };
}

export function requirePublisher(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const replayable = idempotent(deps, (c) => `publisher:${c.get('publisher').slug}`);
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw new Unauthorized('This endpoint needs a publisher API key as a bearer token.');
    const slug = slugOfApiKey(token);
    const publisher = slug ? await findPublisher(deps.db, slug) : undefined;
    if (!publisher || !apiKeyMatches(token, publisher.apiKeyHash)) throw new Unauthorized('The publisher API key is not valid.');
    c.set('publisher', publisher);
    return replayable(c, next);
  };
}

/** Fixed-length digests so the comparison takes the same time whatever the input length. */
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/**
 * Reader tokens where they are optional (reading an article): a valid JWT sets
 * the reader, an invalid one is a 401, and other bearer credentials are ignored.
 */
export function readerIfPresent(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    c.set('reader', token && looksLikeJwt(token) ? await verifiedReader(deps, token) : undefined);
    await next();
  };
}

export function requireReader(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const replayable = idempotent(deps, (c) => `reader:${c.get('reader')!.userId}`);
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) throw new Unauthorized('This endpoint needs a reader token; sign up or log in.');
    c.set('reader', await verifiedReader(deps, token));
    return replayable(c, next);
  };
}

/** A valid reader token whose session has not been ended since it was issued. */
async function verifiedReader(deps: AppDeps, token: string): Promise<ReaderClaims> {
  const claims = await verifyReaderToken(token, deps.config.jwtSecret);
  if ((claims.issuedAt ?? 0) < (await sessionsValidAfter(deps.db, claims.userId))) {
    throw new Unauthorized('This session was ended (the password was reset); log in again.');
  }
  return claims;
}
