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
