/**
 * The scheduled half of polling: claim the feeds that are due and hand them to
 * a sink: SQS in AWS, an in-process worker pool locally. Both then run pollFeed.
 */
import type { Db } from '../db/client.js';
import { claimDueFeeds, type FeedRef } from './feed-store.js';

export interface FeedJobSink {
  enqueue(jobs: FeedRef[]): Promise<void>;
}

export interface DispatchOptions {
  /** Feeds claimed per round; the next run picks up the rest. */
  batchSize: number;
  /** How long a claimed feed stays claimed if its worker never reports back. */
  leaseMs: number;
}

export const DEFAULT_DISPATCH: DispatchOptions = { batchSize: 100, leaseMs: 15 * 60_000 };

export async function dispatchDueFeeds(db: Db, sink: FeedJobSink, now: Date, options: DispatchOptions = DEFAULT_DISPATCH): Promise<number> {
  const jobs = await claimDueFeeds(db, now, options.batchSize, options.leaseMs);
  if (jobs.length > 0) await sink.enqueue(jobs);
  return jobs.length;
}
