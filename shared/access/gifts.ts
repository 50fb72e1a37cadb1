/**
 * Gift links. A reader with access to an article (an unlock or a subscription)
 * can make a few links a month; each opens the full article for a handful of
 * readers until it expires, at no cost to them (`via: gift`). The publisher's
 * side records links made and readers who came in, so its stats can tell how
 * many gift readers later paid.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { entitlementKey, giftCounterKey, giftEventKey, giftKey, libraryKeys } from '../db/keys.js';
import { boundedIncrement, transactWriteRetryingConflicts } from '../db/transactions.js';
import { Conflict, Forbidden, NotFound } from '../errors.js';
import { decideAccess, meterMonth } from './access-policy.js';
import { isArticleId, loadAccessFacts, readerFactsOf } from './access-facts.js';

export const GIFTS_PER_MONTH = 5;
export const READERS_PER_GIFT = 10;
export const GIFT_LIFETIME_DAYS = 7;

export interface Gift {
  giftId: string;
  articleId: string;
  publisherSlug: string;
  giverId: string;
  maxRedemptions: number;
  redemptions: number;
  expiresAt: string;
  createdAt: string;
}

export async function createGift(db: Db, giverId: string, articleId: string, defaultPrice: number, now: Date): Promise<Gift> {
  if (!isArticleId(articleId)) throw new NotFound('The article');
  const facts = await loadAccessFacts(db, articleId, giverId, now);
  if (!facts.article) throw new NotFound('The article');
  const price = facts.article.priceOverride ?? facts.publisher?.articlePrice ?? defaultPrice;
  const decision = decideAccess({ price, entitlement: facts.entitlement, reader: readerFactsOf(facts, now) });
  if (decision.kind !== 'granted' || decision.via === 'free') {
    throw new Forbidden(decision.kind === 'granted' ? 'This article is free to everyone already.' : 'You can gift articles you have unlocked or subscribe to.');
  }
  const gift: Gift = {
    giftId: randomBytes(16).toString('base64url'),
    articleId,
    publisherSlug: facts.article.publisherSlug,
    giverId,
    maxRedemptions: READERS_PER_GIFT,
    redemptions: 0,
    expiresAt: new Date(now.getTime() + GIFT_LIFETIME_DAYS * 86400_000).toISOString(),
    createdAt: now.toISOString(),
  };
  const result = await transactWriteRetryingConflicts(db, [
    boundedIncrement(db, giftCounterKey(giverId, meterMonth(now)), 'gift_counter', GIFTS_PER_MONTH),
    { Put: { TableName: db.tableName, Item: { ...giftKey(gift.giftId), type: 'gift', ...gift } } },
    { Put: { TableName: db.tableName, Item: { ...giftEventKey(gift.publisherSlug, gift.createdAt, gift.giftId), type: 'gift_event', event: 'created', articleId } } },
  ]);
  if (!result.committed) {
    if (result.reasons[0]?.code === 'ConditionalCheckFailed') throw new Conflict(`You have made all ${GIFTS_PER_MONTH} gift links of this month.`);
    throw new Conflict('The gift link could not be made at this moment; please retry.');
  }
  return gift;
}

/** Opens the gifted article for this reader, for good, if the link still has room and time. */
export async function redeemGift(db: Db, giftId: string, userId: string, now: Date): Promise<{ articleId: string; via: 'gift' | 'already' }> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: giftKey(giftId) }));
  const facts = Item as Gift | undefined;
  if (!facts) throw new NotFound('The gift link');
  const at = now.toISOString();
  if (facts.expiresAt <= at) throw new Conflict('This gift link has expired.');
  const result = await transactWriteRetryingConflicts(db, [
    {
      Update: {
        TableName: db.tableName,
        Key: giftKey(giftId),
        UpdateExpression: 'ADD redemptions :one',
        ConditionExpression: 'redemptions < maxRedemptions AND expiresAt > :now',
        ExpressionAttributeValues: { ':one': 1, ':now': at },
      },
    },
    {
      Put: {
        TableName: db.tableName,
        Item: {
          ...entitlementKey(userId, facts.articleId),
          ...libraryKeys(userId, at, facts.articleId),
          type: 'entitlement',
          articleId: facts.articleId,
          publisherSlug: facts.publisherSlug,
          via: 'gift',
          charged: 0,
          // Nothing was spent; no wallet balance belongs to this grant.
          balanceAfter: 0,
          grantedAt: at,
          giftId,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      Put: {
        TableName: db.tableName,
        Item: { ...giftEventKey(facts.publisherSlug, at, randomUUID()), type: 'gift_event', event: 'redeemed', articleId: facts.articleId, readerId: userId },
      },
    },
  ]);
  if (result.committed) return { articleId: facts.articleId, via: 'gift' };
  // Already able to read it: the link is not used up for nothing.
  if (result.reasons[1]?.code === 'ConditionalCheckFailed') return { articleId: facts.articleId, via: 'already' };
  if (result.reasons[0]?.code === 'ConditionalCheckFailed') throw new Conflict('This gift link has been used by as many readers as it can.');
  throw new Conflict('The gift could not be opened at this moment; please retry.');
}
