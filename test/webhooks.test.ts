/**
 * Access webhooks as a publisher's server receives them: events from the
 * table's stream, signed (verified here as a receiver would), in order per
 * endpoint, retried after failures, exactly once after deduplication by id,
 * and never sent to a private address.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../shared/webhooks/webhook-signature.js';
import { systemResolver } from '../shared/feeds/fetch/guarded-lookup.js';
import { fetchPolicyOf } from '../shared/feeds/poll-feed.js';
import { deliverDueWebhooks, postEvent } from '../shared/webhooks/webhook-delivery.js';
import { FIXTURE_HOST } from './support/fixture-server.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
let rebindTo = FIXTURE_HOST;
let clock = new Date('2026-11-30T12:00:00Z');
const json = async (response: Response) => (await response.json()) as Record<string, any>;
const send = (method: string, path: string, auth: Record<string, string>, body?: unknown) =>
  stack.request(path, { method, headers: { ...auth, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
}

/** A publisher's webhook receiver on the fixture address: it keeps what it got, fails while `failing` > 0, and answers after `delayMs`. */
let receiver: { url: string; received: Received[]; failing: number; delayMs: number; close(): Promise<void> };

beforeAll(async () => {
  // `hooks.rebind.example` answers with the fixture address until a test turns it to a private one.
  const resolver = async (hostname: string) => (hostname === 'hooks.rebind.example' ? [{ address: rebindTo, family: 4 }] : systemResolver(hostname));
  stack = await createTestStack({ stream: true, now: () => clock, feedRuntime: { trustedAddresses: [FIXTURE_HOST], resolver } });
  const received: Received[] = [];
  const state = { failing: 0, delayMs: 0 };
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (state.failing > 0) {
        state.failing--;
        response.writeHead(503).end('try later');
        return;
      }
      setTimeout(() => {
        received.push({ id: String(request.headers['webhook-id']), timestamp: String(request.headers['webhook-timestamp']), signature: String(request.headers['webhook-signature']), body });
        response.writeHead(204).end();
      }, state.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, FIXTURE_HOST, resolve));
  receiver = {
    url: `http://${FIXTURE_HOST}:${(server.address() as AddressInfo).port}/hooks`,
    received,
    get failing() {
      return state.failing;
    },
    set failing(value: number) {
      state.failing = value;
    },
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(value: number) {
      state.delayMs = value;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
});

afterAll(async () => {
  await receiver.close();
});

/** What the stream produced so far, logged and delivered, as the stream consumer and the delivery worker do. */
async function flush(): Promise<void> {
  await stack.rollUpStats();
  await stack.deliverWebhooks();
}

describe('webhooks', () => {
  it('deliver signed events from the stream that a receiver verifies with its secret, and refuse private addresses', async () => {
    const { auth, ids } = await stack.publisherWithArticles('hook-desk', 3, { settings: { articlePrice: 30, freeArticlesPerMonth: 0 } });
    const refused = await send('POST', '/v1/publisher/webhooks', auth, { url: 'http://10.0.0.7/hooks', events: ['article.unlocked'] });
    expect(refused.status).toBe(400);
    expect((await json(refused)).error.message).toMatch(/non-public/);
    const metadata = await send('POST', '/v1/publisher/webhooks', auth, { url: 'http://169.254.169.254/latest/meta-data', events: ['article.unlocked'] });
    expect(metadata.status).toBe(400);

    const created = await send('POST', '/v1/publisher/webhooks', auth, { url: receiver.url, events: ['article.unlocked', 'article.unlock_undone', 'subscription.started'] });
    expect(created.status).toBe(201);
    const { webhook, secret } = await json(created);
    expect(secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await json(await stack.request('/v1/publisher/webhooks', { headers: auth })))).not.toContain(secret);

    const reader = await stack.signUp('hook_reader');
    await send('POST', `/v1/articles/${ids[0]}/unlock`, reader.auth);
    await flush();
    const [first] = receiver.received.splice(0);
    expect(first).toBeDefined();
    expect(verifyWebhookSignature(secret, first!, first!.body, clock.getTime())).toBe(true);
    expect(verifyWebhookSignature('whsec_' + Buffer.from('not the secret').toString('base64'), first!, first!.body, clock.getTime())).toBe(false);
    expect(verifyWebhookSignature(secret, first!, first!.body.replace('30', '31'), clock.getTime())).toBe(false);
    const event = JSON.parse(first!.body);
    expect(event).toMatchObject({ id: first!.id, type: 'article.unlocked', publisher: 'hook-desk', data: { articleId: ids[0], via: 'points', grossPoints: 30, points: expect.any(Number), reader: expect.any(String) } });
    expect(first!.body).not.toContain(reader.userId);

    const deliveries = await json(await stack.request(`/v1/publisher/webhooks/${webhook.webhookId}/deliveries`, { headers: auth }));
    expect(deliveries.items).toEqual([expect.objectContaining({ eventId: event.id, eventType: 'article.unlocked', ok: true, status: 204 })]);
    // A replay sends the same event, same id, again.
    const replay = await send('POST', `/v1/publisher/webhooks/${webhook.webhookId}/deliveries/${deliveries.items[0].deliveryId}/replay`, auth);
    expect(await json(replay)).toMatchObject({ ok: true, replay: true });
    expect(receiver.received.splice(0).map((got) => got.id)).toEqual([event.id]);

    // A trial starting, and an unlock undone, are events too.
    await send('PATCH', '/v1/publisher', auth, { plans: [{ planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 290, trialDays: 30 }] });
    expect((await send('POST', '/v1/publishers/hook-desk/trial', (await stack.signUp('hook_trialist')).auth, {})).status).toBe(201);
    expect((await send('DELETE', `/v1/articles/${ids[0]}/unlock`, reader.auth)).status).toBe(200);
    await flush();
    const more = receiver.received.splice(0).map((got) => JSON.parse(got.body));
    expect(more.map((got) => got.type).sort()).toEqual(['article.unlock_undone', 'subscription.started']);
    expect(more.find((got) => got.type === 'subscription.started').data).toMatchObject({ plan: 'monthly', kind: 'trial', status: 'trialing' });
  });

  it('reach a receiver that fails five times, every event in order and none lost, after retries with growing pauses', async () => {
    const { auth, ids } = await stack.publisherWithArticles('hook-flaky', 5, { settings: { articlePrice: 10, freeArticlesPerMonth: 0 } });
    const { webhook } = await json(await send('POST', '/v1/publisher/webhooks', auth, { url: receiver.url, events: ['article.unlocked'] }));
    const reader = await stack.signUp('hook_flaky_reader');
    receiver.received.splice(0);
    receiver.failing = 5;
    for (const [i, id] of ids.entries()) {
      clock = new Date(clock.getTime() + 1000 * (i + 1));
      await send('POST', `/v1/articles/${id}/unlock`, reader.auth);
    }
    await flush();
    const pauses: number[] = [];
    for (let round = 0; round < 12 && receiver.received.length < ids.length; round++) {
      const state = (await json(await stack.request('/v1/publisher/webhooks', { headers: auth }))).items.find((item: any) => item.webhookId === webhook.webhookId);
      if (state.failingSince) pauses.push(state.attempts);
      // Time passes to the next retry: a minute, then more.
      clock = new Date(clock.getTime() + 7 * 60_000);
      await stack.deliverWebhooks();
    }
    const types = receiver.received.map((got) => JSON.parse(got.body));
    expect(types.map((event) => event.data.articleId)).toEqual([...ids]);
    expect(new Set(receiver.received.map((got) => got.id)).size).toBe(ids.length);
    expect(pauses.length).toBeGreaterThan(0);
    const deliveries = (await json(await stack.request(`/v1/publisher/webhooks/${webhook.webhookId}/deliveries`, { headers: auth }))).items;
    expect(deliveries.filter((item: any) => !item.ok)).toHaveLength(5);
    expect((await json(await stack.request('/v1/publisher/webhooks', { headers: auth }))).items.find((item: any) => item.webhookId === webhook.webhookId)).not.toHaveProperty('failingSince');
  });

  it('stop at the run’s deadline between two deliveries to a slow receiver, and the next run carries on in order, none twice', async () => {
    const { auth, ids } = await stack.publisherWithArticles('hook-slow', 4, { settings: { articlePrice: 10, freeArticlesPerMonth: 0 } });
    await send('POST', '/v1/publisher/webhooks', auth, { url: receiver.url, events: ['article.unlocked'] });
    const reader = await stack.signUp('hook_slow_reader');
    for (const [i, id] of ids.entries()) {
      clock = new Date(clock.getTime() + 1000 * (i + 1));
      await send('POST', `/v1/articles/${id}/unlock`, reader.auth);
    }
    await stack.rollUpStats();
    receiver.received.splice(0);
    // Each answer takes 400 ms and the run must stop 600 ms after it starts: at most two deliveries begin in time,
    // where a check once a page (25 events) sent all four and ran past the function's timeout.
    receiver.delayMs = 400;
    try {
      await deliverDueWebhooks(stack.deps.db, { ...fetchPolicyOf(stack.deps.feedRuntime), now: () => clock, timeoutMs: 2_000, deadline: Date.now() + 600 });
      expect(receiver.received.length).toBeLessThan(ids.length);
    } finally {
      receiver.delayMs = 0;
    }
    // The endpoint was left due: the next run delivers the rest.
    await stack.deliverWebhooks();
    const unlocked = receiver.received.map((got) => JSON.parse(got.body).data.articleId);
    expect(unlocked).toEqual([...ids]);
  });

  it('cut off a receiver that answers a byte at a time at the POST’s time limit, as a failed delivery', async () => {
    const trickler = http.createServer((request, response) => {
      request.resume();
      response.writeHead(200, { 'content-type': 'text/plain' });
      let bytes = 0;
      const drip = setInterval(() => {
        response.write('.');
        if (++bytes === 30) {
          clearInterval(drip);
          response.end();
        }
      }, 100);
      response.on('close', () => clearInterval(drip));
    });
    await new Promise<void>((resolve) => trickler.listen(0, FIXTURE_HOST, resolve));
    try {
      const url = `http://${FIXTURE_HOST}:${(trickler.address() as AddressInfo).port}/hooks`;
      // Each byte keeps the socket busy, so only a limit on the whole request stops it before its 3 s are up.
      const attempt = await postEvent(url, '{}', {}, { ...fetchPolicyOf(stack.deps.feedRuntime), now: () => clock, timeoutMs: 500 });
      expect(attempt).toMatchObject({ ok: false });
      expect(attempt.error).toMatch(/within 500 ms|aborted/);
    } finally {
      await new Promise<void>((resolve) => trickler.close(() => resolve()));
    }
  });

  it('are disabled after three days of failures, say why, and resume from where they stopped when enabled', async () => {
    const { auth, ids } = await stack.publisherWithArticles('hook-down', 1, { settings: { articlePrice: 10, freeArticlesPerMonth: 0 } });
    const { webhook } = await json(await send('POST', '/v1/publisher/webhooks', auth, { url: receiver.url, events: ['article.unlocked'] }));
    const reader = await stack.signUp('hook_down_reader');
    receiver.received.splice(0);
    receiver.failing = 1_000;
    await send('POST', `/v1/articles/${ids[0]}/unlock`, reader.auth);
    await flush();
    for (let hour = 0; hour < 80; hour += 6) {
      clock = new Date(clock.getTime() + 6 * 3600_000);
      await stack.deliverWebhooks();
    }
    const state = (await json(await stack.request('/v1/publisher/webhooks', { headers: auth }))).items.find((item: any) => item.webhookId === webhook.webhookId);
    expect(state).toMatchObject({ status: 'disabled', disabledReason: expect.stringMatching(/3 days/) });
    receiver.failing = 0;
    expect((await json(await send('POST', `/v1/publisher/webhooks/${webhook.webhookId}/enable`, auth))).webhook.status).toBe('enabled');
    // Enabling makes it due: the next delivery run sends the event that waited, once.
    await stack.deliverWebhooks();
    await stack.deliverWebhooks();
    expect(receiver.received.map((got) => JSON.parse(got.body).data.articleId)).toEqual([ids[0]]);
  });

  it('check the address again at every delivery: a name that turns private after registration gets nothing', async () => {
    const { auth, ids } = await stack.publisherWithArticles('hook-rebind', 1, { settings: { articlePrice: 10, freeArticlesPerMonth: 0 } });
    const port = new URL(receiver.url).port;
    rebindTo = FIXTURE_HOST;
    const { webhook } = await json(await send('POST', '/v1/publisher/webhooks', auth, { url: `http://hooks.rebind.example:${port}/hooks`, events: ['article.unlocked'] }));
    receiver.received.splice(0);
    rebindTo = '10.0.0.9';
    await send('POST', `/v1/articles/${ids[0]}/unlock`, (await stack.signUp('hook_rebind_reader')).auth);
    await flush();
    expect(receiver.received).toHaveLength(0);
    const [attempt] = (await json(await stack.request(`/v1/publisher/webhooks/${webhook.webhookId}/deliveries`, { headers: auth }))).items;
    expect(attempt).toMatchObject({ ok: false, error: expect.stringMatching(/Refused to connect to hooks\.rebind\.example/) });
    rebindTo = FIXTURE_HOST;
  });

  it('sign with both secrets while a rotated one retires, and are managed only by their publisher', async () => {
    const { auth } = await stack.createPublisher('hook-rotate');
    const { webhook, secret: old } = await json(await send('POST', '/v1/publisher/webhooks', auth, { url: receiver.url, events: ['tip.received'] }));
    const { secret: fresh } = await json(await send('POST', `/v1/publisher/webhooks/${webhook.webhookId}/rotate-secret`, auth));
    expect(fresh).not.toBe(old);
    const listed = (await json(await stack.request('/v1/publisher/webhooks', { headers: auth }))).items[0];
    expect(listed.secretRetiresAt).toBe(new Date(clock.getTime() + 86400_000).toISOString());
    const { auth: other } = await stack.createPublisher('hook-other');
    expect((await send('DELETE', `/v1/publisher/webhooks/${webhook.webhookId}`, other)).status).toBe(404);
    expect((await send('DELETE', `/v1/publisher/webhooks/${webhook.webhookId}`, auth)).status).toBe(204);
    expect((await send('POST', '/v1/publisher/webhooks', auth, { url: receiver.url, events: ['no.such.event'] })).status).toBe(400);
  });
});
