/** Everything the Hono app is built from, once per process. */
import { PasswordCheck } from '../readers/password-check.js';
import type { MailOutbox } from '../mail/mail-message.js';
import { discardingOutbox } from '../mail/local-outbox.js';
import { tableOutbox } from '../mail/table-outbox.js';
import type { ApiConfig } from '../config.js';
import { EntitlementKeys } from '../access/entitlement-keys.js';
import { CursorCodec } from '../db/cursor.js';
import { fixedPayments, type PaymentsSetup } from '../payments/payments-setup.js';
import { createFeedDeps, type DepsOverrides } from '../runtime.js';
import type { AppDeps, Logger } from './app-env.js';

export function createDeps(config: ApiConfig, logger: Logger, overrides: DepsOverrides & { mail?: MailOutbox; payments?: PaymentsSetup } = {}): AppDeps {
  const feedDeps = createFeedDeps(config, overrides);
  return {
    ...feedDeps,
    config,
    logger,
    // In AWS the table (its stream takes mail to the mail worker); on one machine npm start wires its SMTP queue in.
    mail: overrides.mail ?? (config.mailOutbox === 'table' ? tableOutbox(feedDeps.db, feedDeps.now) : discardingOutbox(logger)),
    cursors: new CursorCodec(config.cursorSecret),
    entitlementKeys: new EntitlementKeys(config.entitlementKeySeeds),
    passwords: new PasswordCheck(feedDeps.db, config.readers.passwordHashCost),
    // In AWS the payments function looks again for keys missing at start-up (functions/http-handler.ts).
    payments: overrides.payments ?? fixedPayments(config.payments),
  };
}
