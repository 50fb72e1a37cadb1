import { beforeAll, describe, expect, it } from 'vitest';
import { articleItems, rss2 } from './support/feeds.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;

beforeAll(async () => {
  stack = await createTestStack();
});

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

  it('the same key with a different body is a 409, and keys of different publishers do not collide', async () => {
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
    expect(mismatch.status).toBe(409);
    expect(((await mismatch.json()) as { error: { message: string } }).error.message).toMatch(/different request/);
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
});
