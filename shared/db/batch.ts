/**
 * BatchGetItem / BatchWriteItem in their largest legal chunks, retrying what
 * DynamoDB hands back unprocessed with jittered exponential backoff.
 */
import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client.js';
import type { ItemKey } from './keys.js';

const GET_CHUNK = 100;
const WRITE_CHUNK = 25;
const MAX_ATTEMPTS = 8;

type Item = Record<string, unknown>;

export async function batchGetAll(db: Db, keys: ItemKey[], projection?: string[]): Promise<Item[]> {
  const found: Item[] = [];
  const names = projection ? Object.fromEntries(projection.map((name, i) => [`#p${i}`, name])) : undefined;
  for (let start = 0; start < keys.length; start += GET_CHUNK) {
    let pending: ItemKey[] = keys.slice(start, start + GET_CHUNK);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await backoff(attempt);
      if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed after ${MAX_ATTEMPTS} attempts.`);
      const result = await db.doc.send(
        new BatchGetCommand({
          RequestItems: {
            [db.tableName]: {
              Keys: pending,
              ...(names ? { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names } : {}),
            },
          },
        }),
      );
      found.push(...(result.Responses?.[db.tableName] ?? []));
      pending = (result.UnprocessedKeys?.[db.tableName]?.Keys as ItemKey[] | undefined) ?? [];
    }
  }
  return found;
}

export async function batchPutAll(db: Db, items: Item[]): Promise<void> {
  for (let start = 0; start < items.length; start += WRITE_CHUNK) {
    let pending = items.slice(start, start + WRITE_CHUNK).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await backoff(attempt);
      if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed after ${MAX_ATTEMPTS} attempts.`);
      const result = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: pending } }));
      pending = (result.UnprocessedItems?.[db.tableName] as typeof pending | undefined) ?? [];
    }
  }
}

function backoff(attempt: number): Promise<void> {
  const ceiling = Math.min(2_000, 25 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
