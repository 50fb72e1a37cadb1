import { beforeAll, describe, expect, it } from 'vitest';
import { claimIdempotencyKey } from '../shared/db/idempotency-store.js';
import { articleItems, rss2 } from './support/feeds.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
let clock = new Date('2026-11-28T12:00:00Z');

beforeAll(async () => {
  stack = await createTestStack({ now: () => clock });
});

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const send = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  stack.request(path, { method, headers: { ...headers, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

describe('Idempotency-Key on mutating endpoints', () => {
  it('a replayed publisher creation returns the first answer, with the same API key, and creates nothing new', async () => {
    const request = () =>
      stack.request('/v1/admin/publishers', {
        method: 'POST',
        headers: { ...stack.admin, 'idempotency-key': 'create-daily-1' },
        body: JSON.stringify({ slug: 'daily', name: 'The Daily' }),
      });
    const first = await request();
    const replay = await request();
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const a = (await first.json()) as { apiKey: string };
    const b = (await replay.json()) as { apiKey: string };
    expect(b).toEqual(a);
    // The replayed key works: it is the one that was stored.
    expect((await stack.request('/v1/publisher', { headers: { authorization: `Bearer ${b.apiKey}` } })).status).toBe(200);
  });

  it('a replayed push is not ingested twice; the answer says what the first push did', async () => {
    const { auth } = await stack.createPublisher('idem-push');
    const push = () =>
      stack.request('/v1/publisher/ingest', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/rss+xml', 'idempotency-key': 'push-42' },
        body: rss2(articleItems(3, 'idem')),
      });
    expect(await (await push()).json()).toMatchObject({ created: 3 });
    stack.deps.db.roundTrips.reset();
    expect(await (await push()).json()).toMatchObject({ created: 3, unchanged: 0 });
    expect(stack.deps.db.roundTrips.count('BatchGetItemCommand')).toBe(0);
  });

  it('the same key with a different body is a 422, and keys of different publishers do not collide', async () => {
    const { auth } = await stack.createPublisher('idem-a');
    const { auth: otherAuth } = await stack.createPublisher('idem-b');
    const register = (headers: Record<string, string>, url: string) =>
      stack.request('/v1/publisher/feeds', {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': 'feed-1' },
        body: JSON.stringify({ url }),
      });
    expect((await register(auth, 'https://a.example/feed')).status).toBe(201);
    const mismatch = await register(auth, 'https://a.example/other-feed');
    expect(mismatch.status).toBe(422);
    expect(((await mismatch.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'idempotency_key_reused', message: expect.stringMatching(/different request/) });
    expect((await register(otherAuth, 'https://b.example/feed')).status).toBe(201);
  });

  it('a failed request does not burn its key', async () => {
    const { auth } = await stack.createPublisher('idem-fix');
    const send = (url: string) =>
      stack.request('/v1/publisher/feeds', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': 'retry-me' },
        body: JSON.stringify({ url }),
      });
    expect((await send('ftp://wrong.example/feed')).status).toBe(400);
    expect((await send('https://right.example/feed')).status).toBe(201);
  });

  it('binds a key to its request: the same key on an unlock of another article is a 422 and charges nothing', async () => {
    const { ids } = await stack.publisherWithArticles('idem-unlock', 2, { settings: { articlePrice: 10, freeArticlesPerMonth: 0 } });
    const reader = await stack.signUp('idem_reader');
    const keyed = { ...reader.auth, 'idempotency-key': 'unlock-once' };
    expect(await json(await send('POST', `/v1/articles/${ids[0]}/unlock`, keyed))).toMatchObject({ charged: 10, balance: 40 });
    const other = await send('POST', `/v1/articles/${ids[1]}/unlock`, keyed);
    expect(other.status).toBe(422);
    expect((await json(other)).error.code).toBe('idempotency_key_reused');
    expect((await json(await stack.request('/v1/me/wallet', { headers: reader.auth }))).balance).toBe(40);
  });

  it('a retried post, gift link, follow or sign-up with its key does not happen twice', async () => {
    const {
      ids: [articleId],
    } = await stack.publisherWithArticles('idem-social', 1, { settings: { articlePrice: 10, freeArticlesPerMonth: 0 } });
    const ana = await stack.signUp('idem_ana');
    await stack.signUp('idem_ben');
    const twice = async (method: string, path: string, key: string, body?: unknown) => {
      const first = await send(method, path, { ...ana.auth, 'idempotency-key': key }, body);
      const again = await send(method, path, { ...ana.auth, 'idempotency-key': key }, body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.status).toBe(first.status);
      return [await first.text(), await again.text()] as const;
    };
    const [post, postAgain] = await twice('POST', '/v1/posts', 'post-1', { text: 'Said once' });
    expect(postAgain).toBe(post);
    expect((await json(await stack.request('/v1/users/idem_ana/posts'))).items).toHaveLength(1);

    await send('POST', `/v1/articles/${articleId}/unlock`, ana.auth);
    const [gift, giftAgain] = await twice('POST', `/v1/articles/${articleId}/gifts`, 'gift-1');
    expect(JSON.parse(giftAgain).gift.giftId).toBe(JSON.parse(gift).gift.giftId);
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await send('POST', `/v1/articles/${articleId}/gifts`, ana.auth)).status);
    // One link was made by the two keyed calls, so four more fit this month's five.
    expect(statuses).toEqual([201, 201, 201, 201, 409]);

    await twice('POST', '/v1/follows', 'follow-1', { handle: 'idem_ben' });
    const [unfollow] = await twice('DELETE', '/v1/follows/user/idem_ben', 'unfollow-1');
    expect(unfollow).toBe('');

    const signup = () =>
      send('POST', '/v1/auth/signup', { 'idempotency-key': 'signup-1' }, { email: 'idem_cy@readers.example', password: 'correct horse battery', handle: 'idem_cy' });
    const first = await signup();
    const again = await signup();
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await json(again)).user.userId).toBe((await json(first)).user.userId);
  });

  it('a key claimed by a request that died is free again a minute later, not a day', async () => {
    const { auth } = await stack.createPublisher('idem-dead');
    const { slug } = (await json(await stack.request('/v1/publisher', { headers: auth })));
    const body = JSON.stringify({ url: 'https://dead.example/feed' });
    // What a function killed mid-request leaves behind: a claim, never completed.
    const { createHash } = await import('node:crypto');
    const fingerprint = createHash('sha256').update('POST /v1/publisher/feeds\n').update(body).digest('base64url');
    expect(await claimIdempotencyKey(stack.deps.db, `publisher:${slug}`, 'dying-request', fingerprint, clock)).toEqual({ claimed: true });
    const retry = () => stack.request('/v1/publisher/feeds', { method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': 'dying-request' }, body });
    expect((await retry()).status).toBe(409);
    clock = new Date(clock.getTime() + 61_000);
    try {
      expect((await retry()).status).toBe(201);
    } finally {
      clock = new Date('2026-11-28T12:00:00Z');
    }
  });

  it('every authenticated mutating operation documents the header', async () => {
    const document = await json(await stack.request('/openapi.json'));
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, { security?: unknown[]; parameters?: Array<{ name: string; in: string }> }>>)) {
      for (const method of ['post', 'put', 'patch', 'delete']) {
        const operation = operations[method];
        if (!operation?.security?.length) continue;
        if (!operation.parameters?.some((parameter) => parameter.in === 'header' && parameter.name === 'idempotency-key')) missing.push(`${method} ${path}`);
      }
    }
    expect(missing).toEqual([]);
    expect(document.paths['/v1/auth/signup'].post.parameters).toContainEqual(expect.objectContaining({ name: 'idempotency-key' }));
  });
});
