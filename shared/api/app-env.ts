/** What the Hono app is built from, and what its middleware puts on the context. */
import type Stripe from 'stripe';
import type { PasswordCheck } from '../readers/password-check.js';
import type { EntitlementKeys } from '../access/entitlement-keys.js';
import type { ApiConfig, PaymentsConfig } from '../config.js';
import type { PaymentsSetup } from '../payments/payments-setup.js';
import type { MailOutbox } from '../mail/mail-message.js';
import type { Db } from '../db/client.js';
import type { CursorCodec } from '../db/cursor.js';
import type { FeedRuntime } from '../feeds/poll-feed.js';
import type { Metrics } from '../metrics.js';
import type { FanOutSink } from '../social/fan-out-jobs.js';
import type { StoredPublisher } from '../publishers/publisher-store.js';
import type { ReaderClaims } from '../readers/reader-tokens.js';

export interface Logger {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

export interface AppDeps {
  config: ApiConfig;
  db: Db;
  feedRuntime: FeedRuntime;
  cursors: CursorCodec;
  /** Sign entitlement tokens and publish their public keys. */
  entitlementKeys: EntitlementKeys;
  /** Proves readers' passwords, with the failed-attempt limit (signing in, and what a token alone may not do). */
  passwords: PasswordCheck;
  now: () => Date;
  logger: Logger;
  metrics: Metrics;
  /** Where new posts go to reach followers' timelines. */
  fanOut: FanOutSink;
  /** Where mail goes out: the in-process queue to SMTP on one machine. */
  mail: MailOutbox;
  /** Stripe's keys as they are now: in AWS the operator creates them after the first deploy. */
  payments: PaymentsSetup;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    publisher: StoredPublisher;
    /** Set by the reader middleware when a valid reader token came with the request. */
    reader: ReaderClaims | undefined;
    /** Set on the payment routes once Stripe is known to be configured. */
    payments: { config: PaymentsConfig; stripe: Stripe };
  };
}
