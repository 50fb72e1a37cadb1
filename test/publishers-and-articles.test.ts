import { beforeAll, describe, expect, it } from 'vitest';
import { articleItems, rss2 } from './support/feeds.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await createTestStack();
});

const json = async (response: Response) => (await response.json()) as Record<string, any>;

describe('creating publishers', () => {
  it('returns the API key once and never shows its hash', async () => {
    const response = await stack.request('/v1/admin/publishers', {
      method: 'POST',
      headers: stack.admin,
      body: JSON.stringify({ slug: 'kyiv-post', name: 'Kyiv Post', homepageUrl: 'https://kyiv.example', articlePrice: 30, freeArticlesPerMonth: 2 }),
    });
    expect(response.status).toBe(201);
    const body = await json(response);
    expect(body.apiKey).toMatch(/^pk_kyiv-post_[A-Za-z0-9_-]{43}$/);
    expect(body.publisher).toEqual({
      slug: 'kyiv-post',
      name: 'Kyiv Post',
      homepageUrl: 'https://kyiv.example',
      articlePrice: 30,
      freeArticlesPerMonth: 2,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const shown = await json(await stack.request('/v1/publishers/kyiv-post'));
    expect(JSON.stringify(shown)).not.toMatch(/apiKey|Hash/i);
  });

  it('gives a slug to exactly one of 10 concurrent creates; the rest get 409', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        stack.request('/v1/admin/publishers', { method: 'POST', headers: stack.admin, body: JSON.stringify({ slug: 'contested', name: `Claimant ${i}` }) }),
      ),
    );
    const statuses = attempts.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    const conflict = await json(attempts.find((response) => response.status === 409)!);
    expect(conflict.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('contested') });
  });

  it('validates the body and names each bad field', async () => {
    const response = await stack.request('/v1/admin/publishers', {
      method: 'POST',
      headers: stack.admin,
      body: JSON.stringify({ slug: 'Bad Slug!', name: '', articlePrice: -1, homepageUrl: 'javascript:alert(1)', extra: true }),
    });
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error.code).toBe('validation_failed');
    const fields = (body.error.details as Array<{ field: string }>).map((detail) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['slug', 'name', 'articlePrice', 'homepageUrl']));
  });

  it('answers 400 for a body that is not JSON, 401 without the operator token', async () => {
    const notJson = await stack.request('/v1/admin/publishers', { method: 'POST', headers: stack.admin, body: '{nope' });
    expect(notJson.status).toBe(400);
    expect((await json(notJson)).error.code).toBe('validation_failed');
    const anonymous = await stack.request('/v1/admin/publishers', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(anonymous.status).toBe(401);
    const wrong = await stack.request('/v1/admin/publishers', {
      method: 'POST',
      headers: { authorization: 'Bearer wrong-token-wrong-token', 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'x', name: 'X' }),
    });
    expect(wrong.status).toBe(401);
  });
});

describe('a publisher managing itself', () => {
  it('reads and changes its settings; the new default price shows on its cards', async () => {
    const { auth } = await stack.createPublisher('settings', { articlePrice: 20 });
    await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...auth, 'content-type': 'application/rss+xml' }, body: rss2(articleItems(1, 'priced')) });
    const patched = await stack.request('/v1/publisher', {
      method: 'PATCH',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ articlePrice: 45, freeArticlesPerMonth: 3 }),
    });
    expect(await json(patched)).toMatchObject({ slug: 'settings', articlePrice: 45, freeArticlesPerMonth: 3 });
    expect(await json(await stack.request('/v1/publisher', { headers: auth }))).toMatchObject({ articlePrice: 45 });
    const cards = await json(await stack.request('/v1/articles?publisher=settings'));
    expect(cards.items[0].price).toBe(45);
    const empty = await stack.request('/v1/publisher', { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: '{}' });
    expect(empty.status).toBe(400);
    expect((await stack.request('/v1/publisher', { method: 'PATCH', body: '{}' })).status).toBe(401);
  });
});

describe('reading articles', () => {
  let ids: string[] = [];

  beforeAll(async () => {
    const { auth } = await stack.createPublisher('reader-pub', { articlePrice: 15 });
    const { auth: freeAuth } = await stack.createPublisher('free-pub', { articlePrice: 0 });
    await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...auth, 'content-type': 'application/rss+xml' }, body: rss2(articleItems(25, 'r')) });
    await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...freeAuth, 'content-type': 'application/rss+xml' }, body: rss2(articleItems(3, 'f')) });
    ids = (await json(await stack.request('/v1/articles?publisher=reader-pub&limit=100'))).items.map((item: { id: string }) => item.id);
  });

  it('pages through a publisher newest first without duplicates or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await json(await stack.request(`/v1/articles?publisher=reader-pub&limit=10${cursor ? `&cursor=${cursor}` : ''}`));
      seen.push(...page.items.map((item: { id: string }) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect(new Set(seen).size).toBe(25);
    const dates = (await json(await stack.request('/v1/articles?publisher=reader-pub&limit=100'))).items.map((item: { publishedAt: string }) => item.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('filters by section, with or without a publisher', async () => {
    const economy = await json(await stack.request('/v1/articles?publisher=reader-pub&section=Economy&limit=100'));
    expect(economy.items).toHaveLength(12);
    expect(new Set(economy.items.map((item: { section: string }) => item.section))).toEqual(new Set(['Economy']));
    const allWorld = await json(await stack.request('/v1/articles?section=world&limit=100'));
    const slugs = allWorld.items.map((item: { publisher: { slug: string } }) => item.publisher.slug);
    expect(slugs).toEqual(expect.arrayContaining(['reader-pub', 'free-pub']));
    expect(new Set(allWorld.items.map((item: { section: string }) => item.section))).toEqual(new Set(['World']));
  });

  it('refuses a cursor that was forged, edited, or issued for another listing', async () => {
    const page = await json(await stack.request('/v1/articles?publisher=reader-pub&limit=5'));
    const foreign = await stack.request(`/v1/articles?publisher=free-pub&cursor=${page.nextCursor}`);
    expect(foreign.status).toBe(400);
    const [payload, signature] = (page.nextCursor as string).split('.');
    const edited = Buffer.from(JSON.stringify({ PK: 'PUB#other', SK: 'PUB' })).toString('base64url');
    expect((await stack.request(`/v1/articles?publisher=reader-pub&cursor=${edited}.${signature}`)).status).toBe(400);
    expect((await stack.request(`/v1/articles?publisher=reader-pub&cursor=${payload}`)).status).toBe(400);
    expect((await json(await stack.request('/v1/articles?limit=500'))).error.code).toBe('validation_failed');
  });

  it('shows a priced article as a teaser with an offer, and a free one in full', async () => {
    const priced = await json(await stack.request(`/v1/articles/${ids[0]}`));
    expect(priced.access).toEqual({ granted: false });
    expect(priced.contentHtml).toBeUndefined();
    expect(priced.offer).toEqual({ price: 15, freeRemaining: 1, plans: [] });
    expect(priced.article.teaserHtml).toContain('<p>');
    const freeId = (await json(await stack.request('/v1/articles?publisher=free-pub'))).items[0].id;
    const free = await json(await stack.request(`/v1/articles/${freeId}`));
    expect(free.access).toEqual({ granted: true, via: 'free' });
    expect(free.contentHtml).toContain('Paragraph two adds context.');
  });

  it('reads an article with its publisher in one DynamoDB round trip', async () => {
    stack.deps.db.roundTrips.reset();
    await stack.request(`/v1/articles/${ids[3]}`);
    expect(stack.deps.db.roundTrips.total).toBe(1);
  });

  it('answers 404 for unknown or malformed ids and unknown publishers', async () => {
    expect((await stack.request('/v1/articles/reader-pub_AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    expect((await stack.request('/v1/articles/..%2F..%2Fetc')).status).toBe(404);
    expect((await stack.request('/v1/publishers/nobody-here')).status).toBe(404);
    const missing = await stack.request('/v1/nothing');
    expect(missing.status).toBe(404);
    expect((await json(missing)).error.code).toBe('not_found');
  });

  it('lists publishers', async () => {
    const page = await json(await stack.request('/v1/publishers?limit=100'));
    expect(page.items.map((publisher: { slug: string }) => publisher.slug)).toEqual(expect.arrayContaining(['reader-pub', 'free-pub']));
    // A listed publisher is the same object as the one shown alone.
    const listed = page.items.find((publisher: { slug: string }) => publisher.slug === 'reader-pub');
    expect(listed).toEqual(await json(await stack.request('/v1/publishers/reader-pub')));
  });
});

describe('the API description', () => {
  it('serves an OpenAPI document built from the validation schemas, and a docs page', async () => {
    const document = await json(await stack.request('/openapi.json'));
    expect(document.openapi).toBe('3.1.0');
    for (const path of [
      '/v1/admin/publishers',
      '/v1/publisher/ingest',
      '/v1/publisher/feeds',
      '/v1/publisher/feeds/{feedId}/refresh',
      '/v1/articles',
      '/v1/articles/{id}',
      '/v1/articles/{id}/unlock',
      '/v1/auth/signup',
      '/v1/auth/login',
      '/v1/me',
      '/v1/me/wallet',
      '/v1/me/library',
      '/v1/publisher/stats',
      '/v1/posts',
      '/v1/posts/{id}',
      '/v1/posts/{id}/like',
      '/v1/posts/{id}/tip',
      '/v1/follows',
      '/v1/timeline',
      '/v1/users/{handle}',
      '/v1/articles/{id}/gifts',
      '/v1/gifts/{giftId}/redeem',
      '/v1/publishers/{slug}/trial',
      '/v1/points/packs',
    ]) {
      expect(document.paths).toHaveProperty([path]);
    }
    const ingestParameters = document.paths['/v1/publisher/ingest'].post.parameters as Array<{ name: string; in: string }>;
    expect(ingestParameters).toContainEqual(expect.objectContaining({ name: 'idempotency-key', in: 'header' }));
    const createPublisher = document.components.schemas.CreatePublisher;
    expect(createPublisher.properties.slug.pattern).toBeDefined();
    expect(createPublisher.required).toEqual(expect.arrayContaining(['slug', 'name']));
    const docs = await stack.request('/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/openapi.json');
  });

  it('answers /health', async () => {
    expect(await json(await stack.request('/health'))).toEqual({ ok: true });
  });
});
