/**
 * Reader access tokens: HS256 JWTs signed with the configured secret. Verification
 * pins the algorithm (so `alg: none` and key confusion fail), and requires an
 * expiry, issuer and audience.
 */
import { sign, verify } from 'hono/jwt';
import { Unauthorized } from '../errors.js';

const ISSUER = 'postwire';
const AUDIENCE = 'postwire-readers';

export interface ReaderClaims {
  userId: string;
  handle: string;
  /** When the token was issued, in epoch milliseconds (a password reset ends the sessions issued before it). */
  issuedAt?: number | undefined;
}

/** Token times are wall-clock time, as verification reads them (not the app's injectable clock). */
export async function issueReaderToken(claims: ReaderClaims, secret: string, ttlMinutes: number): Promise<string> {
  const issuedAtMs = Date.now();
  const issuedAt = Math.floor(issuedAtMs / 1000);
  return sign(
    // `ims`: the issue time to the millisecond, so a session opened right after a password reset is told from one opened before it.
    { sub: claims.userId, handle: claims.handle, iss: ISSUER, aud: AUDIENCE, iat: issuedAt, ims: issuedAtMs, exp: issuedAt + ttlMinutes * 60 },
    secret,
    'HS256',
  );
}

export async function verifyReaderToken(token: string, secret: string): Promise<ReaderClaims> {
  let payload: Record<string, unknown>;
  try {
    payload = await verify(token, secret, { alg: 'HS256', iss: ISSUER, aud: AUDIENCE });
  } catch {
    throw new Unauthorized('The reader token is not valid or has expired; log in again.');
  }
  if (typeof payload.sub !== 'string' || typeof payload.handle !== 'string' || typeof payload.exp !== 'number') {
    throw new Unauthorized('The reader token is not valid or has expired; log in again.');
  }
  const issuedAt = typeof payload.ims === 'number' ? payload.ims : typeof payload.iat === 'number' ? payload.iat * 1000 : 0;
  return { userId: payload.sub, handle: payload.handle, issuedAt };
}

/** Three base64url parts: what a JWT looks like, as opposed to an operator token or a publisher key. */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}
