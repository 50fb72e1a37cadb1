/**
 * The name a publisher knows a reader by, in entitlement tokens and receipts:
 * stable per reader and publisher, and different for each publisher, so
 * publishers cannot join their readers up.
 */
import { createHmac } from 'node:crypto';

export function readerPseudonym(secret: string, userId: string, publisherSlug: string): string {
  return createHmac('sha256', secret).update(`pseudonym:${publisherSlug}:${userId}`).digest('base64url').slice(0, 22);
}
