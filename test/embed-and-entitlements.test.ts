/**
 * What a publisher's own site uses: an article found by its address, answered
 * with CORS only to the origins the publisher allows, and entitlement tokens
 * its servers verify offline with a standard JOSE library against the JWKS.
 */
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rss2 } from './support/feeds.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
const SITE = 'https://www.dailydesk.example';

const item = (guid: string, link: string) => ({ guid, title: `Story ${guid}`, link, pubDate: new Date(Date.UTC(2026, 10, 20)).toUTCString(), content: `<p>The full text of ${guid}.</p>` });

async function json(path: string, init?: RequestInit) {
  const response = await stack.request(path, init);
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

beforeAll(async () => {
  stack = await createTestStack();
  for (const [slug, origins] of [['dailydesk', [SITE]], ['syndicator', ['https://syndicator.example']]] as const) {
    const { auth } = await stack.createPublisher(slug, { articlePrice: 20, freeArticlesPerMonth: 0 });
    const patched = await stack.request('/v1/publisher', { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ embedOrigins: origins }) });
    expect(patched.status).toBe(200);
    // Both publishers carry the same story at the same address: syndication.
    await stack.request('/v1/publisher/ingest', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/rss+xml' },
      body: rss2([item(`${slug}-shared`, `${SITE}/world/2026/11/shared-story`), item(`${slug}-own`, `${SITE}/world/2026/11/${slug}-own?id=7`)]),
    });
  }
});

afterAll(() => stack.deps.db.raw.destroy());

describe('embed origins', () => {
  it('accepts origins only, and says which entry is wrong', async () => {
    const { auth } = await stack.createPublisher('origins-check');
    const response = await json('/v1/publisher', { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ embedOrigins: ['https://ok.example', 'https://bad.example/path'] }) });
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([expect.objectContaining({ field: 'embedOrigins.1' })]);
  });
});

describe('an article by its address', () => {
  it('finds the article whatever tracking parameters, fragment or trailing slash the page adds, and says where to read it', async () => {
    const found = await json(`/v1/articles/by-url?url=${encodeURIComponent(`http://WWW.dailydesk.example/world/2026/11/dailydesk-own/?id=7&utm_source=x#comments`)}`);
    expect(found.status).toBe(200);
    expect(found.body.article.title).toBe('Story dailydesk-own');
    expect(found.body.offer).toMatchObject({ price: 20, freeArticlesPerMonth: 0, plans: [] });
    expect(found.body.readUrl).toBe(`${stack.deps.config.feeds.publicUrl}/articles/${found.body.article.id}`);
  });

  it('lets a browser read the answer only on the origins the article\'s publisher allows, and picks that publisher\'s copy', async () => {
    const url = `/v1/articles/by-url?url=${encodeURIComponent(`${SITE}/world/2026/11/shared-story`)}`;
    const onSite = await json(url, { headers: { origin: SITE } });
    expect(onSite.headers.get('access-control-allow-origin')).toBe(SITE);
    expect(onSite.headers.get('vary')).toMatch(/Origin/);
    expect(onSite.body.article.publisher.slug).toBe('dailydesk');

    const onSyndicator = await json(url, { headers: { origin: 'https://syndicator.example' } });
    expect(onSyndicator.headers.get('access-control-allow-origin')).toBe('https://syndicator.example');
    expect(onSyndicator.body.article.publisher.slug).toBe('syndicator');

    const elsewhere = await json(url, { headers: { origin: 'https://evil.example' } });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers 404 for an address no feed gave, and 400 without one', async () => {
    expect((await json(`/v1/articles/by-url?url=${encodeURIComponent(`${SITE}/not/an/article`)}`)).status).toBe(404);
    expect((await json('/v1/articles/by-url?url=')).status).toBe(400);
    expect((await json('/v1/articles/by-url?url=javascript:alert(1)')).status).toBe(404);
  });
});

describe('entitlement tokens', () => {
  async function keySet(): Promise<JSONWebKeySet> {
    const response = await stack.request('/.well-known/jwks.json');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    return (await response.json()) as JSONWebKeySet;
  }

  it('are refused before the reader may read, and verify offline after an unlock, with a per-publisher pseudonym', async () => {
    const reader = await stack.signUp('token_reader');
    const own = (await json(`/v1/articles/by-url?url=${encodeURIComponent(`${SITE}/world/2026/11/dailydesk-own?id=7`)}`)).body.article.id as string;
    const other = (await json(`/v1/articles/by-url?url=${encodeURIComponent(`${SITE}/world/2026/11/syndicator-own?id=7`)}`)).body.article.id as string;
    expect((await json(`/v1/articles/${own}/entitlement`, { headers: reader.auth })).status).toBe(403);
    expect((await json(`/v1/articles/${own}/entitlement`)).status).toBe(401);

    for (const id of [own, other]) expect((await stack.request(`/v1/articles/${id}/unlock`, { method: 'POST', headers: reader.auth })).status).toBe(200);
    const issued = await json(`/v1/articles/${own}/entitlement`, { headers: reader.auth });
    expect(issued.status).toBe(200);
    const keys = createLocalJWKSet(await keySet());
    const { payload, protectedHeader } = await jwtVerify(issued.body.token, keys, { issuer: stack.deps.config.feeds.publicUrl, audience: 'publisher:dailydesk', algorithms: ['ES256'] });
    expect(protectedHeader.kid).toBe(issued.body.keyId);
    expect(payload).toMatchObject({ art: own, via: 'points', url: `${SITE}/world/2026/11/dailydesk-own?id=7` });
    expect(payload.exp! - payload.iat!).toBe(600);
    expect(payload.sub).not.toContain(reader.userId);

    const again = await jwtVerify((await json(`/v1/articles/${own}/entitlement`, { headers: reader.auth })).body.token, keys);
    const elsewhere = await jwtVerify((await json(`/v1/articles/${other}/entitlement`, { headers: reader.auth })).body.token, keys);
    expect(again.payload.sub).toBe(payload.sub);
    expect(elsewhere.payload.sub).not.toBe(payload.sub);

    // A token with one changed claim no longer verifies.
    const [header, , signature] = (issued.body.token as string).split('.');
    const forged = Buffer.from(JSON.stringify({ ...payload, art: other })).toString('base64url');
    await expect(jwtVerify(`${header}.${forged}.${signature}`, keys)).rejects.toThrow();
  });

  it('keep verifying across a key rotation: the new key signs, the old one stays published', async () => {
    const oldKey = { kid: 'k-2026-10', seed: 'o'.repeat(40) };
    const newKey = { kid: 'k-2026-11', seed: 'n'.repeat(40) };
    const before = await createTestStack({ env: { ENTITLEMENT_KEYS: JSON.stringify(oldKey) } });
    const after = await createTestStack({ env: { ENTITLEMENT_KEYS: JSON.stringify([newKey, oldKey]) } });
    try {
      const tokenFor = async (target: TestStack) => {
        const { ids } = await target.publisherWithArticles('rotating', 1);
        const reader = await target.signUp('rotating_reader');
        await target.request(`/v1/articles/${ids[0]}/unlock`, { method: 'POST', headers: reader.auth });
        return ((await (await target.request(`/v1/articles/${ids[0]}/entitlement`, { headers: reader.auth })).json()) as { token: string }).token;
      };
      const oldToken = await tokenFor(before);
      const newToken = await tokenFor(after);
      expect(decodeProtectedHeader(oldToken).kid).toBe('k-2026-10');
      expect(decodeProtectedHeader(newToken).kid).toBe('k-2026-11');
      const rotatedKeys = (await (await after.request('/.well-known/jwks.json')).json()) as JSONWebKeySet;
      expect(rotatedKeys.keys.map((key) => key.kid)).toEqual(['k-2026-11', 'k-2026-10']);
      for (const token of [oldToken, newToken]) await expect(jwtVerify(token, createLocalJWKSet(rotatedKeys))).resolves.toBeDefined();
    } finally {
      before.deps.db.raw.destroy();
      after.deps.db.raw.destroy();
    }
  });
});
