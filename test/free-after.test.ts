/**
 * Articles that turn free: N days after publication by the publisher's rule
 * or its section's, or when the feed says (`postwire:freeAfter`). One price
 * rule serves every channel, so cards, the article page, unlocks and gifts
 * agree.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { turnFreeArticles } from '../shared/access/turn-free.js';
import { rss2, type RssItem } from './support/feeds.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
let clock = new Date('2026-11-30T12:00:00Z');
const json = async (response: Response) => (await response.json()) as Record<string, any>;
const send = (method: string, path: string, auth: Record<string, string>, body?: unknown) =>
  stack.request(path, { method, headers: { ...auth, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
const daysAgo = (days: number) => new Date(clock.getTime() - days * 86400_000).toUTCString();

beforeAll(async () => {
  stack = await createTestStack({ now: () => clock });
});

async function publisher(slug: string, settings: Record<string, unknown>, items: RssItem[]) {
  const { auth } = await stack.createPublisher(slug, { articlePrice: 30, freeArticlesPerMonth: 0 });
  if (Object.keys(settings).length > 0) expect((await send('PATCH', '/v1/publisher', auth, settings)).status).toBe(200);
  const xml = rss2(items).replace('<rss version="2.0"', '<rss version="2.0" xmlns:postwire="https://postwire.dev/ns"');
  expect((await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...auth, 'content-type': 'application/rss+xml' }, body: xml })).status).toBe(200);
  const cards = (await json(await stack.request(`/v1/articles?publisher=${slug}`))).items as Array<{ id: string; title: string; price: number }>;
  return { auth, byTitle: Object.fromEntries(cards.map((card) => [card.title, card])) };
}
const item = (title: string, published: string, extra: Partial<RssItem> = {}): RssItem => ({ guid: title, title, link: `https://free.example/${encodeURIComponent(title)}`, pubDate: published, description: `${title}, in short.`, content: `<p>All of ${title}.</p>`, ...extra });

describe('articles that turn free', () => {
  it('are free everywhere once the publisher’s days have passed: the card, the page, the unlock and gifts agree, and no point or free article is spent', async () => {
    const { auth, byTitle } = await publisher('free-week', { freeAfterDays: 7 }, [item('ten days old', daysAgo(10)), item('two days old', daysAgo(2))]);
    expect(byTitle['ten days old']!.price).toBe(0);
    expect(byTitle['two days old']!.price).toBe(30);
    expect(await json(await stack.request('/v1/publisher', { headers: auth }))).toMatchObject({ freeAfterDays: 7 });

    const reader = await stack.signUp('free_week_reader');
    const old = await json(await stack.request(`/v1/articles/${byTitle['ten days old']!.id}`, { headers: reader.auth }));
    expect(old).toMatchObject({ access: { granted: true, via: 'free' }, contentHtml: expect.stringContaining('All of ten days old') });
    expect(await json(await send('POST', `/v1/articles/${byTitle['ten days old']!.id}/unlock`, reader.auth))).toMatchObject({ access: { via: 'free' }, charged: 0, balance: 50 });
    expect((await send('POST', `/v1/articles/${byTitle['ten days old']!.id}/gifts`, reader.auth)).status).toBe(403);
    const recent = await json(await stack.request(`/v1/articles/${byTitle['two days old']!.id}`, { headers: reader.auth }));
    expect(recent.access.granted).toBe(false);
    expect(recent.offer.price).toBe(30);

    // Five days on, the second one has turned free too; turning the rule off makes both priced again.
    clock = new Date(clock.getTime() + 5 * 86400_000);
    expect((await json(await stack.request('/v1/articles?publisher=free-week'))).items.map((card: any) => card.price)).toEqual([0, 0]);
    await send('PATCH', '/v1/publisher', auth, { freeAfterDays: null });
    expect((await json(await stack.request('/v1/articles?publisher=free-week'))).items.map((card: any) => card.price)).toEqual([30, 30]);
    clock = new Date('2026-11-30T12:00:00Z');
  });

  it('follow their section’s rule first, matching the section whatever its case', async () => {
    const { byTitle } = await publisher('free-sections', { freeAfterDays: 30, sectionFreeAfterDays: { WORLD: 1 } }, [
      item('world story', daysAgo(2), { category: 'World' }),
      item('economy story', daysAgo(2), { category: 'Economy' }),
      item('old economy story', daysAgo(40), { category: 'Economy' }),
    ]);
    expect([byTitle['world story']!.price, byTitle['economy story']!.price, byTitle['old economy story']!.price]).toEqual([0, 30, 0]);
  });

  it('turn free when their feed says, in days or at a moment, through the sweep; the feed’s own price holds until then', async () => {
    const { byTitle } = await publisher('free-feed', {}, [
      item('free in three days', daysAgo(1), { extra: '<postwire:freeAfter>3</postwire:freeAfter><postwire:price>45</postwire:price>' }),
      item('free at a moment', daysAgo(1), { extra: '<postwire:freeAfter>2026-12-01T00:00:00Z</postwire:freeAfter>' }),
      item('free already', daysAgo(5), { extra: '<postwire:freeAfter>2</postwire:freeAfter>' }),
      item('nonsense', daysAgo(1), { extra: '<postwire:freeAfter>next week</postwire:freeAfter>' }),
    ]);
    expect([byTitle['free in three days']!.price, byTitle['free at a moment']!.price, byTitle['free already']!.price, byTitle.nonsense!.price]).toEqual([45, 30, 0, 30]);

    clock = new Date('2026-12-01T06:00:00Z');
    expect(await turnFreeArticles(stack.deps.db, clock)).toBe(1);
    clock = new Date('2026-12-03T12:00:01Z');
    expect(await turnFreeArticles(stack.deps.db, clock)).toBe(1);
    expect(await turnFreeArticles(stack.deps.db, clock)).toBe(0);
    const cards = Object.fromEntries(((await json(await stack.request('/v1/articles?publisher=free-feed'))).items as Array<{ title: string; price: number }>).map((card) => [card.title, card.price]));
    expect(cards).toEqual({ 'free in three days': 0, 'free at a moment': 0, 'free already': 0, nonsense: 30 });
    clock = new Date('2026-11-30T12:00:00Z');
  });

  it('refuses settings out of range', async () => {
    const { auth } = await stack.createPublisher('free-bad', {});
    const bad = await send('PATCH', '/v1/publisher', auth, { freeAfterDays: 0, sectionFreeAfterDays: { world: 'soon' } });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.details.map((detail: any) => detail.field).sort()).toEqual(['freeAfterDays', 'sectionFreeAfterDays.world']);
  });
});
