/**
 * The signed tokens in newsletter mails. A subscription's confirmation link
 * expires after a week; an unsubscribe link never does (RFC 8058: it must
 * keep working from any old issue), and names the issue it came from so the
 * unsubscribe is counted there.
 */
import { ValidationFailed } from '../errors.js';
import { readSignedToken, signToken } from '../signed-token.js';

const CONFIRM_PURPOSE = 'newsletter subscription';
const UNSUBSCRIBE_PURPOSE = 'newsletter unsubscribe';
export const CONFIRM_VALID_DAYS = 7;

const refused = (message: string) => new ValidationFailed(message, [{ field: 'token', message }]);

export function confirmationToken(secret: string, userId: string, newsletterId: string, now: Date): string {
  return signToken(secret, CONFIRM_PURPOSE, { u: userId, n: newsletterId, e: now.getTime() + CONFIRM_VALID_DAYS * 86400_000 });
}

export function readConfirmationToken(secret: string, token: string, newsletterId: string, now: Date): { userId: string } {
  const claims = readSignedToken<{ u: string; n: string; e: number }>(secret, CONFIRM_PURPOSE, token);
  if (!claims || claims.n !== newsletterId) throw refused('This confirmation link is not valid.');
  if (claims.e < now.getTime()) throw refused(`This confirmation link has expired: links work for ${CONFIRM_VALID_DAYS} days. Subscribe again.`);
  return { userId: claims.u };
}

export function unsubscribeToken(secret: string, userId: string, newsletterId: string, issueId?: string): string {
  return signToken(secret, UNSUBSCRIBE_PURPOSE, { u: userId, n: newsletterId, ...(issueId ? { i: issueId } : {}) });
}

export function readUnsubscribeToken(secret: string, token: string, newsletterId: string): { userId: string; issueId?: string | undefined } {
  const claims = readSignedToken<{ u: string; n: string; i?: string }>(secret, UNSUBSCRIBE_PURPOSE, token);
  if (!claims || claims.n !== newsletterId) throw refused('This unsubscribe link is not valid.');
  return { userId: claims.u, issueId: claims.i };
}
