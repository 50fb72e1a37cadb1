/** Wires configuration into the app's dependencies, once per process. */
import type { AppDeps, Logger } from './api/app-env.js';
import type { Config } from './config.js';
import { createDb, type Db } from './db/client.js';
import { CursorCodec } from './db/cursor.js';
import type { FeedRuntime } from './feeds/poll-feed.js';

export function createDeps(config: Config, logger: Logger, overrides: { db?: Db; feedRuntime?: Partial<FeedRuntime>; now?: () => Date } = {}): AppDeps {
  const db = overrides.db ?? createDb({ tableName: config.tableName, region: config.region, endpoint: config.dynamoEndpoint });
  const now = overrides.now ?? (() => new Date());
  return {
    config,
    db,
    now,
    logger,
    cursors: new CursorCodec(config.cursorSecret),
    feedRuntime: { db, feeds: config.feeds, now, ...overrides.feedRuntime },
  };
}
