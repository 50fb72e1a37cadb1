/**
 * One page of one partition of an overloaded index: the shape behind every
 * list in postwire (articles, publishers, posts, followers, a library); and
 * its twin for a prefix of a table partition (a wallet's ledger, payouts).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.js';
import type { PageKey } from './cursor.js';
import type { IndexName } from './keys.js';

export interface IndexPageQuery {
  index: IndexName;
  partition: string;
  limit: number;
  startKey?: PageKey | undefined;
  /** Sort keys in ascending order; by default descending (newest first). */
  ascending?: boolean;
  /** Only sort keys below this one (a point in time), for pages that must not shift as items arrive. */
  before?: string | undefined;
  /** Only sort keys that start with this (a month of `YYYY-MM…` keys, say). */
  prefix?: string | undefined;
}

export async function queryIndexPage(db: Db, query: IndexPageQuery): Promise<{ items: Record<string, unknown>[]; lastKey: PageKey | undefined }> {
  const { index, partition, before, prefix } = query;
  const sortCondition = before ? ` AND ${index}SK < :before` : prefix ? ` AND begins_with(${index}SK, :prefix)` : '';
  const page = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: index,
      KeyConditionExpression: `${index}PK = :pk${sortCondition}`,
      ExpressionAttributeValues: { ':pk': partition, ...(before ? { ':before': before } : prefix ? { ':prefix': prefix } : {}) },
      ScanIndexForward: query.ascending === true,
      Limit: query.limit,
      ExclusiveStartKey: query.startKey,
    }),
  );
  return { items: page.Items ?? [], lastKey: page.LastEvaluatedKey };
}

/** One page of the items of a table partition whose sort keys start with `prefix`, newest first. */
export async function queryPrefixPage(
  db: Db,
  query: { partition: string; prefix: string; limit: number; startKey?: PageKey | undefined },
): Promise<{ items: Record<string, unknown>[]; lastKey: PageKey | undefined }> {
  const page = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': query.partition, ':prefix': query.prefix },
      ScanIndexForward: false,
      Limit: query.limit,
      ExclusiveStartKey: query.startKey,
    }),
  );
  return { items: page.Items ?? [], lastKey: page.LastEvaluatedKey };
}

/**
 * One page of a listing spread over several partitions of one index (shards
 * that share a sort-key shape), newest first: each shard gives up to `limit`
 * items below the cursor and the newest `limit` of them make the page. The
 * cursor is the last sort key shown (`{ before }`), the same for every shard.
 */
export async function queryShardedIndexPage(
  db: Db,
  query: { index: IndexName; partitions: string[]; limit: number; startKey?: PageKey | undefined; prefix?: string | undefined },
): Promise<{ items: Record<string, unknown>[]; lastKey: PageKey | undefined }> {
  const { index, limit, prefix } = query;
  const before = typeof query.startKey?.before === 'string' ? query.startKey.before : undefined;
  const sortKey = `${index}SK`;
  // One key condition per query: a month below the cursor is BETWEEN the month and the cursor, which includes the cursor itself.
  const condition = before && prefix ? ` AND ${sortKey} BETWEEN :prefix AND :before` : before ? ` AND ${sortKey} < :before` : prefix ? ` AND begins_with(${sortKey}, :prefix)` : '';
  const shards = await Promise.all(
    query.partitions.map((partition) =>
      db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          IndexName: index,
          KeyConditionExpression: `${index}PK = :pk${condition}`,
          ExpressionAttributeValues: { ':pk': partition, ...(before ? { ':before': before } : {}), ...(prefix ? { ':prefix': prefix } : {}) },
          ScanIndexForward: false,
          Limit: limit + (before && prefix ? 1 : 0),
        }),
      ),
    ),
  );
  const merged = shards
    .flatMap((page) => page.Items ?? [])
    .filter((item) => !before || (item[sortKey] as string) < before)
    .sort((a, b) => (b[sortKey] as string).localeCompare(a[sortKey] as string));
  const items = merged.slice(0, limit);
  const more = merged.length > limit || shards.some((page) => page.LastEvaluatedKey !== undefined);
  const last = items.at(-1);
  return { items, lastKey: more && last ? { before: last[sortKey] as string } : undefined };
}
