/**
 * Publisher stats for a year, read from the stream's rollup, against reading
 * the earnings ledger itself (what the stats did before), on one table in one
 * run. The ledger grows from 2,000 to 20,000 entries over 366 days and 300
 * articles; the rollup is made by the real stream consumer code from DynamoDB
 * Local's own stream. The rollup read should not grow with the ledger.
 */
import { randomUUID } from 'node:crypto';
import { BatchWriteCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../shared/db/ensure-table.js';
import { earningKey } from '../shared/db/keys.js';
import { earningsRanges } from '../shared/payouts/publisher-earnings.js';
import { followStatsRollups } from '../shared/publishers/local-stats-follower.js';
import { publisherStats } from '../shared/publishers/publisher-stats.js';
import { createConsoleLogger } from '../shared/logger.js';
import { benchApp } from './bench-app.js';
import { median, printTable, round, timeIt } from './stats.js';

const ARTICLES = 300;
const DAY_MS = 86400_000;
const TO = new Date('2026-11-30T00:00:00Z');
const FROM = new Date(TO.getTime() - 366 * DAY_MS);

export async function runStatsBench(endpoint: string): Promise<void> {
  const { config, deps } = await benchApp('stats', endpoint);
  await ensureTable(deps.db, { stream: true });
  const { db } = deps;
  const follower = followStatsRollups(db, { intervalMs: 0, region: config.region, endpoint, logger: createConsoleLogger('bench', true), webhookSecret: config.jwtSecret });
  const rows: Array<Record<string, string | number>> = [];
  let written = 0;
  for (const size of [2_000, 20_000]) {
    const writing = await timeIt(() => writeLedger(db, size - written, written));
    written = size;
    const rolling = await timeIt(() => follower.catchUp());

    const rollupTimes: number[] = [];
    let rollupTrips = 0;
    let stats: Awaited<ReturnType<typeof publisherStats>> | undefined;
    for (let i = 0; i < 7; i++) {
      db.roundTrips.reset();
      const { ms, result } = await timeIt(() => publisherStats(db, 'bench-stats', FROM, TO, TO));
      rollupTimes.push(ms);
      rollupTrips = db.roundTrips.total;
      stats = result;
    }
    db.roundTrips.reset();
    const scan = await timeIt(() => scanLedger(db));
    const scanTrips = db.roundTrips.total;
    if (stats!.unlocks !== scan.result.entries) throw new Error(`rollup counts ${stats!.unlocks} unlocks, the ledger holds ${scan.result.entries}`);
    rows.push({
      'ledger entries': size,
      'rollup: round trips': rollupTrips,
      'rollup: p50 ms': round(median(rollupTimes), 2),
      'ledger read: round trips': scanTrips,
      'ledger read: read units': round(scan.result.units, 0),
      'ledger read: ms': round(scan.ms, 1),
      'entries written per s': Math.round(((size - (size === 2_000 ? 0 : 2_000)) / writing.ms) * 1000),
      'rolled up per s': Math.round(((size - (size === 2_000 ? 0 : 2_000)) / rolling.ms) * 1000),
    });
  }
  await follower.stop();
  const perEntryUnits = (rows.at(-1)!['ledger read: read units'] as number) / 20_000;
  printTable('Publisher stats for 366 days: the stream rollup against the ledger (`bench/stats.bench.ts`)', rows);
  process.stdout.write(
    `\nThe rollup read is one query of the months (day totals and per-article parts) plus two subscriber counts, in parallel. ` +
      `Reading the ledger costs ${round(perEntryUnits, 3)} read units an entry: for 1,000,000 entries about ${Math.round(perEntryUnits * 1_000_000).toLocaleString('en')} units and ` +
      `${Math.ceil((perEntryUnits * 1_000_000 * 4096 * 2) / 1_048_576)} or more 1 MB pages.\n`,
  );
}

/** `count` unlock entries, as unlocks write them, spread over 366 days and ARTICLES articles. */
async function writeLedger(db: Awaited<ReturnType<typeof benchApp>>['deps']['db'], count: number, offset: number): Promise<void> {
  const items = Array.from({ length: count }, (_, i) => {
    const n = offset + i;
    const at = new Date(FROM.getTime() + ((n * 7919) % 366) * DAY_MS + (n % 86_400) * 1000).toISOString();
    const entryId = randomUUID();
    const articleId = `bench-stats_article${n % ARTICLES}`;
    return { ...earningKey('bench-stats', at, entryId), type: 'earning', entryId, kind: 'unlock', articleId, title: `Article ${n % ARTICLES}`, readerId: `reader${n % 5_000}`, gross: 10, points: 8, at };
  });
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < items.length) {
        const batch = items.slice(next, (next += 25));
        await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: batch.map((Item) => ({ PutRequest: { Item } })) } }));
      }
    }),
  );
}

/** What stats read before the rollup: every ledger entry of the period, from every shard. */
async function scanLedger(db: Awaited<ReturnType<typeof benchApp>>['deps']['db']): Promise<{ entries: number; units: number }> {
  let entries = 0;
  let units = 0;
  for (const query of earningsRanges(db, 'bench-stats', FROM.toISOString(), TO.toISOString(), 'kind, points, articleId, readerId, gross, #at')) {
    const input = { ...query, ExpressionAttributeNames: { '#at': 'at' }, ReturnConsumedCapacity: 'TOTAL' as const };
    for await (const page of paginateQuery({ client: db.doc }, input)) {
      entries += page.Items?.length ?? 0;
      units += page.ConsumedCapacity?.CapacityUnits ?? 0;
    }
  }
  return { entries, units };
}
