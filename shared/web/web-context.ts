/** What every page handler needs: the viewer, their API credentials, redirects with a message, and form input. */
import type { Context, Env } from 'hono';
import type { Logger } from '../api/app-env.js';
import type { ApiClient } from './api-client.js';
import type { PaymentsStatus } from './payments-status.js';
import type { Viewer } from './layout.js';
import type { Sessions } from './session.js';

export interface WebDeps {
  api: ApiClient;
  sessions: Sessions;
  logger: Logger;
  /** The reader's handle from a session token, or undefined when the token is not (or no longer) valid. */
  readerHandle(token: string): Promise<string | undefined>;
  /** Runs `work` with its API calls vouching for the reader at `address` (shared/client-address.ts). */
  forReader<T>(address: string | undefined, work: () => Promise<T>): Promise<T>;
  /** Buying points without a payment provider (one machine only). */
  devTopUp: boolean;
  /** Whether plans and point packs can be paid by card now (the API's answer, kept briefly). */
  payments: PaymentsStatus;
}

export interface WebEnv extends Env {
  Variables: { viewer: Viewer; readerToken: string | undefined; csrfNonce: string };
}

export type WebContext = Context<WebEnv>;

/** The bearer header for the signed-in reader's API calls, or none. */
export function readerHeaders(c: WebContext): Record<string, string> {
  const token = c.get('readerToken');
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * Messages a redirect may ask the next page to show, by code. The page shows
 * only these sentences, so a crafted link cannot put words on postwire's pages.
 */
export const MESSAGES = {
  welcome: { text: 'Welcome to postwire. We sent you a mail: confirm your address with its link to get your starter points.' },
  signed_in: { text: 'You are signed in.' },
  signed_out: { text: 'You are signed out.' },
  unlocked: { text: 'Unlocked: the article is in your library.' },
  insufficient: { text: 'You do not have enough points for this article. Add points to your wallet first.', error: true },
  followed: { text: 'Followed. Its new articles will appear in your timeline.' },
  posted: { text: 'Posted.' },
  trial_started: { text: 'Your free trial has started. Enjoy reading.' },
  topped_up: { text: 'Points added to your wallet.' },
  checkout_done: { text: 'Thank you: what you paid for appears as soon as the payment is confirmed, usually within seconds.' },
  gift_made: { text: 'Gift link made: share it with up to ten people.' },
  gift_opened: { text: 'The gift is yours: read on.' },
  cancelled: { text: 'Your subscription will end at the close of the period you paid for.' },
  resumed: { text: 'Your subscription will renew.' },
  confirmation_sent: { text: 'The confirmation mail is on its way.' },
  saved: { text: 'Saved.' },
  unsubscribed: { text: 'Unsubscribed: no more issues of that newsletter.' },
  email_change_sent: { text: 'Links are on their way: use them to finish the change.' },
  account_deleted: { text: 'Your account is deleted. Thank you for reading with postwire.' },
  newsletter_due: { text: 'The next issue goes out within a minute, to every confirmed subscriber.' },
  newsletter_pending: { text: 'Almost there: confirm with the link we just mailed you.' },
  newsletter_active: { text: 'You are subscribed to this newsletter already.' },
  payments_off: { text: 'Payments are not available yet: card payments have not been set up on this postwire. Nothing was charged.', error: true },
  session_expired: { text: 'Your session has ended; please sign in again.', error: true },
  feed_added: { text: 'Feed added; it is fetched within a minute.' },
  feed_removed: { text: 'Feed removed.' },
  refreshed: { text: 'Feed fetched.' },
  reset_mailed: { text: 'If an account uses this address, a link to choose a new password is on its way. Look in your inbox.' },
  password_changed: { text: 'Your new password is set, and you are signed out everywhere else.' },
} as const satisfies Record<string, { text: string; error?: boolean }>;

export type MessageCode = keyof typeof MESSAGES;

export function messageOf(c: WebContext): { text: string; error?: boolean } | undefined {
  const code = c.req.query('m');
  return code && code in MESSAGES ? MESSAGES[code as MessageCode] : undefined;
}

/** A redirect after a form (303, so the browser GETs the next page), with a message code. */
export function seeOther(c: WebContext, path: string, message?: MessageCode): Response {
  const target = message ? `${path}${path.includes('?') ? '&' : '?'}m=${message}` : path;
  return c.redirect(target, 303);
}

/** A same-site path to go on to after signing in; anything else goes home. */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 500 ? value : '/';
}

/** A form's fields as strings (the CSRF check has already read the body). */
export async function formOf(c: WebContext): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** The API's sentence, with each invalid field named as a person would. */
export function errorText(error: unknown): string {
  const body = error as { error?: { message?: string; details?: Array<{ field: string; message: string }> } } | undefined;
  const details = body?.error?.details;
  if (Array.isArray(details) && details.length > 0) return details.map((detail) => `${detail.field[0]?.toUpperCase()}${detail.field.slice(1)}: ${detail.message}.`).join(' ');
  return body?.error?.message ?? 'That did not work; please try again.';
}
