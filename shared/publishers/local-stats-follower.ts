/**
 * On one machine: the stats rollup and the webhook event log fed by DynamoDB
 * Local's stream, in this process, as the stream consumer Lambda feeds them
 * in AWS.
 */
import type { Logger } from '../api/app-env.js';
import type { Db } from '../db/client.js';
import { followTableStream, type StreamFollower } from '../db/stream-follower.js';
import { captureWebhookEvents } from '../webhooks/webhook-events.js';
import { rollUpStats } from './stats-rollup.js';

export function followStatsRollups(db: Db, options: { intervalMs: number; region: string; endpoint?: string | undefined; logger: Logger; webhookSecret: string; now?: () => Date }): StreamFollower {
  return followTableStream(
    db,
    async (records) => {
      const outcome = await rollUpStats(db, records);
      if (!outcome.ok) return { ok: false, error: outcome.error };
      // Events are logged once each (a conditional put), so a batch handed over again adds nothing.
      await captureWebhookEvents(db, records, options.webhookSecret, (options.now ?? (() => new Date()))());
      return { ok: true };
    },
    options,
  );
}
