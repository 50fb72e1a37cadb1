/**
 * Password reset by mail: a random token in a link, stored only as its
 * SHA-256, good for one use within 30 minutes. Using it sets the new password
 * and ends every session of the account, in one transaction.
 */
import { tokenDigest } from '../signed-token.js';
import { randomBytes } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { emailKey, passwordResetKey } from '../db/keys.js';
import { TTL_ATTRIBUTE } from '../db/table-schema.js';
import { transactWrite } from '../db/transactions.js';
import { Contention, ValidationFailed } from '../errors.js';
import { findLogin } from './reader-store.js';
import { endSessionsUpdate } from './sessions.js';

export const RESET_VALID_MINUTES = 30;


/** A new reset link's token for the account at this address, or nothing when no account uses it. */
export async function startPasswordReset(db: Db, email: string, now: Date): Promise<{ token: string; handle: string } | undefined> {
  const login = await findLogin(db, email);
  if (!login) return undefined;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + RESET_VALID_MINUTES * 60_000);
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: { ...passwordResetKey(tokenDigest(token)), type: 'password_reset', userId: login.userId, email: email.toLowerCase(), validUntil: expiresAt.toISOString(), [TTL_ATTRIBUTE]: Math.floor(expiresAt.getTime() / 1000) + 86400 },
    }),
  );
  return { token, handle: login.handle };
}

const refused = (message: string) => new ValidationFailed(message, [{ field: 'token', message }]);

/** Sets the new password and ends every session, using the link up; answers whose account it was. */
export async function finishPasswordReset(db: Db, token: string, passwordHash: string, now: Date): Promise<{ userId: string; email: string }> {
  const key = passwordResetKey(tokenDigest(token));
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true }));
  if (!Item) throw refused('This link is not valid or was used already. Ask for a new one.');
  if ((Item.validUntil as string) <= now.toISOString()) throw refused(`This link has expired: links work for ${RESET_VALID_MINUTES} minutes. Ask for a new one.`);
  const { userId, email } = Item as { userId: string; email: string };
  const result = await transactWrite(db, [
    // Used once: the transaction that uses it deletes it.
    { Delete: { TableName: db.tableName, Key: key, ConditionExpression: 'attribute_exists(PK) AND validUntil > :now', ExpressionAttributeValues: { ':now': now.toISOString() } } },
    {
      Update: {
        TableName: db.tableName,
        Key: emailKey(email),
        UpdateExpression: 'SET passwordHash = :hash',
        ConditionExpression: 'userId = :userId',
        ExpressionAttributeValues: { ':hash': passwordHash, ':userId': userId },
      },
    },
    endSessionsUpdate(db, userId),
  ]);
  if (!result.committed) {
    if (result.reasons[0]?.code === 'ConditionalCheckFailed') throw refused('This link is not valid or was used already. Ask for a new one.');
    if (result.reasons[1]?.code === 'ConditionalCheckFailed') throw refused('This link is for an address the account no longer uses.');
    throw new Contention('The password could not be changed at this moment; nothing was changed, please retry.');
  }
  db.sessions.delete(userId);
  return { userId, email };
}
