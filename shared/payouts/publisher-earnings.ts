/**
 * Sums over a publisher's earnings ledger by time. Earnings are held for a
 * while after they are made, so refunds and disputes can be taken back before
 * money leaves; after the hold they are available to pay out. Payout entries
 * sit in the same ledger (negative, kind `payout`) and are summed apart.
 */
import { paginateQuery, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { EARNING_SHARDS, EARNING_SK_PREFIX, earningPartition } from '../db/keys.js';

export const EPOCH = new Date(0).toISOString();
/** Later than any entry: the end of a range that means "until now and beyond". */
export const END_OF_TIME = '9999-12-31T23:59:59.999Z';

/** Earnings up to this moment are out of their hold: the start of the UTC day, `holdDays` back. */
export function payoutCutoff(now: Date, holdDays: number): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return new Date(day.getTime() - holdDays * 86400_000).toISOString();
}

export interface EarningsSum {
  /** Points earned, less reversals, in the range. */
  earned: number;
  /** Points paid out in the range (positive). */
  paidOut: number;
}

/** Earnings entries with `from` ≤ at < `to`, summed over every shard of the ledger. */
export async function sumEarnings(db: Db, publisherSlug: string, from: string, to: string): Promise<EarningsSum> {
  return (await sumEarningsAround(db, publisherSlug, from, to, to))[0];
}

/**
 * The sums of the entries with `from` ≤ at < `split` and with `split` ≤ at < `to`:
 * one query per shard for both (held and available earnings, say).
 */
export async function sumEarningsAround(db: Db, publisherSlug: string, from: string, split: string, to: string): Promise<[EarningsSum, EarningsSum]> {
  const sums: [EarningsSum, EarningsSum] = [
    { earned: 0, paidOut: 0 },
    { earned: 0, paidOut: 0 },
  ];
  // Sums need no order: the shards' entries as they come.
  for (const item of await entriesOfShards(db, publisherSlug, from, to, ['kind', 'points', 'at'])) {
    const sum = sums[(item.at as string) < split ? 0 : 1];
    if (item.kind === 'payout') sum.paidOut -= item.points as number;
    else sum.earned += item.points as number;
  }
  return sums;
}

/** Every entry with `from` ≤ at < `to` (only `fields`, and SK, if given), from all shards, in ledger order (time, then entry id). */
export async function earningsBetween(db: Db, publisherSlug: string, from: string, to: string, fields?: string[]): Promise<Array<Record<string, unknown>>> {
  return (await entriesOfShards(db, publisherSlug, from, to, fields)).sort((a, b) => (a.SK as string).localeCompare(b.SK as string));
}

/** The entries of every shard, shards read in parallel, in no particular order. */
async function entriesOfShards(db: Db, publisherSlug: string, from: string, to: string, fields?: string[]): Promise<Array<Record<string, unknown>>> {
  const names = fields && Object.fromEntries(['SK', ...fields].map((field, i) => [`#f${i}`, field]));
  const shards = await Promise.all(
    earningsRanges(db, publisherSlug, from, to).map(async (range) => {
      const query = names ? { ...range, ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names } : range;
      const items: Array<Record<string, unknown>> = [];
      for await (const page of paginateQuery({ client: db.doc }, query)) items.push(...(page.Items ?? []));
      return items;
    }),
  );
  return shards.flat();
}

/**
 * One query per ledger shard for entries with `from` ≤ at < `to`:
 * `EARNING#<to>` sorts before every entry made at `to` itself.
 */
export function earningsRanges(db: Db, publisherSlug: string, from: string, to: string, projection?: string): QueryCommandInput[] {
  return Array.from({ length: EARNING_SHARDS }, (_, shard) => ({
    TableName: db.tableName,
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': earningPartition(publisherSlug, shard), ':from': `${EARNING_SK_PREFIX}${from}`, ':to': `${EARNING_SK_PREFIX}${to}` },
    ...(projection ? { ProjectionExpression: projection } : {}),
  }));
}
