import { describe, expect, it } from 'vitest';
import { countEntriesInLastWeek, delayAfterFailure, delayAfterSuccess } from '../shared/feeds/schedule.js';

const limits = { minIntervalMs: 5 * 60_000, maxIntervalMs: 24 * 3600_000 };
const HOUR = 3600_000;

describe('when a feed is fetched next', () => {
  it('follows the feed rhythm: one fetch per entry, clamped to 5 minutes – 24 hours', () => {
    expect(delayAfterSuccess({ entriesPerWeek: 168 }, limits)).toBe(HOUR);
    expect(delayAfterSuccess({ entriesPerWeek: 100_000 }, limits)).toBe(5 * 60_000);
    expect(delayAfterSuccess({ entriesPerWeek: 1 }, limits)).toBe(24 * HOUR);
    expect(delayAfterSuccess({ entriesPerWeek: 0 }, limits)).toBe(24 * HOUR);
  });

  it('never comes sooner than <ttl> or max-age allow', () => {
    expect(delayAfterSuccess({ entriesPerWeek: 10_000, ttlMinutes: 120 }, limits)).toBe(2 * HOUR);
    expect(delayAfterSuccess({ entriesPerWeek: 10_000, maxAgeSeconds: 3 * 3600 }, limits)).toBe(3 * HOUR);
  });

  it('backs off exponentially after failures, up to the maximum, and respects Retry-After', () => {
    expect([1, 2, 3, 4].map((n) => delayAfterFailure(n, undefined, limits) / 60_000)).toEqual([5, 10, 20, 40]);
    expect(delayAfterFailure(30, undefined, limits)).toBe(24 * HOUR);
    expect(delayAfterFailure(1, 6 * HOUR, limits)).toBe(6 * HOUR);
  });

  it('counts only entries of the past week, ignoring undated and future ones', () => {
    const now = new Date('2026-11-28T12:00:00Z');
    expect(
      countEntriesInLastWeek(['2026-11-27T12:00:00Z', '2026-11-22T12:00:00Z', '2026-11-01T00:00:00Z', undefined, '2026-12-30T00:00:00Z'], now),
    ).toBe(2);
  });
});
