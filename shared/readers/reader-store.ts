/**
 * Reader accounts. Sign-up is one transaction: the profile, the email claim
 * (which also holds the password hash), the handle claim and an empty wallet,
 * so email and handle are unique by condition. Starter points come when the
 * address is confirmed (starter-grant.ts), not here.
 */
import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { emailKey, handleKey, readerKey, walletKey } from '../db/keys.js';
import { transactWrite, type TransactItem } from '../db/transactions.js';
import { Conflict, Contention } from '../errors.js';
import type { Reader } from './reader.js';

export interface NewReader {
  email: string;
  handle: string;
  displayName?: string | undefined;
  passwordHash: string;
  now: Date;
}

export async function createReader(db: Db, input: NewReader): Promise<{ reader: Reader; balance: number }> {
  const at = input.now.toISOString();
  const reader: Reader = {
    userId: randomUUID(),
    email: input.email.toLowerCase(),
    handle: input.handle.toLowerCase(),
    displayName: input.displayName,
    createdAt: at,
  };
  const items: TransactItem[] = [
    { Put: { TableName: db.tableName, Item: { ...readerKey(reader.userId), type: 'reader', ...reader }, ConditionExpression: 'attribute_not_exists(PK)' } },
    {
      Put: {
        TableName: db.tableName,
        Item: { ...emailKey(reader.email), type: 'email', userId: reader.userId, handle: reader.handle, passwordHash: input.passwordHash },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    { Put: { TableName: db.tableName, Item: { ...handleKey(reader.handle), type: 'handle', userId: reader.userId }, ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: db.tableName, Item: { ...walletKey(reader.userId), type: 'wallet', balance: 0, promoBalance: 0, updatedAt: at } } },
  ];
  const result = await transactWrite(db, items);
  if (!result.committed) {
    if (result.reasons[1]?.code === 'ConditionalCheckFailed') throw new Conflict('An account with this email already exists.');
    if (result.reasons[2]?.code === 'ConditionalCheckFailed') throw new Conflict(`The handle "${reader.handle}" is taken.`);
    throw new Contention('The account could not be created at this moment; nothing was changed, please retry.');
  }
  return { reader, balance: 0 };
}

export interface LoginRecord {
  userId: string;
  handle: string;
  passwordHash: string;
}

/** The email's login record (its password hash and whose account it is). */
export async function findLogin(db: Db, email: string): Promise<LoginRecord | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: emailKey(email) }));
  return Item ? { userId: Item.userId as string, handle: Item.handle as string, passwordHash: Item.passwordHash as string } : undefined;
}

export async function getReaderWithBalance(db: Db, userId: string): Promise<{ reader?: Reader; balance: number }> {
  const items = await batchGetAll(db, [readerKey(userId), walletKey(userId)]);
  const profile = items.find((item) => item.type === 'reader');
  const wallet = items.find((item) => item.type === 'wallet');
  if (!profile) return { balance: 0 };
  const { PK: _pk, SK: _sk, type: _type, sessionsValidAfter: _sessions, privateFeedDigest: _feed, ...reader } = profile;
  return { reader: reader as unknown as Reader, balance: (wallet?.balance as number | undefined) ?? 0 };
}

/** The reader behind a handle, with profile, in two reads (the handle claim names the id). */
export async function findReaderByHandle(db: Db, handle: string): Promise<Reader | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: handleKey(handle) }));
  const userId = Item?.userId as string | undefined;
  return userId ? (await getReaderWithBalance(db, userId)).reader : undefined;
}

/** Handles of readers by id, in one batch (for follower lists). */
export async function handlesOf(db: Db, userIds: string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const items = await batchGetAll(db, [...new Set(userIds)].map(readerKey), ['userId', 'handle']);
  return new Map(items.map((item) => [item.userId as string, item.handle as string]));
}
