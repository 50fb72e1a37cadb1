/**
 * A reader's private feed address: a random token in the URL (any feed
 * reader can follow it without signing in), stored only as its SHA-256. One
 * per reader: making a new one revokes the old in the same transaction, and
 * revoking deletes it, so an old address answers 404 at once.
 */
import { tokenDigest } from '../signed-token.js';
import { randomBytes } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { privateFeedKey, readerKey } from '../db/keys.js';
import { transactWrite, type TransactItem } from '../db/transactions.js';
import { Contention, NotFound } from '../errors.js';


async function currentDigest(db: Db, userId: string): Promise<string | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: readerKey(userId), ProjectionExpression: '#type, privateFeedDigest', ExpressionAttributeNames: { '#type': 'type' }, ConsistentRead: true }));
  if (Item?.type !== 'reader') throw new NotFound('The account');
  return Item.privateFeedDigest as string | undefined;
}

/** A new token for the reader's private feed; the previous one stops working. */
export async function newPrivateFeedToken(db: Db, userId: string, now: Date): Promise<string> {
  const previous = await currentDigest(db, userId);
  const token = randomBytes(24).toString('base64url');
  const digest = tokenDigest(token);
  const items: TransactItem[] = [
    { Put: { TableName: db.tableName, Item: { ...privateFeedKey(digest), type: 'private_feed', userId, createdAt: now.toISOString() } } },
    {
      Update: {
        TableName: db.tableName,
        Key: readerKey(userId),
        UpdateExpression: 'SET privateFeedDigest = :digest',
        ConditionExpression: previous ? 'privateFeedDigest = :previous' : 'attribute_not_exists(privateFeedDigest)',
        ExpressionAttributeValues: { ':digest': digest, ...(previous ? { ':previous': previous } : {}) },
      },
    },
    ...(previous ? [{ Delete: { TableName: db.tableName, Key: privateFeedKey(previous) } }] : []),
  ];
  if (!(await transactWrite(db, items)).committed) throw new Contention('The feed address changed at the same moment; ask again.');
  return token;
}

/** Revokes the reader's private feed address; answers whether there was one. */
export async function revokePrivateFeed(db: Db, userId: string): Promise<boolean> {
  const previous = await currentDigest(db, userId);
  if (!previous) return false;
  const result = await transactWrite(db, [
    { Delete: { TableName: db.tableName, Key: privateFeedKey(previous) } },
    { Update: { TableName: db.tableName, Key: readerKey(userId), UpdateExpression: 'REMOVE privateFeedDigest', ConditionExpression: 'privateFeedDigest = :previous', ExpressionAttributeValues: { ':previous': previous } } },
  ]);
  if (!result.committed) throw new Contention('The feed address changed at the same moment; ask again.');
  return true;
}

/** Whose private feed a token opens, if it still does. */
export async function privateFeedOwner(db: Db, token: string): Promise<string | undefined> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return undefined;
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: privateFeedKey(tokenDigest(token)) }));
  return Item?.userId as string | undefined;
}
