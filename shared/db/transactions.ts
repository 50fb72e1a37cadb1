/**
 * TransactWriteItems with its failure read the way DynamoDB means it: by the
 * cancellation reason at each item's index (never by message text). Reasons
 * carry the item's current value where the caller asked for ALL_OLD.
 */
import { randomUUID } from 'node:crypto';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Db } from './client.js';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface CancellationReason {
  code: string;
  item?: Record<string, unknown> | undefined;
}

export type TransactResult = { committed: true } | { committed: false; reasons: CancellationReason[] };

export async function transactWrite(db: Db, items: TransactItem[]): Promise<TransactResult> {
  try {
    // A fresh token per attempt: the SDK's own retries of this request are then
    // idempotent, while a new attempt (after re-reading) is a new transaction.
    await db.doc.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: randomUUID() }));
    return { committed: true };
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    return {
      committed: false,
      reasons: (error.CancellationReasons ?? []).map((reason) => ({
        code: reason.Code ?? 'None',
        item: reason.Item ? unmarshall(reason.Item) : undefined,
      })),
    };
  }
}

/**
 * Like transactWrite, but a transaction DynamoDB cancelled only for a passing reason
 * — another transaction touched the same item at that moment (a hot counter: a
 * post's likes, a popular publisher's followers), or throttling — is tried again
 * after a short jittered wait. Any other cancellation (a failed condition) is
 * returned at once for the caller to read.
 */
export async function transactWriteRetryingConflicts(db: Db, items: TransactItem[], maxAttempts = 8): Promise<TransactResult> {
  for (let attempt = 1; ; attempt++) {
    const result = await transactWrite(db, items);
    if (result.committed || attempt >= maxAttempts || !onlyTransient(result.reasons)) return result;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 15 * attempt));
  }
}

const TRANSIENT = new Set(['TransactionConflict', 'ThrottlingError']);
const onlyTransient = (reasons: CancellationReason[]) =>
  reasons.some((reason) => TRANSIENT.has(reason.code)) && reasons.every((reason) => reason.code === 'None' || TRANSIENT.has(reason.code));

/**
 * Counts one more use of an allowance (the free meter, monthly undos): the item's
 * `used` goes up by one only while it is below `limit`.
 */
export function boundedIncrement(db: Db, key: { PK: string; SK: string }, type: string, limit: number): TransactItem {
  return {
    Update: {
      TableName: db.tableName,
      Key: key,
      UpdateExpression: 'SET used = if_not_exists(used, :zero) + :one, #type = :type',
      ConditionExpression: 'attribute_not_exists(used) OR used < :limit',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':limit': limit, ':type': type },
    },
  };
}
