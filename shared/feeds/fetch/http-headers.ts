/** Small readers for the HTTP headers that steer feed fetching. */

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** `Cache-Control: max-age=N` in seconds (a `no-store`/`no-cache` feed simply has none). */
export function parseMaxAge(value: string | undefined): number | undefined {
  const match = value?.match(/(?:^|,)\s*max-age\s*=\s*"?(\d+)"?/i);
  return match ? Number(match[1]) : undefined;
}

/** The `charset` parameter of a Content-Type header, lower-cased. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = contentType?.match(/;\s*charset\s*=\s*"?([^";\s]+)"?/i);
  return match?.[1]?.toLowerCase();
}
