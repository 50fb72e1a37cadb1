/** Everything the Hono app is built from, once per process. */
import type { MailOutbox } from '../mail/mail-message.js';
import { discardingOutbox } from '../mail/local-outbox.js';
import type { ApiConfig } from '../config.js';
import { EntitlementKeys } from '../access/entitlement-keys.js';
import { CursorCodec } from '../db/cursor.js';
import { createFeedDeps, type DepsOverrides } from '../runtime.js';
import type { AppDeps, Logger } from './app-env.js';

export function createDeps(config: ApiConfig, logger: Logger, overrides: DepsOverrides & { mail?: MailOutbox } = {}): AppDeps {
  return {
    ...createFeedDeps(config, overrides),
    config,
    logger,
    // The transports are wired where they run (npm start: SMTP), so a function's bundle carries only its own.
    mail: overrides.mail ?? discardingOutbox(logger),
    cursors: new CursorCodec(config.cursorSecret),
    entitlementKeys: new EntitlementKeys(config.entitlementKeySeeds),
  };
}
