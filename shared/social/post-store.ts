/**
 * Posts in DynamoDB: one item each, listed per author (GSI1) and per thread
 * (GSI2). A reply bumps its parent's reply count in the same transaction; a
 * delete leaves a tombstone so replies still show their parent is gone.
 */
import { conditionHeld } from '../db/conditional-write.js';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { queryIndexPage } from '../db/index-page.js';
import type { PageKey } from '../db/cursor.js';
import { authorPostsPk, INDEX, postIdOfPk, postIndexKeys, postKey, repliesPk, type AccountKey, type IndexName } from '../db/keys.js';
import { transactWriteRetryingConflicts, type TransactItem } from '../db/transactions.js';
import { Contention, Forbidden, NotFound } from '../errors.js';
import { POST_ITEM_TYPE, type Post } from './post.js';

export function toPost(item: Record<string, unknown>): Post {
  const { PK: _pk, SK: _sk, GSI1PK: _a, GSI1SK: _b, GSI2PK: _c, GSI2SK: _d, type: _t, ...post } = item;
  return post as unknown as Post;
}

/**
 * Writes a new post; a reply, repost or quote only of a post that exists and is
 * not deleted (its reply or repost count moves in the same transaction).
 * Returns false if the id already exists.
 */
export async function createPost(db: Db, post: Post): Promise<boolean> {
  const items: TransactItem[] = [
    { Put: { TableName: db.tableName, Item: { ...postKey(post.postId), ...postIndexKeys(post), type: POST_ITEM_TYPE, ...post }, ConditionExpression: 'attribute_not_exists(PK)' } },
  ];
  const parent = post.replyTo ?? post.repostOf ?? post.quoteOf;
  if (parent) {
    items.push({
      Update: {
        TableName: db.tableName,
        Key: postKey(parent),
        UpdateExpression: `ADD ${post.replyTo ? 'replyCount' : 'repostCount'} :one`,
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(deleted)',
        ExpressionAttributeValues: { ':one': 1 },
      },
    });
  }
  const result = await transactWriteRetryingConflicts(db, items);
  if (result.committed) return true;
  if (result.reasons[1]?.code === 'ConditionalCheckFailed') throw new NotFound(post.replyTo ? 'The post you reply to' : 'The post you share');
  if (result.reasons[0]?.code === 'ConditionalCheckFailed') return false;
  throw new Contention();
}

export async function getPosts(db: Db, postIds: string[]): Promise<Map<string, Post>> {
  const items = await batchGetAll(db, [...new Set(postIds)].map(postKey));
  return new Map(items.map((item) => [item.postId as string, toPost(item)]));
}

export async function getPost(db: Db, postId: string): Promise<Post> {
  const post = (await getPosts(db, [postId])).get(postId);
  if (!post) throw new NotFound('The post');
  return post;
}

/** Only the author deletes; the post becomes a tombstone that keeps its place in threads. */
export async function deletePost(db: Db, postId: string, author: AccountKey): Promise<void> {
  const deleted = await conditionHeld(
    db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: postKey(postId),
        UpdateExpression: 'SET deleted = :true, #text = :empty, links = :none REMOVE articleId',
        ConditionExpression: 'attribute_exists(PK) AND author = :author',
        ExpressionAttributeNames: { '#text': 'text' },
        ExpressionAttributeValues: { ':true': true, ':empty': '', ':none': [], ':author': author },
      }),
    ),
  );
  if (deleted) return;
  await getPost(db, postId); // 404 when it does not exist…
  throw new Forbidden('Only the author can delete a post.'); // …403 when it is someone else's.
}

async function queryPosts(db: Db, index: IndexName, partition: string, newestFirst: boolean, limit: number, startKey?: PageKey, before?: string) {
  const page = await queryIndexPage(db, { index, partition, limit, startKey, before, ascending: !newestFirst });
  // The post indexes keep keys only (the projection budget goes to cards); the posts come in one batch.
  const ids = page.items.map((item) => postIdOfPk(item.PK as string));
  const posts = await getPosts(db, ids);
  return { items: ids.flatMap((id) => posts.get(id) ?? []), lastKey: page.lastKey };
}

/** An account's posts, newest first; `before` (a post sort key) starts below a point in time. */
export const listAuthorPosts = (db: Db, author: AccountKey, limit: number, startKey?: PageKey, before?: string) =>
  queryPosts(db, INDEX.byPublisher, authorPostsPk(author), true, limit, startKey, before);

/** Replies to a post, oldest first: a thread reads top to bottom. */
export const listReplies = (db: Db, postId: string, limit: number, startKey?: PageKey) => queryPosts(db, INDEX.global, repliesPk(postId), false, limit, startKey);
