/**
 * Publisher API keys: `pk_<slug>_<256 random bits>`. The slug inside the key
 * lets authentication read the publisher in one GetItem; only a SHA-256 of the
 * key is stored (the key is random, so a fast hash is enough), compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface IssuedKey {
  apiKey: string;
  hash: string;
}

export function issueApiKey(slug: string): IssuedKey {
  const apiKey = `pk_${slug}_${randomBytes(32).toString('base64url')}`;
  return { apiKey, hash: hashApiKey(apiKey) };
}

export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey).digest('hex');
}

/** The slug a well-formed key names, or undefined for anything else. */
export function slugOfApiKey(apiKey: string): string | undefined {
  return apiKey.match(/^pk_([a-z0-9-]{1,40})_[A-Za-z0-9_-]{43}$/)?.[1];
}

export function apiKeyMatches(apiKey: string, storedHash: string): boolean {
  const given = Buffer.from(hashApiKey(apiKey), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
