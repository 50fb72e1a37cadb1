/**
 * Ending every session of a reader at once (after a password reset). Reader
 * tokens are self-contained JWTs, so the account holds `sessionsValidAfter`:
 * a token issued before it is refused. Each function keeps the value in
 * memory for a short while (the reader's own instance drops it at once), so
 * checking costs a read per reader per instance per interval, not per request.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { readerKey } from '../db/keys.js';

/** Epoch milliseconds; tokens issued earlier no longer count. 0 when no session was ever ended. */
export async function sessionsValidAfter(db: Db, userId: string): Promise<number> {
  const cached = db.sessions.get(userId);
  if (cached !== undefined) return cached;
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: readerKey(userId), ProjectionExpression: 'sessionsValidAfter' }));
  const validAfter = (Item?.sessionsValidAfter as number | undefined) ?? 0;
  db.sessions.set(userId, validAfter);
  return validAfter;
}

/**
 * The item update that ends every session issued before this moment (for a
 * transaction). Wall-clock time, as token issue times are, whatever the app's clock.
 */
export function endSessionsUpdate(db: Db, userId: string) {
  return {
    Update: {
      TableName: db.tableName,
      Key: readerKey(userId),
      UpdateExpression: 'SET sessionsValidAfter = :after',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':after': Date.now() },
    },
  };
}
