/**
 * Why a fetch failed, in terms the scheduler acts on: `gone` pauses the feed,
 * `rate_limited`/`unavailable` wait for Retry-After, everything else backs off.
 */
export type FeedFetchErrorCode =
  | 'bad_url'
  | 'blocked_address'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'gone'
  | 'rate_limited'
  | 'unavailable'
  | 'http_error'
  | 'network';

export class FeedFetchError extends Error {
  constructor(
    readonly code: FeedFetchErrorCode,
    message: string,
    readonly extra: { httpStatus?: number; retryAfterMs?: number | undefined } = {},
  ) {
    super(message);
    this.name = 'FeedFetchError';
  }
}
