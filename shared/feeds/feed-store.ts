/**
 * Feeds live in their publisher's partition (PK PUB#slug, SK FEED#id), so a
 * publisher can only ever address its own feeds. Feeds waiting for a fetch are
 * also in the sparse "due" index (GSI2), which a paused feed leaves.
 *
 * A feed URL belongs to the first publisher that registers it: a claim item,
 * written with the feed in one transaction, makes a second publisher's
 * registration a 409, so nobody can take another outlet's articles under their
 * own name. Deleting the feed frees the URL.
 */
import { conditionHeld } from '../db/conditional-write.js';
import { createHash } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { FEED_SK_PREFIX, feedDueKeys, feedsDuePk, feedKey, feedUrlClaimKey, INDEX, publisherPartition } from '../db/keys.js';
import { transactWrite } from '../db/transactions.js';
import { Conflict, Contention, NotFound } from '../errors.js';
import type { Feed } from './feed.js';

/** Same URL, same id: registering a feed twice is a conflict, not a second poller. */
export function feedIdFor(url: string): string {
  return createHash('sha256').update(url).digest('hex').slice(0, 16);
}

const claimKeyOf = (url: string) => feedUrlClaimKey(createHash('sha256').update(new URL(url).href).digest('hex').slice(0, 32));

export async function createFeed(db: Db, feed: Feed): Promise<void> {
  const result = await transactWrite(db, [
    { Put: { TableName: db.tableName, Item: toItem(feed), ConditionExpression: 'attribute_not_exists(PK)' } },
    {
      Put: {
        TableName: db.tableName,
        Item: { ...claimKeyOf(feed.url), type: 'feed_url_claim', url: feed.url, publisherSlug: feed.publisherSlug, feedId: feed.feedId },
        ConditionExpression: 'attribute_not_exists(PK) OR publisherSlug = :slug',
        ExpressionAttributeValues: { ':slug': feed.publisherSlug },
      },
    },
  ]);
  if (result.committed) return;
  if (result.reasons[0]?.code === 'ConditionalCheckFailed') throw new Conflict('This feed URL is already registered.');
  if (result.reasons[1]?.code === 'ConditionalCheckFailed') {
    throw new Conflict('This feed URL is registered by another publisher: a feed belongs to the first publisher that registers it.');
  }
  throw new Contention();
}

export async function findFeed(db: Db, slug: string, feedId: string): Promise<Feed | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: feedKey(slug, feedId) }));
  return Item ? fromItem(Item) : undefined;
}

export async function listFeeds(db: Db, slug: string): Promise<Feed[]> {
  const feeds: Feed[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :feed)',
        ExpressionAttributeValues: { ':pk': publisherPartition(slug), ':feed': FEED_SK_PREFIX },
        ExclusiveStartKey: startKey,
      }),
    );
    feeds.push(...(page.Items ?? []).map(fromItem));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return feeds;
}

export async function deleteFeed(db: Db, slug: string, feedId: string): Promise<void> {
  const feed = await findFeed(db, slug, feedId);
  if (!feed) throw new NotFound('The feed');
  const result = await transactWrite(db, [
    { Delete: { TableName: db.tableName, Key: feedKey(slug, feedId), ConditionExpression: 'attribute_exists(PK)' } },
    // Only our own claim: a feed registered before claims existed may share its URL with another publisher's.
    {
      Delete: {
        TableName: db.tableName,
        Key: claimKeyOf(feed.url),
        ConditionExpression: 'attribute_not_exists(PK) OR publisherSlug = :slug',
        ExpressionAttributeValues: { ':slug': slug },
      },
    },
  ]);
  if (result.committed) return;
  if (result.reasons[0]?.code === 'ConditionalCheckFailed') throw new NotFound('The feed');
  if (result.reasons[1]?.code === 'ConditionalCheckFailed') {
    // Someone else's claim on the same URL: remove just our feed.
    await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: feedKey(slug, feedId) }));
    return;
  }
  throw new Contention();
}

/**
 * Writes the state after a fetch. A feed deleted meanwhile stays deleted
 * (the condition fails and the state is dropped).
 */
export async function saveFeedState(db: Db, feed: Feed): Promise<void> {
  await conditionHeld(db.doc.send(new PutCommand({ TableName: db.tableName, Item: toItem(feed), ConditionExpression: 'attribute_exists(PK)' })));
}

export interface FeedRef {
  publisherSlug: string;
  feedId: string;
}

/**
 * Claims up to `limit` feeds of one due-list shard whose fetch is due by
 * pushing their due time out by `leaseMs`, each with a condition on the old
 * due time, so two dispatchers never claim the same feed. A worker that dies
 * leaves the lease to expire. `seen` says how many were due (a full page: more may be).
 */
export async function claimDueFeeds(db: Db, shard: number, now: Date, limit: number, leaseMs: number): Promise<{ claimed: FeedRef[]; seen: number }> {
  const due = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: INDEX.global,
      KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK <= :now',
      ExpressionAttributeValues: { ':pk': feedsDuePk(shard), ':now': `${now.toISOString()}#\uffff` },
      Limit: limit,
    }),
  );
  const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
  const claims = (due.Items ?? []).map(async (item): Promise<FeedRef | undefined> => {
    const slug = item.publisherSlug as string;
    const feedId = item.feedId as string;
    const claimed = await conditionHeld(
      db.doc.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: feedKey(slug, feedId),
          UpdateExpression: 'SET nextFetchAt = :lease, GSI2SK = :sk',
          ConditionExpression: 'GSI2SK = :seen',
          ExpressionAttributeValues: { ':lease': leaseUntil, ':sk': feedDueKeys(leaseUntil, slug, feedId).GSI2SK, ':seen': item.GSI2SK },
        }),
      ),
    );
    return claimed ? { publisherSlug: slug, feedId } : undefined;
  });
  return { claimed: (await Promise.all(claims)).filter((claim): claim is FeedRef => claim !== undefined), seen: due.Items?.length ?? 0 };
}

function toItem(feed: Feed): Record<string, unknown> {
  return {
    ...feedKey(feed.publisherSlug, feed.feedId),
    ...(feed.lastStatus === 'paused' ? {} : feedDueKeys(feed.nextFetchAt, feed.publisherSlug, feed.feedId)),
    type: 'feed',
    ...feed,
  };
}

function fromItem(item: Record<string, unknown>): Feed {
  const { PK: _pk, SK: _sk, GSI2PK: _gpk, GSI2SK: _gsk, type: _type, ...feed } = item;
  return feed as unknown as Feed;
}
