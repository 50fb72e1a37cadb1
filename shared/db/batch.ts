/**
 * BatchGetItem / BatchWriteItem in their largest legal chunks, a few chunks in
 * flight at once, retrying what DynamoDB hands back unprocessed with jittered
 * exponential backoff.
 */
import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { backoff } from './backoff.js';
import type { Db } from './client.js';
import type { ItemKey } from './keys.js';

const GET_CHUNK = 100;
const WRITE_CHUNK = 25;
const MAX_ATTEMPTS = 8;
/** A few batches in flight: faster than one at a time, gentle on on-demand capacity. */
const CONCURRENCY = 4;

type Item = Record<string, unknown>;

export async function batchGetAll(db: Db, keys: ItemKey[], projection?: string[]): Promise<Item[]> {
  const found: Item[] = [];
  const names = projection ? Object.fromEntries(projection.map((name, i) => [`#p${i}`, name])) : undefined;
  await inPool(chunked(keys, GET_CHUNK), CONCURRENCY, async (chunk) => {
    let pending: ItemKey[] = chunk;
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
  });
  return found;
}

export async function batchPutAll(db: Db, items: Item[]): Promise<void> {
  await inPool(chunked(items, WRITE_CHUNK), CONCURRENCY, (chunk) => writeChunk(db, chunk.map((Item) => ({ PutRequest: { Item } }))));
}

export async function batchDeleteAll(db: Db, keys: ItemKey[]): Promise<void> {
  await inPool(chunked(keys, WRITE_CHUNK), CONCURRENCY, (chunk) => writeChunk(db, chunk.map((Key) => ({ DeleteRequest: { Key } }))));
}

type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: ItemKey } };

async function writeChunk(db: Db, requests: WriteRequest[]): Promise<void> {
  let pending = requests;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) await backoff(attempt);
    if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed after ${MAX_ATTEMPTS} attempts.`);
    const result = await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: pending } }));
    pending = (result.UnprocessedItems?.[db.tableName] as typeof pending | undefined) ?? [];
  }
}

function chunked<T>(items: T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

async function inPool<T>(tasks: T[], concurrency: number, run: (task: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await run(tasks[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
}
