/**
 * Gift links. A reader who paid for access to an article can make a few links
 * a month; each opens the full article for a handful of other readers until it
 * expires, at no cost to them (`via: gift`). The publisher's side records links
 * made and readers who came in, so its stats can tell how many gift readers
 * later paid.
 *
 * Who may gift, so that gifts never become free reading for the giver:
 *  - a reader holding a paid (points or spend-cap) or free-meter unlock of the
 *    article, or an active paid subscription to its publisher;
 *  - not a reader who got the article as a gift (no gifting on), nor one on a
 *    free trial;
 *  - a gift link opens the article for others only: its maker cannot redeem it;
 *  - an unlock a gift was made from can no longer be undone (undo-unlock.ts):
 *    the gift marks the entitlement in the same transaction.
 */
import { priceAt } from './article-price.js';
import { randomBytes, randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { entitlementKey, giftCounterKey, giftEventKey, giftKey, libraryKeys } from '../db/keys.js';
import { boundedIncrement, transactWriteRetryingConflicts } from '../db/transactions.js';
import { Conflict, Contention, Forbidden, NotFound } from '../errors.js';
import { accessOfSubscription } from '../subscriptions/subscription.js';
import { meterMonth, type AccessVia } from './access-policy.js';
import { isArticleId, loadAccessFacts, type LoadedFacts } from './access-facts.js';
import type { Entitlement } from './entitlement.js';

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

/** Unlocks that were paid for, with points or the publisher's own free allowance. */
const GIFTABLE_UNLOCKS: ReadonlySet<AccessVia> = new Set(['points', 'cap', 'meter']);

export async function createGift(db: Db, giverId: string, articleId: string, defaultPrice: number, now: Date): Promise<Gift> {
  if (!isArticleId(articleId)) throw new NotFound('The article');
  const facts = await loadAccessFacts(db, articleId, giverId, now);
  const article = facts.article;
  if (!article) throw new NotFound('The article');
  const price = priceAt(article, facts.publisher, defaultPrice, now);
  if (price === 0) throw new Forbidden('This article is free to everyone already.');
  const source = giftSource(facts, now);
  const gift: Gift = {
    giftId: randomBytes(16).toString('base64url'),
    articleId,
    publisherSlug: article.publisherSlug,
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
    ...(source.kind === 'unlock' ? [markGifted(db, giverId, source.entitlement, gift.createdAt)] : []),
  ]);
  if (!result.committed) {
    if (result.reasons[0]?.code === 'ConditionalCheckFailed') throw new Conflict(`You have made all ${GIFTS_PER_MONTH} gift links of this month.`);
    if (result.reasons[3]?.code === 'ConditionalCheckFailed') throw new Conflict('Your unlock of this article was undone meanwhile; there is nothing to gift.');
    throw new Contention('The gift link could not be made at this moment; nothing was changed, please retry.');
  }
  return gift;
}

type GiftSource = { kind: 'unlock'; entitlement: Entitlement } | { kind: 'subscription' };

/** What entitles this reader to make a gift link of the article, or why nothing does. */
function giftSource(facts: LoadedFacts, now: Date): GiftSource {
  const entitlement = facts.entitlement;
  if (entitlement && GIFTABLE_UNLOCKS.has(entitlement.via)) return { kind: 'unlock', entitlement };
  const subscription = accessOfSubscription(facts.subscription, now);
  if (subscription === 'subscription') return { kind: 'subscription' };
  if (entitlement?.via === 'gift') throw new Forbidden('An article you received as a gift cannot be gifted on.');
  if (subscription === 'trial') throw new Forbidden('Gift links come with a paid subscription or an unlock; a free trial cannot make them.');
  throw new Forbidden('You can gift articles you have unlocked or subscribe to.');
}

/** Marks the unlock a gift was made from, so it can no longer be undone; only if it is still the one we judged. */
function markGifted(db: Db, giverId: string, entitlement: Entitlement, at: string) {
  return {
    Update: {
      TableName: db.tableName,
      Key: entitlementKey(giverId, entitlement.articleId),
      UpdateExpression: 'SET giftedAt = if_not_exists(giftedAt, :at)',
      ConditionExpression: 'grantedAt = :grantedAt AND via = :via',
      ExpressionAttributeValues: { ':at': at, ':grantedAt': entitlement.grantedAt, ':via': entitlement.via },
    },
  };
}

/** A gift link as anyone holding it sees it: what it opens and whether it still can. Not who made it. */
export async function findGift(db: Db, giftId: string): Promise<Omit<Gift, 'giverId'> | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: giftKey(giftId) }));
  if (!Item) return undefined;
  const { PK: _pk, SK: _sk, type: _type, giverId: _giver, ...gift } = Item as Gift & Record<string, unknown>;
  return gift as Omit<Gift, 'giverId'>;
}

/** Opens the gifted article for this reader, for good, if the link still has room and time. */
export async function redeemGift(db: Db, giftId: string, userId: string, now: Date): Promise<{ articleId: string; via: 'gift' | 'already' }> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: giftKey(giftId) }));
  const facts = Item as Gift | undefined;
  if (!facts) throw new NotFound('The gift link');
  if (facts.giverId === userId) throw new Forbidden('A gift link is for others: its maker cannot redeem it.');
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
  throw new Contention('The gift could not be opened at this moment; nothing was changed, please retry.');
}
