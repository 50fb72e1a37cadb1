/** Everything the Hono app is built from, once per process. */
import type { ApiConfig } from '../config.js';
import { EntitlementKeys } from '../access/entitlement-keys.js';
import { CursorCodec } from '../db/cursor.js';
import { createFeedDeps, type DepsOverrides } from '../runtime.js';
import type { AppDeps, Logger } from './app-env.js';

export function createDeps(config: ApiConfig, logger: Logger, overrides: DepsOverrides = {}): AppDeps {
  return {
    ...createFeedDeps(config, overrides),
    config,
    logger,
    cursors: new CursorCodec(config.cursorSecret),
    entitlementKeys: new EntitlementKeys(config.entitlementKeySeeds),
  };
}
