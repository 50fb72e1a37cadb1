/**
 * Likes: the like item and the post's count change in one transaction, under
 * the condition that the like is new (or, to unlike, still there) — so liking
 * twice is a no-op and counts stay exact under any concurrency. A blocked
 * reader cannot like (taking a like back is always allowed).
 */
import type { Db } from '../db/client.js';
import { likeKey, postKey, readerLikeKeys } from '../db/keys.js';
import { transactWriteRetryingConflicts } from '../db/transactions.js';
import { Contention, NotFound } from '../errors.js';
import { assertNotBlocked } from './block-rule.js';
import type { Post } from './post.js';

/** Answers whether the like changed (false: it already was as asked). */
export async function setLike(db: Db, post: Pick<Post, 'postId' | 'author'>, userId: string, liked: boolean, now: Date): Promise<boolean> {
  const { postId } = post;
  if (liked) await assertNotBlocked(db, userId, post.author);
  const result = await transactWriteRetryingConflicts(db, [
    liked
      ? { Put: { TableName: db.tableName, Item: { ...likeKey(postId, userId), ...readerLikeKeys(userId, now.toISOString(), postId), type: 'like', likedAt: now.toISOString() }, ConditionExpression: 'attribute_not_exists(PK)' } }
      : { Delete: { TableName: db.tableName, Key: likeKey(postId, userId), ConditionExpression: 'attribute_exists(PK)' } },
    {
      Update: {
        TableName: db.tableName,
        Key: postKey(postId),
        UpdateExpression: 'ADD likeCount :delta',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':delta': liked ? 1 : -1 },
      },
    },
  ]);
  if (result.committed) return true;
  if (result.reasons[1]?.code === 'ConditionalCheckFailed') throw new NotFound('The post');
  // Already liked (or already not): nothing to do, that is the idempotent answer.
  if (result.reasons[0]?.code === 'ConditionalCheckFailed') return false;
  throw new Contention();
}
