/**
 * On one machine: the stats rollup fed by DynamoDB Local's stream, in this
 * process, as the stream consumer Lambda feeds it in AWS.
 */
import type { Logger } from '../api/app-env.js';
import type { Db } from '../db/client.js';
import { followTableStream, type StreamFollower } from '../db/stream-follower.js';
import { rollUpStats } from './stats-rollup.js';

export function followStatsRollups(db: Db, options: { intervalMs: number; region: string; endpoint?: string | undefined; logger: Logger }): StreamFollower {
  return followTableStream(
    db,
    async (records) => {
      const outcome = await rollUpStats(db, records);
      return outcome.ok ? { ok: true } : { ok: false, error: outcome.error };
    },
    options,
  );
}
