/**
 * Likes: the like item and the post's count change in one transaction, under
 * the condition that the like is new (or, to unlike, still there) — so liking
 * twice is a no-op and counts stay exact under any concurrency.
 */
import type { Db } from '../db/client.js';
import { likeKey, postKey } from '../db/keys.js';
import { transactWrite } from '../db/transactions.js';
import { NotFound } from '../errors.js';

const MAX_ATTEMPTS = 10;

export async function setLike(db: Db, postId: string, userId: string, liked: boolean, now: Date): Promise<void> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const result = await transactWrite(db, [
      liked
        ? { Put: { TableName: db.tableName, Item: { ...likeKey(postId, userId), type: 'like', likedAt: now.toISOString() }, ConditionExpression: 'attribute_not_exists(PK)' } }
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
    if (result.committed) return;
    if (result.reasons[1]?.code === 'ConditionalCheckFailed') throw new NotFound('The post');
    // Already liked (or already not): nothing to do, that is the idempotent answer.
    if (result.reasons[0]?.code === 'ConditionalCheckFailed') return;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 15 * (attempt + 1)));
  }
  throw new Error('The post was too busy to like; please retry.');
}
