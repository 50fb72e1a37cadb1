/**
 * The scheduled half of polling: claim the feeds that are due and hand them to
 * a sink: SQS in AWS, an in-process worker pool locally. Both then run pollFeed.
 */
import type { Db } from '../db/client.js';
import { FEED_DUE_SHARDS } from '../db/keys.js';
import { claimDueFeeds, type FeedRef } from './feed-store.js';

export interface FeedJobSink {
  enqueue(jobs: FeedRef[]): Promise<void>;
}

export interface DispatchOptions {
  /** Feeds claimed per query of one shard. */
  batchSize: number;
  /** At most this many feeds per shard in one run; the next run picks up the rest. */
  maxPerShard: number;
  /** How long a claimed feed stays claimed if its worker never reports back. */
  leaseMs: number;
}

/** 16 shards × 2,500 = 40,000 feeds a run: a million feeds on a 25-minute average, with a run every minute. */
export const DEFAULT_DISPATCH: DispatchOptions = { batchSize: 100, maxPerShard: 2_500, leaseMs: 15 * 60_000 };

/** Claims the due feeds of every shard, all shards at once, and hands them over a page at a time. */
export async function dispatchDueFeeds(db: Db, sink: FeedJobSink, now: Date, options: DispatchOptions = DEFAULT_DISPATCH): Promise<number> {
  const perShard = await Promise.all(
    Array.from({ length: FEED_DUE_SHARDS }, async (_, shard) => {
      let dispatched = 0;
      while (dispatched < options.maxPerShard) {
        const { claimed, seen } = await claimDueFeeds(db, shard, now, Math.min(options.batchSize, options.maxPerShard - dispatched), options.leaseMs);
        if (claimed.length > 0) await sink.enqueue(claimed);
        dispatched += claimed.length;
        // A short page: nothing more is due in this shard (or another dispatcher holds the rest).
        if (seen < options.batchSize || claimed.length === 0) break;
      }
      return dispatched;
    }),
  );
  return perShard.reduce((sum, count) => sum + count, 0);
}
