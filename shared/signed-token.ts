/**
 * Tokens for links in mails that need no stored state: a JSON payload and an
 * HMAC-SHA256 over it, keyed by the app's secret and bound to one purpose
 * (a confirmation token never works as an unsubscribe token).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const signature = (secret: string, purpose: string, payload: string) => createHmac('sha256', secret).update(`postwire ${purpose}\n${payload}`).digest('base64url');

export function signToken(secret: string, purpose: string, claims: object): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${signature(secret, purpose, payload)}`;
}

/** The claims, or undefined when the token was not made by us for this purpose. */
export function readSignedToken<T>(secret: string, purpose: string, token: string): T | undefined {
  const [payload, given, extra] = token.split('.');
  if (!payload || !given || extra !== undefined) return undefined;
  const expected = Buffer.from(signature(secret, purpose, payload));
  if (expected.length !== Buffer.byteLength(given) || !timingSafeEqual(expected, Buffer.from(given))) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as T;
  } catch {
    return undefined;
  }
}

/** What is stored of a secret token a link carries (a reset, an address change, a private feed): its SHA-256, so a table read does not hand out working links. */
export const tokenDigest = (token: string): string => createHash('sha256').update(token).digest('base64url');
