/**
 * Failed-login limiting that holds under concurrency. Every attempt takes a
 * numbered slot with one atomic UpdateItem *before* the password is checked, so
 * a burst of parallel guesses cannot all slip past a count read before any of
 * them was recorded. A successful login gives the slots back.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { loginFailuresKey } from '../db/keys.js';
import { TTL_ATTRIBUTE } from '../db/table-schema.js';

export interface LoginAttempt {
  /** This attempt's number in the current window, itself included. */
  attempt: number;
  /** When the window ends, in epoch seconds (also the item's TTL). */
  windowEndsAt: number;
}

export async function takeLoginAttempt(db: Db, email: string, now: Date, windowSeconds: number): Promise<LoginAttempt> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  try {
    const { Attributes } = await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: loginFailuresKey(email),
        UpdateExpression: 'ADD attempts :one SET #type = :type, #ends = if_not_exists(#ends, :ends)',
        // A window that has ended (TTL deletion can lag by hours) does not count.
        ConditionExpression: 'attribute_not_exists(#ends) OR #ends > :now',
        ExpressionAttributeNames: { '#type': 'type', '#ends': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':one': 1, ':type': 'login_attempts', ':ends': nowSeconds + windowSeconds, ':now': nowSeconds },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return { attempt: Attributes!.attempts as number, windowEndsAt: Attributes![TTL_ATTRIBUTE] as number };
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    // The last window is over: this attempt opens the next one.
    const fresh = { attempt: 1, windowEndsAt: nowSeconds + windowSeconds };
    await db.doc.send(
      new PutCommand({ TableName: db.tableName, Item: { ...loginFailuresKey(email), type: 'login_attempts', attempts: 1, [TTL_ATTRIBUTE]: fresh.windowEndsAt } }),
    );
    return fresh;
  }
}

export async function releaseLoginAttempts(db: Db, email: string): Promise<void> {
  await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: loginFailuresKey(email) }));
}
