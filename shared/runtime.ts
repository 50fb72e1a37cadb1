/**
 * Wires configuration into what the feed functions need, once per process.
 * The API's fuller set (secrets, cursors, payments) is in api/api-deps.ts, so the
 * feed functions' bundles never carry the payment SDK.
 */
import type { Config } from './config.js';
import { createDb, type Db } from './db/client.js';
import type { FeedRuntime } from './feeds/poll-feed.js';
import { noMetrics, type Metrics } from './metrics.js';
import { fanOutFor, type FanOutSink } from './social/fan-out-jobs.js';

export interface DepsOverrides {
  db?: Db;
  metrics?: Metrics;
  feedRuntime?: Partial<FeedRuntime>;
  now?: () => Date;
}

/** The table and the feed runtime, no secrets. */
export function createFeedDeps(
  config: Config,
  overrides: DepsOverrides = {},
): { db: Db; feedRuntime: FeedRuntime; now: () => Date; fanOut: FanOutSink; metrics: Metrics } {
  const db = overrides.db ?? createDb({ tableName: config.tableName, region: config.region, endpoint: config.dynamoEndpoint, publisherCacheMs: config.publisherCacheMs });
  const now = overrides.now ?? (() => new Date());
  const fanOut = fanOutFor(config.timelineFanOut, db, config.social);
  const metrics = overrides.metrics ?? noMetrics;
  return { db, now, fanOut, metrics, feedRuntime: { db, feeds: config.feeds, fanOut, metrics, now, ...overrides.feedRuntime } };
}
