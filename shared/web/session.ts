/**
 * Browser sessions. The reader's API token rides in an HttpOnly cookie
 * (Secure outside localhost, SameSite=Lax), so page scripts never see it; the
 * API's bearer tokens are unchanged. Every form carries a CSRF token: an HMAC
 * of a per-browser nonce kept in its own cookie, checked on every POST, so a
 * page elsewhere can neither read nor forge it.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const READER_COOKIE = 'pw_session';
export const PUBLISHER_COOKIE = 'pw_publisher';
const CSRF_COOKIE = 'pw_csrf';

export interface SessionOptions {
  secure: boolean;
  csrfKey: string;
  readerMaxAgeSeconds: number;
}

export class Sessions {
  constructor(private readonly options: SessionOptions) {}

  readerToken(c: Context): string | undefined {
    return getCookie(c, READER_COOKIE);
  }

  publisherKey(c: Context): string | undefined {
    return getCookie(c, PUBLISHER_COOKIE);
  }

  signInReader(c: Context, token: string): void {
    setCookie(c, READER_COOKIE, token, this.cookieOptions(this.options.readerMaxAgeSeconds));
  }

  signInPublisher(c: Context, apiKey: string): void {
    // A publisher's key does not expire; the browser forgets it after a working day.
    setCookie(c, PUBLISHER_COOKIE, apiKey, this.cookieOptions(12 * 3600));
  }

  signOut(c: Context, cookie: typeof READER_COOKIE | typeof PUBLISHER_COOKIE): void {
    deleteCookie(c, cookie, { path: '/', secure: this.options.secure });
  }

  /** The token this browser's forms must carry; sets the nonce cookie on first use. */
  csrfToken(c: Context): string {
    let nonce = getCookie(c, CSRF_COOKIE) ?? (c.get('csrfNonce') as string | undefined);
    if (!nonce || !/^[A-Za-z0-9_-]{20,64}$/.test(nonce)) {
      nonce = randomBytes(24).toString('base64url');
      setCookie(c, CSRF_COOKIE, nonce, this.cookieOptions(undefined));
      c.set('csrfNonce', nonce);
    }
    return this.sign(nonce);
  }

  /** Whether a form's token matches this browser's nonce. */
  csrfValid(c: Context, token: unknown): boolean {
    const nonce = getCookie(c, CSRF_COOKIE);
    if (!nonce || typeof token !== 'string') return false;
    const expected = Buffer.from(this.sign(nonce));
    const given = Buffer.from(token);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }

  private sign(nonce: string): string {
    return createHmac('sha256', this.options.csrfKey).update(`csrf:${nonce}`).digest('base64url');
  }

  private cookieOptions(maxAge: number | undefined) {
    return { path: '/', httpOnly: true, secure: this.options.secure, sameSite: 'Lax' as const, ...(maxAge ? { maxAge } : {}) };
  }
}
