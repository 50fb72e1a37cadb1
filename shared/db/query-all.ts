/**
 * Every item of one partition (of the table or an index), page by page: for
 * the few jobs that must see all of a reader's items, such as an export or
 * a deletion. Requests never do this on a hot path.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.js';
import type { IndexName } from './keys.js';

export interface PartitionQuery {
  partition: string;
  /** Query this index (its `<index>PK`) instead of the table. */
  index?: IndexName | undefined;
  /** Only sort keys that start with this. */
  prefix?: string | undefined;
}

export async function* queryAll(db: Db, query: PartitionQuery): AsyncGenerator<Record<string, unknown>> {
  const pk = query.index ? `${query.index}PK` : 'PK';
  const sk = query.index ? `${query.index}SK` : 'SK';
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: query.index,
        KeyConditionExpression: query.prefix ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
        ExpressionAttributeNames: query.prefix ? { '#pk': pk, '#sk': sk } : { '#pk': pk },
        ExpressionAttributeValues: query.prefix ? { ':pk': query.partition, ':prefix': query.prefix } : { ':pk': query.partition },
        ExclusiveStartKey: startKey,
      }),
    );
    yield* page.Items ?? [];
    startKey = page.LastEvaluatedKey;
  } while (startKey);
}

/** All of them in an array (a reader's own partition: thousands of items, not millions). */
export async function collectAll(db: Db, query: PartitionQuery): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  for await (const item of queryAll(db, query)) items.push(item);
  return items;
}
