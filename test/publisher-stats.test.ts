import { beforeAll, describe, expect, it } from 'vitest';
import { articleItems, rss2 } from './support/feeds.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
const json = async (response: Response) => (await response.json()) as Record<string, any>;

beforeAll(async () => {
  stack = await createTestStack({ env: { PLATFORM_SHARE_PERCENT: '20' } });
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
