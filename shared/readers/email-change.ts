/**
 * Changing a reader's address, confirmed on both sides: a link to the new
 * address proves it reaches the reader, a link to the old one proves the
 * reader (not someone holding a stolen session) wants the change. The change
 * happens when both are used, in one transaction that moves the login to the
 * new address. An old address that was never confirmed has nothing to prove,
 * so only the new one is asked then. Links are random, stored only as their
 * SHA-256, good once, for EMAIL_CHANGE_VALID_HOURS; a new request replaces
 * the pending one.
 */
import { tokenDigest } from '../signed-token.js';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conditionHeld } from '../db/conditional-write.js';
import type { Db } from '../db/client.js';
import { emailChangeKey, emailKey, readerKey } from '../db/keys.js';
import { TTL_ATTRIBUTE } from '../db/table-schema.js';
import { transactWrite } from '../db/transactions.js';
import { Conflict, Contention, ValidationFailed } from '../errors.js';
import { findLogin } from './reader-store.js';

export const EMAIL_CHANGE_VALID_HOURS = 24;
type Side = 'old' | 'new';

const refused = (message: string) => new ValidationFailed(message, [{ field: 'token', message }]);

/** Starts a change; answers the link tokens to mail: `old` only when the old address must agree too. */
export async function startEmailChange(db: Db, input: { userId: string; oldEmail: string; oldConfirmed: boolean; newEmail: string; now: Date }): Promise<{ oldToken?: string; newToken: string }> {
  const newEmail = input.newEmail.toLowerCase();
  if (newEmail === input.oldEmail) throw new ValidationFailed('This is already your address.', [{ field: 'newEmail', message: 'is your current address' }]);
  if (await findLogin(db, newEmail)) throw new Conflict('An account with this email already exists.');
  const secrets = { old: randomBytes(32).toString('base64url'), new: randomBytes(32).toString('base64url') };
  const validUntil = new Date(input.now.getTime() + EMAIL_CHANGE_VALID_HOURS * 3600_000);
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...emailChangeKey(input.userId),
        type: 'email_change',
        userId: input.userId,
        oldEmail: input.oldEmail,
        newEmail,
        oldDigest: tokenDigest(secrets.old),
        newDigest: tokenDigest(secrets.new),
        oldConfirmed: !input.oldConfirmed,
        newConfirmed: false,
        validUntil: validUntil.toISOString(),
        [TTL_ATTRIBUTE]: Math.floor(validUntil.getTime() / 1000) + 86400,
      },
    }),
  );
  const token = (side: Side) => `${Buffer.from(input.userId).toString('base64url')}.${side}.${secrets[side]}`;
  return { ...(input.oldConfirmed ? { oldToken: token('old') } : {}), newToken: token('new') };
}

export interface EmailChangeProgress {
  userId: string;
  side: Side;
  /** True once both sides agreed and the account uses the new address. */
  changed: boolean;
  /** The address the account now uses. */
  email: string;
  newEmail: string;
  /** Whether the account had confirmed no address before this change. */
  firstConfirmedAddress: boolean;
}

/** Uses one side's link; when it completes the pair, moves the account to the new address. */
export async function confirmEmailChange(db: Db, token: string, now: Date): Promise<EmailChangeProgress> {
  const [encodedUser, side, secret, extra] = token.split('.');
  if (!encodedUser || (side !== 'old' && side !== 'new') || !secret || extra !== undefined) throw refused('This link is not valid. Ask for the change again from your account.');
  const userId = Buffer.from(encodedUser, 'base64url').toString('utf8');
  const key = emailChangeKey(userId);
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true }));
  const digest = Buffer.from(tokenDigest(secret));
  const stored = Buffer.from(String(Item?.[`${side}Digest`] ?? ''));
  if (!Item || stored.length !== digest.length || !timingSafeEqual(stored, digest)) throw refused('This link is not valid or was replaced by a newer request.');
  if ((Item.validUntil as string) <= now.toISOString()) throw refused(`This link has expired: links work for ${EMAIL_CHANGE_VALID_HOURS} hours. Ask for the change again.`);
  const other: Side = side === 'old' ? 'new' : 'old';
  const { oldEmail, newEmail } = Item as { oldEmail: string; newEmail: string };
  const progress = (changed: boolean, firstConfirmedAddress = false): EmailChangeProgress => ({ userId, side, changed, email: changed ? newEmail : oldEmail, newEmail, firstConfirmedAddress });

  if (!Item[`${other}Confirmed`]) {
    // This side agrees; the change waits for the other. The digest condition makes a replaced request's link useless.
    const marked = await conditionHeld(
      db.doc.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: key,
          UpdateExpression: `SET ${side}Confirmed = :true`,
          ConditionExpression: `${side}Digest = :digest AND ${other}Confirmed = :false`,
          ExpressionAttributeValues: { ':true': true, ':false': false, ':digest': tokenDigest(secret) },
        }),
      ),
    );
    if (marked) return progress(false);
  }

  // Both sides agreed: the login moves to the new address (with its password), and the pending change is used up.
  const [login, { Item: profile }] = await Promise.all([findLogin(db, oldEmail), db.doc.send(new GetCommand({ TableName: db.tableName, Key: readerKey(userId), ConsistentRead: true }))]);
  if (!login || login.userId !== userId || profile?.email !== oldEmail) throw refused('The account no longer uses the address this change started from.');
  const at = now.toISOString();
  const result = await transactWrite(db, [
    { Delete: { TableName: db.tableName, Key: key, ConditionExpression: `${side}Digest = :digest`, ExpressionAttributeValues: { ':digest': tokenDigest(secret) } } },
    { Put: { TableName: db.tableName, Item: { ...emailKey(newEmail), type: 'email', userId, handle: login.handle, passwordHash: login.passwordHash }, ConditionExpression: 'attribute_not_exists(PK)' } },
    { Delete: { TableName: db.tableName, Key: emailKey(oldEmail), ConditionExpression: 'userId = :user AND passwordHash = :hash', ExpressionAttributeValues: { ':user': userId, ':hash': login.passwordHash } } },
    {
      Update: {
        TableName: db.tableName,
        Key: readerKey(userId),
        UpdateExpression: 'SET email = :new, emailVerifiedAt = :at',
        ConditionExpression: 'email = :old',
        ExpressionAttributeValues: { ':new': newEmail, ':old': oldEmail, ':at': at },
      },
    },
  ]);
  if (!result.committed) {
    if (result.reasons[0]?.code === 'ConditionalCheckFailed') throw refused('This link was used already.');
    if (result.reasons[1]?.code === 'ConditionalCheckFailed') throw new Conflict('Another account took this address meanwhile.');
    throw new Contention('The address could not be changed at this moment; nothing was changed, please use the link again.');
  }
  return progress(true, profile.emailVerifiedAt === undefined);
}
