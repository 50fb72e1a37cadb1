/**
 * Failed-login limiting that holds under concurrency. Every attempt takes a
 * numbered slot with one atomic UpdateItem *before* the password is checked, so
 * a burst of parallel guesses cannot all slip past a count read before any of
 * them was recorded. A successful login gives the slots back.
 *
 * When a window has ended, exactly one attempt may open the next one: the reset
 * is itself conditional on the old window having ended, and every attempt that
 * loses that race counts in the window the winner opened. (An unconditional
 * reset let each of a burst at window expiry believe it was attempt 1.)
 */
import { conditionHeld } from '../db/conditional-write.js';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { loginFailuresKey } from '../db/keys.js';
import { TTL_ATTRIBUTE } from '../db/table-schema.js';
import { Contention } from '../errors.js';

export interface LoginAttempt {
  /** This attempt's number in the current window, itself included. */
  attempt: number;
  /** When the window ends, in epoch seconds (also the item's TTL). */
  windowEndsAt: number;
}

/** Each round is one lost race against another attempt; a handful means heavy contention, not a bug. */
const MAX_ROUNDS = 5;

export async function takeLoginAttempt(db: Db, email: string, now: Date, windowSeconds: number): Promise<LoginAttempt> {
  const nowSeconds = Math.floor(now.getTime() / 1000);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const counted = await countInOpenWindow(db, email, nowSeconds, windowSeconds);
    if (counted) return counted;
    const opened = await openNextWindow(db, email, nowSeconds, windowSeconds);
    if (opened) return opened;
  }
  throw new Contention('Too many sign-in attempts at once for this account; please retry.');
}

/** Counts the attempt in the current window, or answers undefined when that window has ended. */
async function countInOpenWindow(db: Db, email: string, nowSeconds: number, windowSeconds: number): Promise<LoginAttempt | undefined> {
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
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

/** Replaces an ended window with a new one holding this attempt; undefined when another attempt did so first. */
async function openNextWindow(db: Db, email: string, nowSeconds: number, windowSeconds: number): Promise<LoginAttempt | undefined> {
  const fresh = { attempt: 1, windowEndsAt: nowSeconds + windowSeconds };
  const opened = await conditionHeld(
    db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...loginFailuresKey(email), type: 'login_attempts', attempts: 1, [TTL_ATTRIBUTE]: fresh.windowEndsAt },
        ConditionExpression: '#ends <= :now',
        ExpressionAttributeNames: { '#ends': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':now': nowSeconds },
      }),
    ),
  );
  return opened ? fresh : undefined;
}

export async function releaseLoginAttempts(db: Db, email: string): Promise<void> {
  await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: loginFailuresKey(email) }));
}
