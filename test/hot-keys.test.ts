/**
 * The sharded partitions behave like the single ones they replaced: the
 * newest-articles list reads as one list across its shards, the dispatcher
 * finds due feeds in every shard, a publisher's earnings across its ledger
 * shards add up, and a cached publisher record changes when the publisher
 * changes it. And the recorder that `npm run simulate` reads charges units
 * to the partitions that consumed them.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_LIST_SHARDS, articleKey, EARNING_SHARDS, FEED_DUE_SHARDS, earningShardOf, feedDueKeys, feedKey, publisherKey, shardOf } from '../shared/db/keys.js';
import { shardHotKeys } from '../shared/db/migrations/shard-hot-keys.js';
import { createFeed } from '../shared/feeds/feed-store.js';
import { dispatchDueFeeds } from '../shared/feeds/feed-dispatcher.js';
import type { FeedRef } from '../shared/feeds/feed-store.js';
import { EPOCH, END_OF_TIME, earningsBetween } from '../shared/payouts/publisher-earnings.js';
import { CapacityRecorder } from '../scripts/capacity/capacity-recorder.js';
import { ALL_ROUTES } from '../shared/api/all-routes.js';
import { buildApp } from '../shared/api/app.js';
import { createDb } from '../shared/db/client.js';
import { rss2, type RssItem } from './support/feeds.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
const json = async (response: Response) => (await response.json()) as Record<string, any>;

beforeAll(async () => {
  stack = await createTestStack();
});

/** Items published one per day from `start`, `count` of them. */
const dailyItems = (prefix: string, count: number, start: Date): RssItem[] =>
  Array.from({ length: count }, (_, i) => ({
    guid: `${prefix}-${i}`,
    title: `${prefix} story ${i}`,
    link: `https://${prefix}.example/${i}`,
    pubDate: new Date(start.getTime() + i * 86400_000 + 3600_000 * (prefix.length % 5)).toUTCString(),
    description: `Summary ${i}.`,
    content: `<p>Story ${i} of ${prefix}.</p>`,
  }));

describe('the newest articles across shards', () => {
  it('page through every article once, newest first, with and without a month', async () => {
    for (const slug of ['shard-a', 'shard-b', 'shard-c']) {
      const { auth } = await stack.createPublisher(slug);
      const pushed = await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...auth, 'content-type': 'application/rss+xml' }, body: rss2(dailyItems(slug, 20, new Date('2026-09-20T00:00:00Z'))) });
      expect(pushed.status).toBe(200);
    }
    const all = async (query: string) => {
      const seen: Array<{ id: string; publishedAt: string }> = [];
      let cursor: string | null = null;
      do {
        const page = await json(await stack.request(`/v1/articles?limit=7${query}${cursor ? `&cursor=${cursor}` : ''}`));
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    const everything = await all('');
    expect(everything).toHaveLength(60);
    expect(new Set(everything.map((article) => article.id)).size).toBe(60);
    expect(new Set(everything.map((article) => shardOf(article.id, ARTICLE_LIST_SHARDS))).size).toBeGreaterThan(1);
    const times = everything.map((article) => article.publishedAt);
    expect(times).toEqual([...times].sort().reverse());

    const october = await all('&month=2026-10');
    expect(october.length).toBe(everything.filter((article) => article.publishedAt.startsWith('2026-10')).length);
    expect(october.length).toBeGreaterThan(7);
    expect(october.every((article) => article.publishedAt.startsWith('2026-10'))).toBe(true);
    expect(new Set(october.map((article) => article.id)).size).toBe(october.length);
  });
});

describe('the feeds due list across shards', () => {
  it('is drained from every shard by one dispatch, each feed once', async () => {
    const due = new Date('2026-11-01T00:00:00Z').toISOString();
    for (let i = 0; i < 40; i++) {
      await createFeed(stack.deps.db, {
        feedId: `f${i}`,
        publisherSlug: 'shard-feeds',
        url: `https://feeds.example/${i}.xml`,
        createdAt: due,
        lastStatus: 'pending',
        consecutiveFailures: 0,
        nextFetchAt: due,
      });
    }
    const shards = new Set(Array.from({ length: 40 }, (_, i) => feedDueKeys(due, 'shard-feeds', `f${i}`).GSI2PK));
    expect(shards.size).toBeGreaterThan(FEED_DUE_SHARDS / 2);
    const jobs: FeedRef[] = [];
    const now = new Date('2026-11-01T00:01:00Z');
    const count = await dispatchDueFeeds(stack.deps.db, { enqueue: async (batch) => void jobs.push(...batch) }, now, { batchSize: 3, maxPerShard: 100, leaseMs: 60_000 });
    expect(count).toBe(40);
    expect(new Set(jobs.map((job) => job.feedId)).size).toBe(40);
    expect(await dispatchDueFeeds(stack.deps.db, { enqueue: async () => undefined }, now)).toBe(0);
  });
});

describe('a publisher’s earnings across ledger shards', () => {
  it('land in several partitions and still read as one ledger in order', async () => {
    const { ids, auth } = await stack.publisherWithArticles('shard-earn', 12, { settings: { articlePrice: 3, freeArticlesPerMonth: 0 } });
    const reader = await stack.signUp('shard_reader');
    for (const id of ids) expect((await stack.request(`/v1/articles/${id}/unlock`, { method: 'POST', headers: reader.auth })).status).toBe(200);
    const entries = await earningsBetween(stack.deps.db, 'shard-earn', EPOCH, END_OF_TIME);
    expect(entries).toHaveLength(12);
    expect(new Set(entries.map((entry) => earningShardOf(entry.entryId as string))).size).toBeGreaterThan(1);
    expect(new Set(entries.map((entry) => entry.PK)).size).toBeLessThanOrEqual(EARNING_SHARDS);
    const order = entries.map((entry) => entry.SK as string);
    expect(order).toEqual([...order].sort());
    // The balance sums every shard: all 12 unlocks, still held.
    const balance = await json(await stack.request('/v1/publisher/balance', { headers: auth }));
    expect(balance.heldCents).toBe(entries.reduce((sum, entry) => sum + (entry.points as number), 0));
  });
});

describe('the publisher record kept in memory', () => {
  it('serves a publisher’s own change at once, and a change made elsewhere after its short lifetime', async () => {
    const { ids, auth } = await stack.publisherWithArticles('cached-pub', 1, { settings: { articlePrice: 10 } });
    const reader = await stack.signUp('cache_reader');
    const price = async () => (await json(await stack.request(`/v1/articles/${ids[0]}`, { headers: reader.auth }))).article.price;
    expect(await price()).toBe(10);

    // Another function instance changes the record: this one keeps serving what it read, for a moment.
    await stack.deps.db.doc.send(
      new UpdateCommand({ TableName: stack.deps.db.tableName, Key: publisherKey('cached-pub'), UpdateExpression: 'SET articlePrice = :p', ExpressionAttributeValues: { ':p': 25 } }),
    );
    expect(await price()).toBe(10);
    stack.deps.db.publishers.delete('cached-pub');
    expect(await price()).toBe(25);

    // The publisher's own change through this instance shows on the next read.
    const patched = await stack.request('/v1/publisher', { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ articlePrice: 40 }) });
    expect(patched.status).toBe(200);
    expect(await price()).toBe(40);
  });
});

describe('the capacity recorder behind `npm run simulate`', () => {
  it('charges each request’s consumed units to the partitions it touched, index partitions included', async () => {
    const { config } = stack.deps;
    const db = createDb({ tableName: config.tableName, region: config.region, endpoint: config.dynamoEndpoint });
    const quiet = new DynamoDBClient({ region: config.region, endpoint: config.dynamoEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const recorder = new CapacityRecorder(config.tableName, quiet);
    recorder.attach(db.raw);
    recorder.phase = 'push';
    const { auth } = await stack.createPublisher('recorded-pub');
    const app = buildApp({ ...stack.deps, db }, ALL_ROUTES);
    const pushed = await app.request('/v1/publisher/ingest', { method: 'POST', headers: { ...auth, 'content-type': 'application/rss+xml' }, body: rss2(dailyItems('recorded', 3, new Date('2026-11-01T00:00:00Z'))) });
    expect(pushed.status).toBe(200);
    recorder.phase = 'list';
    expect((await app.request('/v1/articles?publisher=recorded-pub')).status).toBe(200);
    recorder.phase = undefined;

    const push = recorder.phases.get('push')!;
    const articles = [...push.keys()].filter((label) => label.startsWith('ART#'));
    expect(articles).toHaveLength(3);
    for (const label of articles) expect(push.get(label)!.wcu).toBeGreaterThan(0);
    expect(push.get('GSI1:PUBART#recorded-pub')!.wcu).toBeGreaterThanOrEqual(3);
    expect([...push.keys()].some((label) => label.startsWith('GSI2:ARTICLES#'))).toBe(true);
    expect(recorder.phases.get('list')!.get('GSI1:PUBART#recorded-pub')!.rcu).toBeGreaterThan(0);
    quiet.destroy();
    db.raw.destroy();
  });
});

describe('a table from before the sharding', () => {
  it('has its feeds, articles and earnings moved onto their shards, once', async () => {
    const { ids, auth } = await stack.publisherWithArticles('pre-shard', 2, { settings: { articlePrice: 4, freeArticlesPerMonth: 0 } });
    const reader = await stack.signUp('pre_shard_reader');
    await stack.request(`/v1/articles/${ids[0]}/unlock`, { method: 'POST', headers: reader.auth });
    const due = '2026-10-01T00:00:00.000Z';
    await createFeed(stack.deps.db, { feedId: 'old', publisherSlug: 'pre-shard', url: 'https://old.example/feed.xml', createdAt: due, lastStatus: 'ok', consecutiveFailures: 0, nextFetchAt: due });
    // Put everything back where the unsharded version kept it.
    const { db } = stack.deps;
    const [entry] = await earningsBetween(db, 'pre-shard', EPOCH, END_OF_TIME);
    await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: { PK: entry!.PK, SK: entry!.SK } }));
    await db.doc.send(new PutCommand({ TableName: db.tableName, Item: { ...entry, PK: 'PUB#pre-shard' } }));
    await db.doc.send(new UpdateCommand({ TableName: db.tableName, Key: feedKey('pre-shard', 'old'), UpdateExpression: 'SET GSI2PK = :old', ExpressionAttributeValues: { ':old': 'FEEDS_DUE' } }));
    for (const id of ids) await db.doc.send(new UpdateCommand({ TableName: db.tableName, Key: articleKey(id), UpdateExpression: 'SET GSI2PK = :old', ExpressionAttributeValues: { ':old': 'ARTICLES' } }));
    const listed = async () => ((await json(await stack.request('/v1/articles?limit=100'))).items as Array<{ id: string }>).filter((item) => ids.includes(item.id));
    const held = async () => (await json(await stack.request('/v1/publisher/balance', { headers: auth }))).heldCents;
    expect(await listed()).toHaveLength(0);
    expect(await held()).toBe(0);

    expect(await shardHotKeys(db)).toEqual({ feeds: 1, articles: 2, earnings: 1 });
    expect(await listed()).toHaveLength(2);
    expect(await held()).toBe(entry!.points);
    const jobs: FeedRef[] = [];
    await dispatchDueFeeds(db, { enqueue: async (batch) => void jobs.push(...batch) }, new Date('2026-10-01T00:05:00Z'));
    expect(jobs.some((job) => job.feedId === 'old')).toBe(true);
    expect(await shardHotKeys(db)).toEqual({ feeds: 0, articles: 0, earnings: 0 });
  });
});
