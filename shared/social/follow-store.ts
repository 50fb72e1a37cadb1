/**
 * Follows between accounts, with follower/following counts kept exact in the
 * same transaction. A follow of an account above the merge threshold also
 * records a "merge" entry for the follower: such accounts do not fan out, their
 * posts are merged into timelines at read time.
 */
import { randomInt } from 'node:crypto';
import { DeleteCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { conditionHeld } from '../db/conditional-write.js';
import { batchGetAll, batchPutAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { queryIndexPage } from '../db/index-page.js';
import type { PageKey } from '../db/cursor.js';
import {
  followerKeys,
  followersPk,
  followingPk,
  followKey,
  INDEX,
  mergedFollowKey,
  PROMOTED_SK,
  socialCountsKey,
  socialCountsPk,
  socialPromotedKey,
  type AccountKey,
} from '../db/keys.js';
import { transactWriteRetryingConflicts, type TransactItem } from '../db/transactions.js';
import { Contention, ValidationFailed } from '../errors.js';
import { assertNotBlocked, readerIdOf } from './block-rule.js';

export interface SocialCounts {
  followerCount: number;
  followingCount: number;
  /** The account's followers merge its posts at read time (it passed the merge threshold once). */
  promoted: boolean;
}

/** Shards of an account's follower count (see socialCountsKey); a handful of small items, one query. */
const FOLLOWER_COUNT_SHARDS = 8;

export async function getCounts(db: Db, account: AccountKey, consistent = false): Promise<SocialCounts> {
  const { Items = [] } = await db.doc.send(
    new QueryCommand({ TableName: db.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': socialCountsPk(account) }, ConsistentRead: consistent }),
  );
  const sum = (field: 'followerCount' | 'followingCount') => Items.reduce((total, item) => total + ((item[field] as number | undefined) ?? 0), 0);
  return { followerCount: sum('followerCount'), followingCount: sum('followingCount'), promoted: Items.some((item) => item.SK === PROMOTED_SK) };
}

/**
 * How far below the threshold a follow re-reads the committed count. The count
 * read before a follow can miss follows committing at the same moment; only
 * that many at once could jump the threshold unseen.
 */
const CROSSING_WINDOW = 100;

/**
 * A follower count moves on a random shard 1..N (many readers follow one account
 * at once); a following count on shard 0 (one reader follows one account at a
 * time). The two never share an item, so no transaction touches one item twice.
 * (Older follower counts on shard 0 are still summed by getCounts.)
 */
const countChange = (db: Db, account: AccountKey, field: 'followerCount' | 'followingCount', delta: number): TransactItem => ({
  Update: {
    TableName: db.tableName,
    Key: socialCountsKey(account, field === 'followerCount' ? 1 + randomInt(FOLLOWER_COUNT_SHARDS) : 0),
    UpdateExpression: `ADD ${field} :delta SET #type = :type`,
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':delta': delta, ':type': 'counts' },
  },
});

function assertNotSelf(follower: AccountKey, target: AccountKey, verb: string): void {
  if (follower === target) throw new ValidationFailed(`You cannot ${verb} yourself.`, [{ field: 'handle', message: 'is you' }]);
}

export async function follow(db: Db, follower: AccountKey, target: AccountKey, mergeThreshold: number, now: Date): Promise<'followed' | 'already'> {
  assertNotSelf(follower, target, 'follow');
  const followerId = readerIdOf(follower);
  const [{ followerCount, promoted }] = await Promise.all([getCounts(db, target), followerId ? assertNotBlocked(db, followerId, target) : undefined]);
  const mergeOnRead = promoted || followerCount + 1 > mergeThreshold;
  const at = now.toISOString();
  const result = await transactWriteRetryingConflicts(db, [
    {
      Put: {
        TableName: db.tableName,
        Item: { ...followKey(follower, target), ...followerKeys(target, at, follower), type: 'follow', follower, target, followedAt: at },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    countChange(db, follower, 'followingCount', 1),
    countChange(db, target, 'followerCount', 1),
    ...(mergeOnRead && followerId ? [{ Put: { TableName: db.tableName, Item: { ...mergedFollowKey(followerId, target), type: 'merge', target } } }] : []),
  ]);
  if (!result.committed) {
    if (result.reasons[0]?.code === 'ConditionalCheckFailed') return 'already';
    throw new Contention();
  }
  // Near the threshold, decide from the committed count, not the one read before: follows at the same
  // moment can take the count past the threshold with none of them seeing it cross.
  if (!promoted && followerCount + 1 + CROSSING_WINDOW > mergeThreshold) {
    const committed = await getCounts(db, target, true);
    if (committed.followerCount > mergeThreshold) {
      if (!mergeOnRead && followerId) await db.doc.send(new PutCommand({ TableName: db.tableName, Item: { ...mergedFollowKey(followerId, target), type: 'merge', target } }));
      if (!committed.promoted) await promoteToMergeOnRead(db, target);
    }
  }
  return 'followed';
}

export async function unfollow(db: Db, follower: AccountKey, target: AccountKey): Promise<'unfollowed' | 'not_following'> {
  assertNotSelf(follower, target, 'unfollow');
  const followerId = readerIdOf(follower);
  const result = await transactWriteRetryingConflicts(db, [
    { Delete: { TableName: db.tableName, Key: followKey(follower, target), ConditionExpression: 'attribute_exists(PK)' } },
    countChange(db, follower, 'followingCount', -1),
    countChange(db, target, 'followerCount', -1),
  ]);
  if (!result.committed) {
    if (result.reasons[0]?.code === 'ConditionalCheckFailed') return 'not_following';
    throw new Contention();
  }
  if (followerId) await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: mergedFollowKey(followerId, target) }));
  return 'unfollowed';
}

/** Followers of an account, newest first, a page at a time (GSI1 keeps keys; the follower is in the table key). */
export async function listFollowers(db: Db, target: AccountKey, limit: number, startKey?: PageKey) {
  const page = await queryIndexPage(db, { index: INDEX.byPublisher, partition: followersPk(target), limit, startKey });
  const prefix = followingPk('' as AccountKey);
  return { accounts: page.items.map((item) => (item.PK as string).slice(prefix.length) as AccountKey), lastKey: page.lastKey };
}

export async function listFollowing(db: Db, follower: AccountKey, limit: number, startKey?: PageKey) {
  const page = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': followingPk(follower) },
      Limit: limit,
      ExclusiveStartKey: startKey,
    }),
  );
  return { accounts: (page.Items ?? []).map((item) => item.SK as AccountKey), lastKey: page.LastEvaluatedKey };
}

/** Which of `targets` the follower still follows: one batch read. */
export async function followedAmong(db: Db, follower: AccountKey, targets: AccountKey[]): Promise<Set<AccountKey>> {
  if (targets.length === 0) return new Set();
  const items = await batchGetAll(db, [...new Set(targets)].map((target) => followKey(follower, target)), ['SK']);
  return new Set(items.map((item) => item.SK as AccountKey));
}

/**
 * Its earlier followers merge the account from now on. One follow claims the
 * promotion (a conditional put); the others at the same moment wrote their own
 * merge entries above, so nobody is left out and nobody lists followers twice.
 */
async function promoteToMergeOnRead(db: Db, target: AccountKey): Promise<void> {
  const claimed = await conditionHeld(
    db.doc.send(new PutCommand({ TableName: db.tableName, Item: { ...socialPromotedKey(target), type: 'counts' }, ConditionExpression: 'attribute_not_exists(PK)' })),
  );
  if (!claimed) return;
  let startKey: PageKey | undefined;
  do {
    const page = await listFollowers(db, target, 500, startKey);
    const readers = page.accounts.map(readerIdOf).filter((id): id is string => id !== undefined);
    await batchPutAll(db, readers.map((userId) => ({ ...mergedFollowKey(userId, target), type: 'merge', target })));
    startKey = page.lastKey;
  } while (startKey);
}
