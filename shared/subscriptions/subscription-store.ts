/**
 * Subscriptions and trials in the reader's partition (one item per publisher),
 * listed for the publisher through a sparse GSI1 entry kept only while the
 * subscription grants access.
 */
import { conditionHeld } from '../db/conditional-write.js';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { INDEX, readerPartition, subscriberKeys, subscribersPk, subscriptionKey, trialClaimKey } from '../db/keys.js';
import { transactWrite } from '../db/transactions.js';
import { Conflict, Contention } from '../errors.js';
import type { Plan } from '../publishers/publisher.js';
import { accessOfSubscription, type Subscription } from './subscription.js';

function subscriptionItem(userId: string, subscription: Subscription, now: Date) {
  const access = accessOfSubscription(subscription, now);
  return {
    ...subscriptionKey(userId, subscription.publisherSlug),
    ...(access ? subscriberKeys(subscription.publisherSlug, subscription.kind, subscription.currentPeriodEnd, userId) : {}),
    type: 'subscription',
    userId,
    ...subscription,
  };
}

/** One trial per reader per publisher, recorded by a claim that outlives the trial. */
export async function startTrial(db: Db, userId: string, publisherSlug: string, plan: Plan, now: Date): Promise<Subscription> {
  const subscription: Subscription = {
    publisherSlug,
    planId: plan.planId,
    kind: 'trial',
    status: 'trialing',
    currentPeriodEnd: new Date(now.getTime() + plan.trialDays * 24 * 3600_000).toISOString(),
    cancelAtPeriodEnd: true,
    updatedAt: now.toISOString(),
  };
  const result = await transactWrite(db, [
    {
      Put: {
        TableName: db.tableName,
        Item: { ...trialClaimKey(userId, publisherSlug), type: 'trial_claim', planId: plan.planId, at: subscription.updatedAt },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      Put: {
        TableName: db.tableName,
        Item: subscriptionItem(userId, subscription, now),
        // A trial never replaces a subscription that still opens articles.
        ConditionExpression: 'attribute_not_exists(PK) OR NOT (#status IN (:active, :trialing) AND currentPeriodEnd > :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':active': 'active', ':trialing': 'trialing', ':now': subscription.updatedAt },
      },
    },
  ]);
  if (!result.committed) {
    if (result.reasons[0]?.code === 'ConditionalCheckFailed') throw new Conflict('You have already had your free trial of this publisher.');
    if (result.reasons[1]?.code === 'ConditionalCheckFailed') throw new Conflict('You already have access to this publisher through a subscription.');
    throw new Contention('The trial could not be started at this moment; nothing was changed, please retry.');
  }
  return subscription;
}

/**
 * Writes a paid subscription as Stripe last described it, unless that would be
 * wrong: an older reading of the same subscription never overwrites a newer one,
 * and a subscription that no longer grants access never replaces a different one
 * (a trial, or a newer subscription) that still does.
 */
export async function saveSubscription(db: Db, userId: string, subscription: Subscription, now: Date): Promise<'saved' | 'stale'> {
  const grants = accessOfSubscription(subscription, now) !== undefined;
  const sameAndOlder = 'stripeSubscriptionId = :id AND updatedAt <= :updatedAt';
  const otherOne = '(attribute_not_exists(stripeSubscriptionId) OR stripeSubscriptionId <> :id)';
  const storedGrants = '#status IN (:active, :trialing) AND currentPeriodEnd > :now';
  const saved = await conditionHeld(
    db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: subscriptionItem(userId, subscription, now),
        ConditionExpression: grants
          ? `attribute_not_exists(PK) OR ${otherOne} OR (${sameAndOlder})`
          : `attribute_not_exists(PK) OR (${sameAndOlder}) OR (${otherOne} AND NOT (${storedGrants}))`,
        ExpressionAttributeNames: grants ? undefined : { '#status': 'status' },
        ExpressionAttributeValues: {
          ':id': subscription.stripeSubscriptionId,
          ':updatedAt': subscription.updatedAt,
          ...(grants ? {} : { ':active': 'active', ':trialing': 'trialing', ':now': now.toISOString() }),
        },
      }),
    ),
  );
  return saved ? 'saved' : 'stale';
}

export async function findSubscription(db: Db, userId: string, publisherSlug: string): Promise<Subscription | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: subscriptionKey(userId, publisherSlug), ConsistentRead: true }));
  return Item ? toSubscription(Item) : undefined;
}

/** A stored subscription item without its keys and owner. */
function toSubscription(item: Record<string, unknown>): Subscription {
  const { PK: _pk, SK: _sk, GSI1PK: _g, GSI1SK: _s, type: _t, userId: _u, ...subscription } = item;
  return subscription as unknown as Subscription;
}

export async function hasHadTrial(db: Db, userId: string, publisherSlug: string): Promise<boolean> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: trialClaimKey(userId, publisherSlug), ProjectionExpression: 'PK' }));
  return Boolean(Item);
}

/** Records that the reader has had their trial of this publisher (a card trial through Stripe); the first record stays. */
export async function recordTrialClaim(db: Db, userId: string, publisherSlug: string, planId: string, at: string): Promise<void> {
  // A claim already there is the first one: it stays.
  await conditionHeld(
    db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...trialClaimKey(userId, publisherSlug), type: 'trial_claim', planId, at },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    ),
  );
}

export async function listReaderSubscriptions(db: Db, userId: string): Promise<Subscription[]> {
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sub)',
      ExpressionAttributeValues: { ':pk': readerPartition(userId), ':sub': 'SUB#' },
    }),
  );
  return (result.Items ?? []).map(toSubscription);
}

/** Readers with access now, by kind: one key-range count per kind. */
export async function countActiveSubscribers(db: Db, publisherSlug: string, kind: 'trial' | 'paid', now: Date): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: INDEX.byPublisher,
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': subscribersPk(publisherSlug), ':from': `${kind}#${now.toISOString()}`, ':to': `${kind}#\uffff` },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return count;
}
