/**
 * New posts as the table's stream delivers them. In AWS the stream, not the
 * request that wrote the post, starts the fan-out: a post that is committed is
 * fanned out even if the writer's Lambda dies a moment later, and posting never
 * waits on followers or on a second service.
 */
import type { AttributeValue as StreamAttributeValue, DynamoDBRecord } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { Db } from '../db/client.js';
import type { AccountKey } from '../db/keys.js';
import { POST_ITEM_TYPE, type Post } from './post.js';
import { toPost } from './post-store.js';
import { fanOutPosts, type TimelineOptions } from './timeline.js';
import type { Article } from '../articles/article.js';
import { announceFromInsertedArticles } from './publisher-posts.js';

/** One author's new posts and the stream records they came from (to report failures by sequence number). */
export interface AuthorBatch {
  author: AccountKey;
  posts: Post[];
  sequenceNumbers: string[];
}

/** Groups the newly inserted posts by author, in stream order; every other change is ignored. */
export function newPostsByAuthor(records: DynamoDBRecord[]): AuthorBatch[] {
  const batches = new Map<AccountKey, AuthorBatch>();
  for (const record of records) {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || !image || image.type?.S !== POST_ITEM_TYPE) continue;
    // The Lambda event types and the SDK's describe the same wire format.
    const post = toPost(unmarshall(image as Record<string, StreamAttributeValue> as Record<string, AttributeValue>));
    const batch = batches.get(post.author) ?? { author: post.author, posts: [], sequenceNumbers: [] };
    batch.posts.push(post);
    batch.sequenceNumbers.push(record.dynamodb!.SequenceNumber ?? '');
    batches.set(post.author, batch);
  }
  return [...batches.values()];
}

export interface AuthorFanOut extends AuthorBatch {
  /** Timeline entries written, or why it failed. */
  outcome: { ok: true; written: number } | { ok: false; error: string };
}

/** Fans out every author's new posts from these records; one author's failure does not stop the others. */
export async function fanOutNewPosts(db: Db, records: DynamoDBRecord[], options: TimelineOptions): Promise<AuthorFanOut[]> {
  const batches = newPostsByAuthor(records);
  const results = await Promise.allSettled(batches.map((batch) => fanOutPosts(db, batch.author, batch.posts, options)));
  return batches.map((batch, i) => {
    const result = results[i]!;
    return { ...batch, outcome: result.status === 'fulfilled' ? { ok: true, written: result.value } : { ok: false, error: String(result.reason) } };
  });
}

/** Articles inserted with an `announceRank` (an ingest's newest new ones), with their stream positions. */
export function announcedArticles(records: DynamoDBRecord[]): Array<{ article: Article; sequenceNumber: string }> {
  return records.flatMap((record) => {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || !image || image.type?.S !== 'article' || image.announceRank === undefined) return [];
    const article = unmarshall(image as Record<string, StreamAttributeValue> as Record<string, AttributeValue>) as Article;
    return [{ article, sequenceNumber: record.dynamodb!.SequenceNumber ?? '' }];
  });
}

/**
 * Writes the publisher posts of the announced articles in these records. A
 * failure names the first record to retry from; posts already written are
 * found written again and not repeated.
 */
export async function announceFromStream(db: Db, records: DynamoDBRecord[]): Promise<{ ok: true; created: number } | { ok: false; error: string; sequenceNumber: string }> {
  const announced = announcedArticles(records);
  try {
    return { ok: true, created: await announceFromInsertedArticles(db, announced.map((entry) => entry.article)) };
  } catch (error) {
    return { ok: false, error: String(error), sequenceNumber: announced[0]!.sequenceNumber };
  }
}
