import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { beforeAll, describe, expect, it } from 'vitest';
import { rollUpStats } from '../shared/publishers/stats-rollup.js';
import { articleItems, rss2 } from './support/feeds.js';
import { readWholeStream } from './support/table-stream.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
const json = async (response: Response) => (await response.json()) as Record<string, any>;

beforeAll(async () => {
  stack = await createTestStack({ env: { PLATFORM_SHARE_PERCENT: '20' }, stream: true });
});

describe('publisher stats', () => {
  it('count unlocks, refunds and earnings after the platform share, and reconcile with the readers’ ledgers', async () => {
    const { auth: publisher } = await stack.createPublisher('stats-pub', { articlePrice: 10, freeArticlesPerMonth: 0 });
    await stack.request('/v1/publisher', {
      method: 'PATCH',
      headers: { ...publisher, 'content-type': 'application/json' },
      body: JSON.stringify({ plans: [{ planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 500, trialDays: 14 }] }),
    });
    await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...publisher, 'content-type': 'application/rss+xml' }, body: rss2(articleItems(3, 'stats')) });
    const ids = ((await json(await stack.request('/v1/articles?publisher=stats-pub'))).items as Array<{ id: string }>).map((item) => item.id);
    const ana = await stack.signUp('stats_ana');
    const ben = await stack.signUp('stats_ben');
    const cy = await stack.signUp('stats_cy');
    for (const id of ids) await stack.request(`/v1/articles/${id}/unlock`, { method: 'POST', headers: ana.auth });
    await stack.request(`/v1/articles/${ids[0]}/unlock`, { method: 'POST', headers: ben.auth });
    await stack.request(`/v1/articles/${ids[0]}/unlock`, { method: 'DELETE', headers: ben.auth });
    await stack.request('/v1/publishers/stats-pub/trial', { method: 'POST', headers: { ...cy.auth, 'content-type': 'application/json' }, body: '{}' });

    // Stats come from the stream's rollup, not from the ledger: nothing shows until the stream is read.
    expect(await json(await stack.request('/v1/publisher/stats', { headers: publisher }))).toMatchObject({ unlocks: 0, grossPoints: 0 });
    await stack.rollUpStats();
    const stats = await json(await stack.request('/v1/publisher/stats', { headers: publisher }));
    expect(stats).toMatchObject({ unlocks: 4, refunds: 1, grossPoints: 30, pointsEarned: 24, activeSubscribers: 0, activeTrials: 1 });
    expect(stats.topArticles).toHaveLength(3);
    expect(stats.topArticles[0]).toMatchObject({ title: expect.stringContaining('Story number'), unlocks: 1, pointsEarned: 8 });
    expect(stats.perDay).toEqual([{ date: new Date().toISOString().slice(0, 10), unlocks: 4, refunds: 1, pointsEarned: 24 }]);

    let paidByReaders = 0;
    for (const reader of [ana, ben, cy]) {
      const wallet = await json(await stack.request('/v1/me/wallet?limit=100', { headers: reader.auth }));
      paidByReaders -= wallet.entries
        .filter((entry: { kind: string }) => entry.kind === 'unlock' || entry.kind === 'refund')
        .reduce((sum: number, entry: { amount: number }) => sum + entry.amount, 0);
    }
    expect(paidByReaders).toBe(stats.grossPoints);
  });

  it('count every ledger entry once when the stream delivers it again', async () => {
    const { auth: publisher } = await stack.createPublisher('stats-again', { articlePrice: 7, freeArticlesPerMonth: 0 });
    await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...publisher, 'content-type': 'application/rss+xml' }, body: rss2(articleItems(2, 'again')) });
    const ids = ((await json(await stack.request('/v1/articles?publisher=stats-again'))).items as Array<{ id: string }>).map((item) => item.id);
    const dee = await stack.signUp('stats_dee');
    for (const id of ids) await stack.request(`/v1/articles/${id}/unlock`, { method: 'POST', headers: dee.auth });
    await stack.rollUpStats();
    const period = `/v1/publisher/stats?from=${new Date(Date.now() - 86400_000).toISOString()}&to=${new Date(Date.now() + 86400_000).toISOString()}`;
    const once = await json(await stack.request(period, { headers: publisher }));
    expect(once).toMatchObject({ unlocks: 2, grossPoints: 14 });

    // Lambda may hand the same records over again (a retry after a timeout): every batch, twice more.
    const { db } = stack.deps;
    const { Table } = await db.raw.send(new DescribeTableCommand({ TableName: db.tableName }));
    const { dynamoEndpoint: endpoint, region } = stack.deps.config;
    const streams = new DynamoDBStreamsClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    for (const { records } of await readWholeStream(streams, Table!.LatestStreamArn!, region)) {
      expect(await rollUpStats(db, records)).toEqual({ ok: true, counted: 0 });
      expect(await rollUpStats(db, records.slice(Math.floor(records.length / 2)))).toEqual({ ok: true, counted: 0 });
    }
    expect(await json(await stack.request(period, { headers: publisher }))).toEqual(once);
  });

  it('refuses a backwards or overlong period, and anyone but the publisher', async () => {
    const { auth } = await stack.createPublisher('stats-rules');
    expect((await stack.request('/v1/publisher/stats?from=2026-11-20T00:00:00Z&to=2026-11-01T00:00:00Z', { headers: auth })).status).toBe(400);
    expect((await stack.request('/v1/publisher/stats?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', { headers: auth })).status).toBe(400);
    expect((await stack.request('/v1/publisher/stats?from=yesterday', { headers: auth })).status).toBe(400);
    expect((await stack.request('/v1/publisher/stats')).status).toBe(401);
    const reader = await stack.signUp('stats_snoop');
    expect((await stack.request('/v1/publisher/stats', { headers: reader.auth })).status).toBe(401);
  });
});
