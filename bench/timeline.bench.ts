/**
 * Timelines: read round trips and latency with 10, 1,000 and 100,000 followed
 * accounts (follows seeded in bulk), and the cost of one post by an account with
 * 10,000 followers — fan-out on write beside merge-on-read in the same run.
 */
import { randomBytes } from 'node:crypto';
import { batchPutAll } from '../shared/db/batch.js';
import { createDb, type Db } from '../shared/db/client.js';
import { ensureTable } from '../shared/db/ensure-table.js';
import { followerKeys, followKey, postIndexKeys, postKey, readerAccount, socialCountsKey, timelineEntryKey, type AccountKey } from '../shared/db/keys.js';
import { newPostId, type Post } from '../shared/social/post.js';
import { fanOutPosts, readTimeline } from '../shared/social/timeline.js';
import { median, printTable, round, timeIt } from './stats.js';

const READS = 30;

async function freshDb(endpoint: string): Promise<Db> {
  const db = createDb({ tableName: `bench-tl-${randomBytes(4).toString('hex')}`, region: 'us-east-1', endpoint });
  await ensureTable(db);
  return db;
}

function postBy(author: AccountKey, at: Date, text: string): Post {
  return { postId: newPostId(at), author, authorHandle: author, text, links: [], createdAt: at.toISOString(), likeCount: 0, replyCount: 0 };
}

async function seedFollows(db: Db, follower: AccountKey, targets: AccountKey[], at: string) {
  await batchPutAll(
    db,
    targets.map((target) => ({ ...followKey(follower, target), ...followerKeys(target, at, follower), type: 'follow', follower, target, followedAt: at })),
  );
}

async function timelineReadScenario(endpoint: string, followed: number) {
  const db = await freshDb(endpoint);
  const me = 'bench-reader';
  const targets = Array.from({ length: followed }, (_, i) => readerAccount(`author-${i}`));
  await seedFollows(db, readerAccount(me), targets, new Date().toISOString());
  // 100 recent posts by followed accounts, already fanned out to this reader.
  const start = Date.now() - 3600_000;
  const posts = Array.from({ length: 100 }, (_, i) => postBy(targets[i % targets.length]!, new Date(start + i * 1000), `post ${i}`));
  await batchPutAll(db, posts.map((post) => ({ ...postKey(post.postId), ...postIndexKeys(post), type: 'post', ...post })));
  await batchPutAll(db, posts.map((post) => ({ ...timelineEntryKey(me, post.createdAt, post.postId), type: 'timeline', postId: post.postId, author: post.author })));
  const latencies: number[] = [];
  db.roundTrips.reset();
  for (let i = 0; i < READS; i++) latencies.push((await timeIt(() => readTimeline(db, me, 20))).ms);
  const trips = db.roundTrips.total / READS;
  db.raw.destroy();
  return { 'followed accounts': followed.toLocaleString('en'), 'round trips / read': round(trips, 1), 'median ms': round(median(latencies)), 'p90 ms': round([...latencies].sort((a, b) => a - b)[Math.floor(READS * 0.9)]!) };
}

async function postCostScenario(endpoint: string, followers: number, mergeThreshold: number) {
  const db = await freshDb(endpoint);
  const author = readerAccount('famous');
  const fans = Array.from({ length: followers }, (_, i) => readerAccount(`fan-${i}`));
  const at = new Date().toISOString();
  await batchPutAll(db, fans.map((fan) => ({ ...followKey(fan, author), ...followerKeys(author, at, fan), type: 'follow', follower: fan, target: author, followedAt: at })));
  await batchPutAll(db, [{ ...socialCountsKey(author), type: 'counts', followerCount: followers, followingCount: 0 }]);
  db.roundTrips.reset();
  const post = postBy(author, new Date(), 'hello, all of you');
  const { ms, result: written } = await timeIt(() => fanOutPosts(db, author, [post], { mergeThreshold, retentionDays: 30 }));
  const trips = db.roundTrips.byCommand();
  db.raw.destroy();
  return {
    strategy: mergeThreshold >= followers ? 'fan-out on write' : 'merge on read (above threshold)',
    followers: followers.toLocaleString('en'),
    'timeline items written (≈ write units)': written,
    'BatchWriteItem requests': trips.BatchWriteItemCommand ?? 0,
    'ms until every follower has it': round(ms, 0),
  };
}

export async function runTimelineBench(endpoint: string): Promise<void> {
  const reads = [];
  for (const followed of [10, 1_000, 100_000]) reads.push(await timelineReadScenario(endpoint, followed));
  printTable(`Home timeline reads (20 posts a page, ${READS} reads each, DynamoDB Local)`, reads);
  printTable('One post by an account with 10,000 followers', [
    await postCostScenario(endpoint, 10_000, 1_000_000),
    await postCostScenario(endpoint, 10_000, 1_000),
  ]);
}
