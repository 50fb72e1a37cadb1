/**
 * Blocking hides two readers from each other: neither sees the other's posts,
 * follows between them end and cannot start again, and neither can reply to
 * the other. The block is written on both sides in one transaction.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { Contention } from '../errors.js';
import { blockedByMeKey, blockingMeKey, blocksPk, readerAccount, userIdOfBlockSk, type AccountKey } from '../db/keys.js';
import { transactWriteRetryingConflicts } from '../db/transactions.js';
import { unfollow } from './follow-store.js';

export async function block(db: Db, userId: string, target: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const result = await transactWriteRetryingConflicts(db, [
    { Put: { TableName: db.tableName, Item: { ...blockedByMeKey(userId, target), type: 'block', at } } },
    { Put: { TableName: db.tableName, Item: { ...blockingMeKey(target, userId), type: 'block', at } } },
  ]);
  if (!result.committed) throw new Contention();
  await Promise.all([unfollow(db, readerAccount(userId), readerAccount(target)), unfollow(db, readerAccount(target), readerAccount(userId))]);
}

export async function unblock(db: Db, userId: string, target: string): Promise<void> {
  const result = await transactWriteRetryingConflicts(db, [
    { Delete: { TableName: db.tableName, Key: blockedByMeKey(userId, target) } },
    { Delete: { TableName: db.tableName, Key: blockingMeKey(target, userId) } },
  ]);
  if (!result.committed) throw new Contention();
}

/** Readers hidden from this reader, in either direction: one query. */
export async function hiddenAccounts(db: Db, userId: string): Promise<Set<AccountKey>> {
  const hidden = new Set<AccountKey>();
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new QueryCommand({ TableName: db.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': blocksPk(userId) }, ExclusiveStartKey: startKey }),
    );
    for (const item of page.Items ?? []) hidden.add(readerAccount(userIdOfBlockSk(item.SK as string)));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return hidden;
}
