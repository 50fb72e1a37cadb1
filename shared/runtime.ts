/** Wires configuration into dependencies, once per process. */
import type { AppDeps, Logger } from './api/app-env.js';
import type { ApiConfig, Config } from './config.js';
import { createDb, type Db } from './db/client.js';
import { CursorCodec } from './db/cursor.js';
import type { FeedRuntime } from './feeds/poll-feed.js';
import { createStripe } from './payments/stripe-client.js';

export interface DepsOverrides {
  db?: Db;
  feedRuntime?: Partial<FeedRuntime>;
  now?: () => Date;
}

/** What the feed functions need: the table and the feed runtime, no secrets. */
export function createFeedDeps(config: Config, overrides: DepsOverrides = {}): { db: Db; feedRuntime: FeedRuntime; now: () => Date } {
  const db = overrides.db ?? createDb({ tableName: config.tableName, region: config.region, endpoint: config.dynamoEndpoint });
  const now = overrides.now ?? (() => new Date());
  return { db, now, feedRuntime: { db, feeds: config.feeds, now, ...overrides.feedRuntime } };
}

export function createDeps(config: ApiConfig, logger: Logger, overrides: DepsOverrides = {}): AppDeps {
  return {
    ...createFeedDeps(config, overrides),
    config,
    logger,
    cursors: new CursorCodec(config.cursorSecret),
    stripe: config.payments ? createStripe(config.payments) : undefined,
  };
}
