/**
 * Home timelines. Fan-out on write for ordinary accounts: a new post is copied
 * as a small entry into each follower's timeline (BatchWriteItem, 25 at a time),
 * expiring after the retention period. Accounts above the merge threshold do
 * not fan out; their recent posts are merged in when a follower reads. A read
 * is therefore a constant number of queries, whatever the number of follows:
 * the reader's timeline, their merge list and block list (in parallel), one
 * query per merged account, then one batch of posts and follow checks.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchPutAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { mergedFollowsPk, postListSk, readerAccount, timelineEntryKey, timelinePk, type AccountKey } from '../db/keys.js';
import { TTL_ATTRIBUTE } from '../db/table-schema.js';
import { hiddenAccounts } from './blocks.js';
import { followedAmong, getCounts, listFollowers } from './follow-store.js';
import type { Post } from './post.js';
import { getPosts, listAuthorPosts } from './post-store.js';

export interface TimelineOptions {
  mergeThreshold: number;
  retentionDays: number;
}

/** Copies new posts of one author into the timelines of its followers (and its own). Returns entries written. */
export async function fanOutPosts(db: Db, author: AccountKey, posts: Post[], options: TimelineOptions): Promise<number> {
  if (posts.length === 0) return 0;
  const entriesFor = (userId: string) =>
    posts.map((post) => ({
      ...timelineEntryKey(userId, post.createdAt, post.postId),
      type: 'timeline',
      postId: post.postId,
      author: post.author,
      [TTL_ATTRIBUTE]: Math.floor(Date.parse(post.createdAt) / 1000) + options.retentionDays * 86400,
    }));
  const own = author.startsWith('r:') ? entriesFor(author.slice(2)) : [];
  const { followerCount } = await getCounts(db, author);
  if (followerCount > options.mergeThreshold) {
    await batchPutAll(db, own);
    return own.length;
  }
  let written = 0;
  let startKey: Record<string, unknown> | undefined;
  let pending = own;
  do {
    const page = await listFollowers(db, author, 1000, startKey);
    const entries = [...pending, ...page.accounts.filter((account) => account.startsWith('r:')).flatMap((account) => entriesFor(account.slice(2)))];
    await batchPutAll(db, entries);
    written += entries.length;
    pending = [];
    startKey = page.lastKey;
  } while (startKey);
  return written;
}

interface Candidate {
  sortKey: string;
  postId: string;
  author: AccountKey;
  /** Fanned-out entries need the follow re-checked (an unfollow leaves them behind until they expire). */
  fannedOut: boolean;
}

export async function readTimeline(db: Db, userId: string, limit: number, before?: string): Promise<{ posts: Post[]; nextBefore: string | null }> {
  const condition = before ? 'PK = :pk AND SK < :before' : 'PK = :pk';
  const [entries, merged, hidden] = await Promise.all([
    db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: condition,
        ExpressionAttributeValues: { ':pk': timelinePk(userId), ...(before ? { ':before': before } : {}) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    ),
    db.doc.send(new QueryCommand({ TableName: db.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': mergedFollowsPk(userId) } })),
    hiddenAccounts(db, userId),
  ]);
  const mergedAccounts = (merged.Items ?? []).map((item) => item.SK as AccountKey);
  const mergedPages = await Promise.all(mergedAccounts.map((account) => listAuthorPosts(db, account, limit, undefined, before)));
  const loaded = new Map<string, Post>();
  const candidates: Candidate[] = (entries.Items ?? []).map((item) => ({
    sortKey: item.SK as string,
    postId: item.postId as string,
    author: item.author as AccountKey,
    fannedOut: true,
  }));
  for (const page of mergedPages) {
    for (const post of page.items) {
      loaded.set(post.postId, post);
      candidates.push({ sortKey: postListSk(post.createdAt, post.postId), postId: post.postId, author: post.author, fannedOut: false });
    }
  }
  candidates.sort((a, b) => (a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0));
  const seen = new Set<string>();
  const unique = candidates.filter((candidate) => !seen.has(candidate.postId) && Boolean(seen.add(candidate.postId)));
  const page = unique.slice(0, limit);
  const me = readerAccount(userId);
  const [posts, stillFollowed] = await Promise.all([
    getPosts(db, page.filter((candidate) => !loaded.has(candidate.postId)).map((candidate) => candidate.postId)),
    followedAmong(db, me, page.filter((candidate) => candidate.fannedOut && candidate.author !== me).map((candidate) => candidate.author)),
  ]);
  for (const [id, post] of posts) loaded.set(id, post);
  const visible = page
    .filter((candidate) => !candidate.fannedOut || candidate.author === me || stillFollowed.has(candidate.author))
    .filter((candidate) => !hidden.has(candidate.author))
    .flatMap((candidate) => {
      const post = loaded.get(candidate.postId);
      return post && !post.deleted ? [post] : [];
    });
  // More may follow when any source filled its page; the next page starts below the last one considered.
  const more = (entries.Items?.length ?? 0) === limit || mergedPages.some((merged) => merged.items.length === limit) || unique.length > limit;
  return { posts: visible, nextBefore: more && page.length > 0 ? page[page.length - 1]!.sortKey : null };
}
