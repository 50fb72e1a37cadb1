import { gzipSync, brotliCompressSync, deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchDueFeeds, type FeedJobSink } from '../shared/feeds/feed-dispatcher.js';
import type { FeedRef } from '../shared/feeds/feed-store.js';
import { pollFeed } from '../shared/feeds/poll-feed.js';
import { articleItems, encodeWindows1251, rss2 } from './support/feeds.js';
import { FIXTURE_HOST, serve, startFixtureServer, startTlsFixture, type FixtureServer } from './support/fixture-server.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
let fixtures: FixtureServer;
let auth: Record<string, string>;
let pathCounter = 0;

beforeAll(async () => {
  fixtures = await startFixtureServer();
  stack = await createTestStack({ env: { FEED_TIMEOUT_MS: '1500' }, feedRuntime: { trustedAddresses: [FIXTURE_HOST] } });
  ({ auth } = await stack.createPublisher('poller'));
});

afterAll(async () => {
  await fixtures.close();
});

async function register(url: string, section?: string) {
  const response = await stack.request('/v1/publisher/feeds', {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ url, ...(section ? { section } : {}) }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { feed: { feedId: string } }).feed.feedId;
}

async function refresh(feedId: string) {
  const response = await stack.request(`/v1/publisher/feeds/${feedId}/refresh`, { method: 'POST', headers: auth });
  expect(response.status).toBe(200);
  return (await response.json()) as Record<string, any>;
}

/** A fresh path per test, so feeds never collide. */
function path(name: string) {
  return `/${name}-${++pathCounter}.xml`;
}

/** Registers a fixture that answers with `handler` and returns the outcome of one refresh. */
async function refreshFixture(handler: Parameters<FixtureServer['route']>[1], name = 'feed') {
  const feedPath = path(name);
  fixtures.route(feedPath, handler);
  const feedId = await register(fixtures.url(feedPath));
  return { feedId, feedPath, result: await refresh(feedId) };
}

/** After any failure, a healthy feed must still ingest. */
async function expectHealthyFeedStillIngests() {
  const { result } = await refreshFixture(serve(rss2(articleItems(2, `healthy${pathCounter}`))), 'healthy');
  expect(result).toMatchObject({ outcome: 'fetched', created: 2 });
}

describe('polling a registered feed', () => {
  it('fetches, ingests and records the fetch state', async () => {
    const { result } = await refreshFixture(serve(rss2(articleItems(3, 'poll'))), 'ok');
    expect(result).toMatchObject({ outcome: 'fetched', created: 3, updated: 0, unchanged: 0 });
    expect(result.feed).toMatchObject({ lastStatus: 'ok', lastHttpStatus: 200, consecutiveFailures: 0, lastError: null });
    expect(Date.parse(result.feed.nextFetchAt)).toBeGreaterThan(Date.now());
  });

  it('applies the registered section to every item of that feed', async () => {
    const feedPath = path('section');
    fixtures.route(feedPath, serve(rss2(articleItems(2, 'sectioned'))));
    const feedId = await register(fixtures.url(feedPath), 'Europe');
    await refresh(feedId);
    const list = (await (await stack.request('/v1/articles?section=europe')).json()) as { items: Array<{ section: string }> };
    expect(list.items.map((item) => item.section)).toEqual(['Europe', 'Europe']);
  });

  it('sends ETag and Last-Modified back, and a 304 costs no parse and no write', async () => {
    const feedPath = path('conditional');
    fixtures.route(feedPath, (request, response) => {
      if (request.headers['if-none-match'] === '"v1"') {
        response.writeHead(304, { etag: '"v1"', 'last-modified': 'Thu, 26 Nov 2026 10:00:00 GMT' }).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Wed, 25 Nov 2026 10:00:00 GMT' });
      response.end(rss2(articleItems(2, 'cond')));
    });
    const feedId = await register(fixtures.url(feedPath));
    expect((await refresh(feedId)).created).toBe(2);
    stack.deps.db.roundTrips.reset();
    const second = await refresh(feedId);
    expect(second).toMatchObject({ outcome: 'not_modified', created: 0, updated: 0, unchanged: 0 });
    expect(stack.deps.db.roundTrips.count('BatchWriteItemCommand')).toBe(0);
    expect(stack.deps.db.roundTrips.count('BatchGetItemCommand')).toBe(0);
    const [, conditional] = fixtures.hits(feedPath);
    expect(conditional).toMatchObject({ 'if-none-match': '"v1"', 'if-modified-since': 'Wed, 25 Nov 2026 10:00:00 GMT' });
    // The 304 carried a newer Last-Modified; it is what we send next time.
    await refresh(feedId);
    expect(fixtures.hits(feedPath)[2]).toMatchObject({ 'if-modified-since': 'Thu, 26 Nov 2026 10:00:00 GMT' });
  });

  it('reads a Windows-1251 feed whose charset only the Content-Type header names', async () => {
    const xml = rss2([{ guid: 'ru', title: 'Выборы в регионе', link: 'https://translator.example/vybory' }]).replace(' encoding="UTF-8"', '');
    const { result } = await refreshFixture(serve(encodeWindows1251(xml), { 'content-type': 'application/rss+xml; charset=windows-1251' }), 'cp1251');
    expect(result).toMatchObject({ outcome: 'fetched', created: 1 });
    const list = (await (await stack.request('/v1/articles?publisher=poller&limit=100')).json()) as { items: Array<{ title: string }> };
    expect(list.items.map((item) => item.title)).toContain('Выборы в регионе');
  });

  it('reads gzip, deflate and brotli bodies', async () => {
    const body = rss2(articleItems(1, 'compressed'));
    for (const [encoding, compress] of [
      ['gzip', gzipSync],
      ['deflate', deflateSync],
      ['br', brotliCompressSync],
    ] as const) {
      const { result } = await refreshFixture(serve(compress(Buffer.from(body.replaceAll('compressed', encoding))), { 'content-encoding': encoding }), encoding);
      expect(result).toMatchObject({ outcome: 'fetched', created: 1 });
    }
  });

  it('follows a redirect chain, and changes the stored URL only when every hop is permanent', async () => {
    const final = path('final');
    fixtures.route(final, serve(rss2(articleItems(1, 'moved'))));
    const hop2 = path('hop');
    fixtures.route(hop2, (_q, r) => r.writeHead(308, { location: final }).end());
    const hop1 = path('hop');
    fixtures.route(hop1, (_q, r) => r.writeHead(301, { location: fixtures.url(hop2) }).end());
    const permanent = await refresh(await register(fixtures.url(hop1)));
    expect(permanent).toMatchObject({ outcome: 'fetched', created: 1 });
    expect(permanent.feed.url).toBe(fixtures.url(final));

    const temporary = path('temp');
    fixtures.route(temporary, (_q, r) => r.writeHead(302, { location: final }).end());
    const viaTemporary = await refresh(await register(fixtures.url(temporary)));
    expect(viaTemporary.outcome).toBe('fetched');
    expect(viaTemporary.feed.url).toBe(fixtures.url(temporary));
  });

  it('gives up after five redirects', async () => {
    const loop = path('loop');
    fixtures.route(loop, (_q, r) => r.writeHead(302, { location: loop }).end());
    const { result } = await refreshFixture((_q, r) => r.writeHead(302, { location: loop }).end(), 'loop-start');
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'too_many_redirects' } });
  });
});

describe('feeds that fail are recorded, backed off or paused, and never block the others', () => {
  it('a 500 is recorded and backs off', async () => {
    const { result } = await refreshFixture(serve('oops', {}, 500), 'error500');
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'http_error' } });
    expect(result.feed).toMatchObject({ lastStatus: 'error', lastHttpStatus: 500, consecutiveFailures: 1, lastError: expect.stringContaining('500') });
    await expectHealthyFeedStillIngests();
  });

  it('a 429 with Retry-After is not fetched again before the server allows', async () => {
    const { result } = await refreshFixture(serve('slow down', { 'retry-after': '7200' }, 429), 'ratelimited');
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'rate_limited' } });
    expect(Date.parse(result.feed.nextFetchAt)).toBeGreaterThanOrEqual(Date.now() + 7100_000);
    const unavailable = await refreshFixture(serve('maintenance', { 'retry-after': new Date(Date.now() + 3 * 3600_000).toUTCString() }, 503), 'unavailable');
    expect(Date.parse(unavailable.result.feed.nextFetchAt)).toBeGreaterThanOrEqual(Date.now() + 2.9 * 3600_000);
    await expectHealthyFeedStillIngests();
  });

  it('a 410 Gone pauses the feed and says why', async () => {
    const { result } = await refreshFixture(serve('gone', {}, 410), 'gone');
    expect(result.feed).toMatchObject({ lastStatus: 'paused', nextFetchAt: null, pausedReason: expect.stringContaining('410') });
    await expectHealthyFeedStillIngests();
  });

  it('a server that never answers is cut off at the deadline', async () => {
    const { result } = await refreshFixture(() => undefined, 'silent');
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'timeout' } });
    await expectHealthyFeedStillIngests();
  });

  it('a server dripping one byte every 500 ms is cut off at the total deadline', async () => {
    let closedByUs = false;
    const { result } = await refreshFixture((request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      const drip = setInterval(() => response.write('<'), 500);
      request.socket.on('close', () => {
        closedByUs = true;
        clearInterval(drip);
      });
    }, 'drip');
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'timeout' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closedByUs).toBe(true);
    await expectHealthyFeedStillIngests();
  });

  it('an oversized body is refused while streaming', async () => {
    const small = await createTestStack({ env: { FEED_MAX_BYTES: '100000' }, feedRuntime: { trustedAddresses: [FIXTURE_HOST] } });
    const { auth: smallAuth } = await small.createPublisher('tiny');
    const feedPath = path('huge');
    fixtures.route(feedPath, (_q, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml' });
      response.end(Buffer.alloc(300_000, 'a'));
    });
    const created = await small.request('/v1/publisher/feeds', {
      method: 'POST',
      headers: { ...smallAuth, 'content-type': 'application/json' },
      body: JSON.stringify({ url: fixtures.url(feedPath) }),
    });
    const { feed } = (await created.json()) as { feed: { feedId: string } };
    const result = (await (await small.request(`/v1/publisher/feeds/${feed.feedId}/refresh`, { method: 'POST', headers: smallAuth })).json()) as Record<string, any>;
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'too_large' } });
    await expectHealthyFeedStillIngests();
  });

  it('a gzip bomb is stopped at the decoded size cap, not inflated into memory', async () => {
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0)); // ~200 KB on the wire, 200 MB inflated
    expect(bomb.length).toBeLessThan(500 * 1024);
    const heapBefore = process.memoryUsage().rss;
    const { result } = await refreshFixture(serve(bomb, { 'content-encoding': 'gzip' }), 'bomb');
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'too_large' } });
    expect(process.memoryUsage().rss - heapBefore).toBeLessThan(100 * 1024 * 1024);
    await expectHealthyFeedStillIngests();
  });

  it('malformed XML is recorded as a failure, the same way twice, and the next feed ingests', async () => {
    const broken = '<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</item></channel></rss>';
    const first = await refreshFixture(serve(broken), 'broken');
    const second = await refresh(first.feedId);
    expect(first.result).toMatchObject({ outcome: 'failed', error: { code: 'unprocessable_feed' } });
    expect(second.error).toEqual(first.result.error);
    expect(second.feed.consecutiveFailures).toBe(2);
    await expectHealthyFeedStillIngests();
  });

  it('an entity bomb from a feed URL is refused unexpanded', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title></channel></rss>`;
    const { result } = await refreshFixture(serve(bomb), 'entities');
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'unprocessable_feed', message: expect.stringMatching(/entities/) } });
    await expectHealthyFeedStillIngests();
  });

  it('pauses a feed after ten consecutive failures and says why', async () => {
    const { feedId } = await refreshFixture(serve('nope', {}, 500), 'flaky');
    let last: Record<string, any> = {};
    for (let i = 0; i < 9; i++) last = await refresh(feedId);
    expect(last.feed).toMatchObject({ lastStatus: 'paused', consecutiveFailures: 10, nextFetchAt: null });
    expect(last.feed.pausedReason).toMatch(/10 consecutive failures/);
  });
});

describe('the SSRF guard', () => {
  it.each([
    ['127.0.0.1', 'http://127.0.0.1:9/feed'],
    ['169.254.169.254', 'http://169.254.169.254/latest/meta-data/'],
    ['[::ffff:127.0.0.1]', 'http://[::ffff:127.0.0.1]:9/feed'],
    ['0177.0.0.1', 'http://0177.0.0.1:9/feed'],
    ['64:ff9b::a9fe:a9fe', 'http://[64:ff9b::a9fe:a9fe]/'],
  ])('refuses a redirect to %s before connecting', async (_name, target) => {
    const { result } = await refreshFixture((_q, r) => r.writeHead(302, { location: target }).end(), 'redirect-private');
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'blocked_address' } });
    await expectHealthyFeedStillIngests();
  });

  it('refuses a host name that resolves to a private address at connect time (DNS rebinding)', async () => {
    let lookups = 0;
    const rebinding = await createTestStack({
      feedRuntime: {
        trustedAddresses: [FIXTURE_HOST],
        // The name looked public when the feed was registered; now it answers with loopback.
        resolver: async () => [{ address: lookups++ === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 }],
      },
    });
    const { auth: rebindAuth } = await rebinding.createPublisher('rebind');
    const created = await rebinding.request('/v1/publisher/feeds', {
      method: 'POST',
      headers: { ...rebindAuth, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'http://feeds.rebind.example/rss' }),
    });
    const { feed } = (await created.json()) as { feed: { feedId: string } };
    const result = (await (await rebinding.request(`/v1/publisher/feeds/${feed.feedId}/refresh`, { method: 'POST', headers: rebindAuth })).json()) as Record<string, any>;
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'blocked_address', message: expect.stringContaining('loopback') } });
  });

  it('refuses to register a feed on a private address, and says why', async () => {
    for (const url of ['http://127.0.0.1:8080/feed', 'http://169.254.169.254/latest/', 'http://[::ffff:127.0.0.1]/', 'http://[::127.0.0.1]/', 'http://0177.0.0.1/', 'http://10.0.0.7/rss']) {
      const response = await stack.request('/v1/publisher/feeds', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ url }),
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/non-public address/);
    }
  });

  it('verifies TLS certificates: a self-signed feed host is refused', async () => {
    const tls = await startTlsFixture();
    try {
      const result = await refresh(await register(tls.url));
      expect(result).toMatchObject({ outcome: 'failed', error: { code: 'network', message: expect.stringMatching(/SELF_SIGNED|certificate/i) } });
      expect(tls.requests()).toBe(0);
    } finally {
      await tls.close();
    }
  });

  it('an external entity pointing at a URL causes no request to it', async () => {
    fixtures.route('/exfiltrate', serve('secret'));
    const document = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY leak SYSTEM "${fixtures.url('/exfiltrate')}">]><rss version="2.0"><channel><title>&leak;</title><item><title>&leak;</title><link>https://x.example/</link></item></channel></rss>`;
    const { result } = await refreshFixture(serve(document), 'xxe');
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'unprocessable_feed' } });
    expect(fixtures.hits('/exfiltrate')).toHaveLength(0);
  });

  it('refuses at registration a feed URL that carries a user name or password', async () => {
    for (const url of ['https://user:secret@feeds.example/rss', 'https://user@feeds.example/rss']) {
      const response = await stack.request('/v1/publisher/feeds', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ url }) });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/user name or password/);
    }
  });

  it('gives a feed URL to the first publisher that registers it; another gets 409 until the owner lets go', async () => {
    const feedPath = path('owned');
    fixtures.route(feedPath, serve(rss2(articleItems(1, 'owned'))));
    const url = fixtures.url(feedPath);
    const { auth: rival } = await stack.createPublisher('rival-outlet');
    const registerAs = (who: Record<string, string>, feedUrl: string) =>
      stack.request('/v1/publisher/feeds', { method: 'POST', headers: { ...who, 'content-type': 'application/json' }, body: JSON.stringify({ url: feedUrl }) });
    const feedId = await register(url);
    const taken = await registerAs(rival, url);
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { message: string } }).error.message).toMatch(/registered by another publisher/);
    // The same URL spelled another way is the same feed.
    expect((await registerAs(rival, url.replace(feedPath, `/.${feedPath}`))).status).toBe(409);
    expect((await registerAs(auth, url)).status).toBe(409);
    expect((await stack.request(`/v1/publisher/feeds/${feedId}`, { method: 'DELETE', headers: auth })).status).toBe(204);
    expect((await registerAs(rival, url)).status).toBe(201);
  });

  it('refuses feed URLs that are not http or https', async () => {
    for (const url of ['file:///etc/passwd', 'ftp://example.com/feed', 'gopher://example.com/']) {
      const response = await stack.request('/v1/publisher/feeds', {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ url }),
      });
      expect(response.status).toBe(400);
    }
  });
});

describe('scheduling', () => {
  it('the dispatcher claims each due feed once, and a claimed feed is not due again until its lease ends', async () => {
    const scheduled = await createTestStack({ feedRuntime: { trustedAddresses: [FIXTURE_HOST] } });
    const { auth: scheduledAuth } = await scheduled.createPublisher('scheduled');
    const urls = [path('due'), path('due'), path('due')];
    for (const url of urls) {
      fixtures.route(url, serve(rss2(articleItems(1, url.slice(1, -4)))));
      await scheduled.request('/v1/publisher/feeds', {
        method: 'POST',
        headers: { ...scheduledAuth, 'content-type': 'application/json' },
        body: JSON.stringify({ url: fixtures.url(url) }),
      });
    }
    const jobs: FeedRef[] = [];
    const sink: FeedJobSink = { enqueue: async (batch) => void jobs.push(...batch) };
    const now = new Date(Date.now() + 1000);
    const [first, second] = await Promise.all([
      dispatchDueFeeds(scheduled.deps.db, sink, now),
      dispatchDueFeeds(scheduled.deps.db, sink, now),
    ]);
    expect(first + second).toBe(3);
    expect(new Set(jobs.map((job) => job.feedId)).size).toBe(3);
    expect(await dispatchDueFeeds(scheduled.deps.db, sink, now)).toBe(0);
    for (const job of jobs) {
      expect((await pollFeed(scheduled.deps.feedRuntime, job.publisherSlug, job.feedId)).outcome).toBe('fetched');
    }
    const articles = (await (await scheduled.request('/v1/articles?publisher=scheduled')).json()) as { items: unknown[] };
    expect(articles.items).toHaveLength(3);
  });

  it('honours <ttl> and Cache-Control max-age as the earliest next fetch', async () => {
    const ttl = await refreshFixture(serve(rss2(articleItems(1, 'ttl'), '<ttl>600</ttl>')), 'ttl');
    expect(Date.parse(ttl.result.feed.nextFetchAt)).toBeGreaterThanOrEqual(Date.now() + 590 * 60_000);
    const maxAge = await refreshFixture(serve(rss2(articleItems(1, 'maxage')), { 'cache-control': 'public, max-age=36000' }), 'maxage');
    expect(Date.parse(maxAge.result.feed.nextFetchAt)).toBeGreaterThanOrEqual(Date.now() + 35_900_000);
  });
});

describe('feed management', () => {
  it('lists feeds with their status, refuses duplicates, and deletes', async () => {
    const own = await createTestStack({ feedRuntime: { trustedAddresses: [FIXTURE_HOST] } });
    const { auth: ownAuth } = await own.createPublisher('owner');
    const { auth: otherAuth } = await own.createPublisher('other');
    const headers = { ...ownAuth, 'content-type': 'application/json' };
    const body = JSON.stringify({ url: 'https://owner.example/feed.xml' });
    const created = await own.request('/v1/publisher/feeds', { method: 'POST', headers, body });
    const { feed } = (await created.json()) as { feed: { feedId: string } };
    expect((await own.request('/v1/publisher/feeds', { method: 'POST', headers, body })).status).toBe(409);
    const listed = (await (await own.request('/v1/publisher/feeds', { headers: ownAuth })).json()) as { items: Array<Record<string, unknown>> };
    expect(listed.items).toEqual([
      expect.objectContaining({ feedId: feed.feedId, url: 'https://owner.example/feed.xml', lastStatus: 'pending', consecutiveFailures: 0, lastFetchedAt: null }),
    ]);
    // Another publisher cannot see, refresh or delete it.
    expect((await own.request(`/v1/publisher/feeds/${feed.feedId}/refresh`, { method: 'POST', headers: otherAuth })).status).toBe(404);
    expect((await own.request(`/v1/publisher/feeds/${feed.feedId}`, { method: 'DELETE', headers: otherAuth })).status).toBe(404);
    expect((await own.request(`/v1/publisher/feeds/${feed.feedId}`, { method: 'DELETE' })).status).toBe(401);
    expect((await own.request(`/v1/publisher/feeds/${feed.feedId}`, { method: 'DELETE', headers: ownAuth })).status).toBe(204);
    expect((await own.request(`/v1/publisher/feeds/${feed.feedId}`, { method: 'DELETE', headers: ownAuth })).status).toBe(404);
  });
});
