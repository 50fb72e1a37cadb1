/**
 * When to fetch a feed next, after Miniflux: follow the feed's own rhythm
 * (one fetch per new entry, clamped between the minimum and maximum interval),
 * never sooner than its `<ttl>`, `Cache-Control: max-age` or `Retry-After`
 * allow, and back off exponentially on failures.
 */
const WEEK_MS = 7 * 24 * 60 * 60_000;

export interface ScheduleLimits {
  minIntervalMs: number;
  maxIntervalMs: number;
}

export interface SuccessSignals {
  entriesPerWeek: number;
  ttlMinutes?: number | undefined;
  maxAgeSeconds?: number | undefined;
}

export function delayAfterSuccess(signals: SuccessSignals, limits: ScheduleLimits): number {
  const rhythm = signals.entriesPerWeek > 0 ? WEEK_MS / signals.entriesPerWeek : limits.maxIntervalMs;
  const clamped = Math.min(limits.maxIntervalMs, Math.max(limits.minIntervalMs, rhythm));
  return Math.max(clamped, (signals.ttlMinutes ?? 0) * 60_000, (signals.maxAgeSeconds ?? 0) * 1000);
}

export function delayAfterFailure(consecutiveFailures: number, retryAfterMs: number | undefined, limits: ScheduleLimits): number {
  const exponent = Math.min(Math.max(consecutiveFailures - 1, 0), 20);
  const backoff = Math.min(limits.maxIntervalMs, limits.minIntervalMs * 2 ** exponent);
  return Math.max(backoff, retryAfterMs ?? 0);
}

/** Entries dated within the week before `now`. */
export function countEntriesInLastWeek(dates: Array<string | undefined>, now: Date): number {
  const since = now.getTime() - WEEK_MS;
  return dates.filter((date) => {
    const time = date ? Date.parse(date) : Number.NaN;
    return time >= since && time <= now.getTime() + 5 * 60_000;
  }).length;
}
