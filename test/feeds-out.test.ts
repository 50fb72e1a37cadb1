/**
 * Feeds out, as a feed reader meets them: Atom documents that parse and
 * carry what RFC 4287 requires, conditional GETs answered 304, and a reader's
 * private feed that stops working when its address is revoked.
 */
import { SAXParser } from 'sax';
import Parser from 'rss-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { rss2, type RssItem } from './support/feeds.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
const clock = new Date('2026-11-30T12:00:00Z');
const PUBLIC = 'https://postwire.example';
const json = async (response: Response) => (await response.json()) as Record<string, any>;
const send = (method: string, path: string, auth: Record<string, string>, body?: unknown) =>
  stack.request(path, { method, headers: { ...auth, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

beforeAll(async () => {
  stack = await createTestStack({ now: () => clock, env: { PUBLIC_URL: PUBLIC } });
});

/** Well-formed XML, an Atom feed, and the elements RFC 4287 requires of a feed and of every entry. */
function assertValidAtom(xml: string): void {
  const parser = new SAXParser(true, { xmlns: true });
  const path: string[] = [];
  const seen = new Map<string, Set<string>>();
  let entry = 0;
  parser.onerror = (error) => {
    throw error;
  };
  parser.onopentag = (node) => {
    const tag = node as unknown as { local: string; uri: string };
    if (path.length === 0) expect([tag.local, tag.uri]).toEqual(['feed', 'http://www.w3.org/2005/Atom']);
    if (tag.local === 'entry') entry++;
    const owner = path.at(-1) === 'entry' ? `entry${entry}` : path.at(-1) ?? 'root';
    seen.set(owner, (seen.get(owner) ?? new Set()).add(tag.local));
    path.push(tag.local);
  };
  parser.onclosetag = () => void path.pop();
  parser.write(xml).close();
  for (const required of ['id', 'title', 'updated', 'author', 'link']) expect(seen.get('feed'), `feed/${required}`).toContain(required);
  for (let i = 1; i <= entry; i++) for (const required of ['id', 'title', 'updated', 'link']) expect(seen.get(`entry${i}`), `entry ${i}/${required}`).toContain(required);
}

const items = (prefix: string, count: number): RssItem[] =>
  Array.from({ length: count }, (_, i) => ({
    guid: `${prefix}-${i}`,
    title: `${prefix} story ${i} & more`,
    link: `https://out.example/${prefix}/${i}`,
    pubDate: new Date(clock.getTime() - (i + 1) * 3600_000).toUTCString(),
    category: i % 2 ? 'Economy' : 'World',
    description: `Short of ${prefix} ${i}.`,
    content: `<p>The whole of ${prefix} story ${i}.</p>`,
  }));

async function publisherWith(slug: string, count: number) {
  const { auth } = await stack.createPublisher(slug, { articlePrice: 30, freeArticlesPerMonth: 0 });
  await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...auth, 'content-type': 'application/rss+xml' }, body: rss2(items(slug, count)) });
  const cards = (await json(await stack.request(`/v1/articles?publisher=${slug}`))).items as Array<{ id: string; title: string }>;
  return { auth, cards };
}

describe('public feeds', () => {
  it('give every publisher an Atom feed of teasers linking to the article pages, and each section its own', async () => {
    const { cards } = await publisherWith('out-desk', 4);
    const response = await stack.request('/feeds/out-desk.atom');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    const xml = await response.text();
    assertValidAtom(xml);
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe('The out-desk');
    expect(feed.items.map((entry) => entry.title)).toEqual(cards.map((card) => card.title));
    expect(feed.items[0]!.link).toBe(`${PUBLIC}/articles/${cards[0]!.id}`);
    expect(feed.items[0]!.summary).toContain('30 points');
    // Teasers only: the full text stays behind the paywall.
    expect(xml).not.toContain('The whole of');

    const world = await new Parser().parseString(await (await stack.request('/feeds/out-desk/world.atom')).text());
    expect(world.items.map((entry) => entry.title)).toEqual(['out-desk story 0 & more', 'out-desk story 2 & more']);
    expect((await stack.request('/feeds/out-desk/sports.atom')).status).toBe(404);
    expect((await stack.request('/feeds/nobody-here.atom')).status).toBe(404);
    expect((await stack.request('/feeds/out-desk.rss')).status).toBe(404);
    // No publisher can take the private feeds' path.
    const reserved = await stack.request('/v1/admin/publishers', { method: 'POST', headers: stack.admin, body: JSON.stringify({ slug: 'private', name: 'Private' }) });
    expect(reserved.status).toBe(400);
  });

  it('answer a conditional GET with 304 while nothing changed, and with the new feed once it did', async () => {
    const { auth } = await publisherWith('out-cond', 2);
    const first = await stack.request('/feeds/out-cond.atom');
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await stack.request('/feeds/out-cond.atom', { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await stack.request('/feeds/out-cond.atom', { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...auth, 'content-type': 'application/rss+xml' }, body: rss2([{ guid: 'out-cond-new', title: 'A newer story', link: 'https://out.example/new', pubDate: new Date(clock.getTime() - 60_000).toUTCString(), description: 'New.', content: '<p>New.</p>' }]) });
    const changed = await stack.request('/feeds/out-cond.atom', { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });
});

describe('a reader’s private feed', () => {
  it('carries in full what the reader unlocked and what their subscription gives, and stops at once when revoked or replaced', async () => {
    const paid = await publisherWith('out-paid', 3);
    const subscribed = await publisherWith('out-sub', 2);
    await stack.request('/v1/publisher', { method: 'PATCH', headers: { ...subscribed.auth, 'content-type': 'application/json' }, body: JSON.stringify({ plans: [{ planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 290, trialDays: 30 }] }) });
    const reader = await stack.signUp('out_reader');
    expect((await send('POST', `/v1/articles/${paid.cards[1]!.id}/unlock`, reader.auth)).status).toBe(200);
    expect((await send('POST', '/v1/publishers/out-sub/trial', reader.auth, {})).status).toBe(201);

    const created = await send('POST', '/v1/me/private-feed', reader.auth);
    expect(created.status).toBe(201);
    const { url } = await json(created);
    expect(url).toMatch(new RegExp(`^${PUBLIC}/feeds/private/[\\w-]+\\.atom$`));
    const path = new URL(url).pathname;
    const response = await stack.request(path);
    expect(response.headers.get('cache-control')).toBe('private, max-age=60');
    const xml = await response.text();
    assertValidAtom(xml);
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe("@out_reader's library on postwire");
    const titles = feed.items.map((entry) => entry.title).sort();
    expect(titles).toEqual([`${paid.cards[1]!.title} (The out-paid)`, ...subscribed.cards.map((card) => `${card.title} (The out-sub)`)].sort());
    expect(feed.items.every((entry) => /The whole of out-/.test(entry.content ?? ''))).toBe(true);
    expect(xml).not.toContain(reader.userId);
    // The address's digest is bookkeeping: neither the profile nor the export shows it.
    expect(JSON.stringify(await json(await stack.request('/v1/me', { headers: reader.auth })))).not.toMatch(/privateFeed/);
    expect(JSON.stringify(await json(await stack.request('/v1/me/export', { headers: reader.auth })))).not.toMatch(/privateFeed/);

    // A new address replaces the old one; revoking leaves none.
    const { url: replacement } = await json(await send('POST', '/v1/me/private-feed', reader.auth));
    expect((await stack.request(path)).status).toBe(404);
    expect((await stack.request(new URL(replacement).pathname)).status).toBe(200);
    expect(await json(await send('DELETE', '/v1/me/private-feed', reader.auth))).toEqual({ revoked: true });
    expect((await stack.request(new URL(replacement).pathname)).status).toBe(404);
    expect(await json(await send('DELETE', '/v1/me/private-feed', reader.auth))).toEqual({ revoked: false });
    expect((await stack.request('/feeds/private/not-a-token.atom')).status).toBe(404);
    expect((await send('POST', '/v1/me/private-feed', {})).status).toBe(401);
  });
});
