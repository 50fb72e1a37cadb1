import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleItems, rss2 } from './support/feeds.js';
import { startStripeStub, type StripeStub } from './support/stripe-stub.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

const WEBHOOK_SECRET = 'whsec_test_postwire_webhooks';
const stripe = new Stripe('sk_test_postwire');
let stub: StripeStub;
let stack: TestStack;
let clock = new Date();

beforeAll(async () => {
  stub = await startStripeStub();
  stack = await createTestStack({
    now: () => clock,
    env: { STRIPE_SECRET_KEY: 'sk_test_postwire', STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: stub.baseUrl },
  });
});

afterAll(async () => {
  await stub.close();
});

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const post = (path: string, headers: Record<string, string>, body?: unknown) =>
  stack.request(path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

let eventCounter = 0;
async function deliver(type: string, object: Record<string, unknown>, secret = WEBHOOK_SECRET) {
  const payload = JSON.stringify({ id: `evt_${++eventCounter}`, object: 'event', type, created: Math.floor(Date.now() / 1000), data: { object } });
  const signature = stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(clock.getTime() / 1000) });
  return stack.request('/v1/webhooks/stripe', { method: 'POST', headers: { 'stripe-signature': signature, 'content-type': 'application/json' }, body: payload });
}

async function balanceOf(auth: Record<string, string>) {
  return json(await stack.request('/v1/me/wallet?limit=100', { headers: auth }));
}

async function publisherWithPlans(slug: string) {
  const { auth } = await stack.createPublisher(slug, { articlePrice: 40, freeArticlesPerMonth: 0 });
  await stack.request('/v1/publisher', {
    method: 'PATCH',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      plans: [
        { planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 290, trialDays: 30 },
        { planId: 'annual', name: 'Annual', interval: 'year', priceCents: 1990, trialDays: 0 },
      ],
    }),
  });
  await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...auth, 'content-type': 'application/rss+xml' }, body: rss2(articleItems(2, slug)) });
  const page = await json(await stack.request(`/v1/articles?publisher=${slug}`));
  return page.items.map((item: { id: string }) => item.id) as string[];
}

describe('buying points', () => {
  it('lists point packs and opens a Stripe Checkout for one', async () => {
    expect(await json(await stack.request('/v1/payments/status'))).toEqual({ configured: true });
    expect((await json(await stack.request('/v1/points/packs'))).items).toContainEqual({ packId: 'points-300', points: 300, priceCents: 420 });
    const { auth, userId } = await stack.signUp('payer');
    const response = await post('/v1/me/wallet/checkout', auth, { packId: 'points-300' });
    expect(response.status).toBe(201);
    expect(await json(response)).toMatchObject({ sessionId: expect.stringMatching(/^cs_test_/), checkoutUrl: expect.stringContaining('checkout.stripe.test') });
    expect(stub.sessions.at(-1)).toMatchObject({
      mode: 'payment',
      'line_items[0][price_data][unit_amount]': '420',
      'metadata[userId]': userId,
      'metadata[points]': '300',
    });
    expect((await post('/v1/me/wallet/checkout', auth, { packId: 'points-7' })).status).toBe(404);
  });

  it('credits points only from a correctly signed webhook, exactly once however often it is delivered', async () => {
    const { auth, userId } = await stack.signUp('buyer');
    const session = { id: 'cs_test_paid_1', object: 'checkout.session', mode: 'payment', payment_status: 'paid', metadata: { purpose: 'points', userId, points: '300' } };

    const forged = await deliver('checkout.session.completed', session, 'whsec_someone_else');
    expect(forged.status).toBe(400);
    const unsigned = await stack.request('/v1/webhooks/stripe', { method: 'POST', body: JSON.stringify({ type: 'checkout.session.completed', data: { object: session } }) });
    expect(unsigned.status).toBe(400);
    expect((await balanceOf(auth)).balance).toBe(50);

    const outcomes = await Promise.all([1, 2, 3].map(async () => (await json(await deliver('checkout.session.completed', session))).outcome));
    expect(outcomes.sort()).toEqual(['credited', 'duplicate', 'duplicate']);
    const wallet = await balanceOf(auth);
    expect(wallet.balance).toBe(350);
    expect(wallet.entries.filter((entry: { kind: string }) => entry.kind === 'topup')).toEqual([expect.objectContaining({ amount: 300, balanceAfter: 350 })]);
  });

  it('takes a signed event larger than our JSON bodies (Stripe would retry a 413 for days), but not an endless one', async () => {
    const { auth, userId } = await stack.signUp('bigbuyer');
    const lines = Array.from({ length: 2000 }, (_, i) => ({ id: `li_${i}`, description: `Line item number ${i} of a long invoice`, amount: 100 }));
    const session = { id: 'cs_test_big_1', object: 'checkout.session', mode: 'payment', payment_status: 'paid', metadata: { purpose: 'points', userId, points: '300' }, line_items: lines };
    const response = await deliver('checkout.session.completed', session);
    expect(response.status).toBe(200);
    expect((await balanceOf(auth)).balance).toBe(350);
    const huge = await deliver('checkout.session.completed', { ...session, id: 'cs_test_big_2', line_items: [...lines, ...lines, ...lines, ...lines, ...lines, ...lines, ...lines, ...lines, ...lines, ...lines] });
    expect(huge.status).toBe(413);
  });

  it('answers 200 to a paid checkout for an account with no wallet, records it once as orphaned, and credits nobody', async () => {
    const session = { id: 'cs_test_orphan', object: 'checkout.session', mode: 'payment', payment_status: 'paid', metadata: { purpose: 'points', userId: 'no-such-reader', points: '300' } };
    const first = await deliver('checkout.session.completed', session);
    expect(first.status).toBe(200);
    expect((await json(first)).outcome).toBe('orphaned');
    const again = await deliver('checkout.session.completed', session);
    expect(again.status).toBe(200);
    expect((await json(again)).outcome).toBe('duplicate');
  });

  it('ignores a checkout that is not paid yet', async () => {
    const { auth, userId } = await stack.signUp('pending');
    const outcome = await json(await deliver('checkout.session.completed', { id: 'cs_test_unpaid', payment_status: 'unpaid', metadata: { purpose: 'points', userId, points: '300' } }));
    expect(outcome.outcome).toBe('ignored');
    expect((await balanceOf(auth)).balance).toBe(50);
  });

  it('has no development top-up where Stripe is configured', async () => {
    const { auth } = await stack.signUp('nofree');
    expect((await post('/v1/me/wallet/dev-top-up', auth, { points: 100 })).status).toBe(404);
  });
});

describe('subscriptions', () => {
  it('opens a subscription checkout for a plan, and access follows Stripe whatever the order of events', async () => {
    const [articleId] = await publisherWithPlans('subs-pub');
    const { auth, userId } = await stack.signUp('subscriber');
    const checkout = await post('/v1/publishers/subs-pub/subscribe', auth, { planId: 'monthly' });
    expect(checkout.status).toBe(201);
    expect(stub.sessions.at(-1)).toMatchObject({ mode: 'subscription', 'line_items[0][price_data][recurring][interval]': 'month', 'line_items[0][price_data][unit_amount]': '290' });

    const metadata = { userId, publisherSlug: 'subs-pub', planId: 'monthly' };
    const inAMonth = new Date(Date.now() + 30 * 86400_000);
    stub.setSubscription({ id: 'sub_1', status: 'active', currentPeriodEnd: inAMonth, metadata });
    // "updated" arrives before "created", and "created" carries a stale status: we store what Stripe holds now.
    await deliver('customer.subscription.updated', { id: 'sub_1', status: 'active' });
    await deliver('customer.subscription.created', { id: 'sub_1', status: 'incomplete' });
    const read = await json(await stack.request(`/v1/articles/${articleId}`, { headers: auth }));
    expect(read.access).toEqual({ granted: true, via: 'subscription' });
    expect(read.contentHtml).toContain('Paragraph one');
    expect((await json(await post(`/v1/articles/${articleId}/unlock`, auth))).access.via).toBe('subscription');
    expect((await balanceOf(auth)).balance).toBe(50);

    // A failed renewal keeps access for the 3-day grace period, counted from the first failure, then stops.
    stub.setSubscription({ id: 'sub_1', status: 'past_due', currentPeriodEnd: inAMonth, metadata });
    await deliver('invoice.payment_failed', { id: 'in_1', parent: { subscription_details: { subscription: 'sub_1' } } });
    expect((await json(await stack.request(`/v1/articles/${articleId}`, { headers: auth }))).access).toEqual({ granted: true, via: 'subscription' });
    const graceUntil = (await json(await stack.request('/v1/me/subscriptions', { headers: auth }))).items[0].graceUntil;
    expect(Date.parse(graceUntil) - clock.getTime()).toBe(3 * 86400_000);
    try {
      clock = new Date(clock.getTime() + 2 * 86400_000);
      await deliver('invoice.payment_failed', { id: 'in_1', parent: { subscription_details: { subscription: 'sub_1' } } });
      expect((await json(await stack.request('/v1/me/subscriptions', { headers: auth }))).items[0].graceUntil).toBe(graceUntil);
      clock = new Date(clock.getTime() + 2 * 86400_000);
      expect((await json(await stack.request(`/v1/articles/${articleId}`, { headers: auth }))).access).toEqual({ granted: false });
      // The card is fixed and the invoice paid: access is back.
      stub.setSubscription({ id: 'sub_1', status: 'active', currentPeriodEnd: new Date(clock.getTime() + 30 * 86400_000), metadata });
      await deliver('invoice.paid', { id: 'in_1', parent: { subscription_details: { subscription: 'sub_1' } } });
      expect((await json(await stack.request(`/v1/articles/${articleId}`, { headers: auth }))).access).toEqual({ granted: true, via: 'subscription' });
    } finally {
      clock = new Date();
    }
  });

  it('shows each plan of the offer with its price, trial and the yearly saving, as a paywall does', async () => {
    const [articleId] = await publisherWithPlans('offer-plans');
    const { auth } = await stack.signUp('offer_reader');
    const { plans } = (await json(await stack.request(`/v1/articles/${articleId}`, { headers: auth }))).offer;
    expect(plans).toEqual([
      expect.objectContaining({ planId: 'monthly', currency: 'usd', displayPrice: '$2.90 per month', trialText: '30 days free, then $2.90 per month' }),
      expect.objectContaining({ planId: 'annual', displayPrice: '$19.90 per year', yearlySavingCents: 1490, savingText: 'save $14.90 compared to monthly billing' }),
    ]);
  });

  it('starts a card trial through Checkout, once per reader; Stripe converts it to paid at its end', async () => {
    const { auth: publisherAuth } = await stack.createPublisher('card-trial', { articlePrice: 40, freeArticlesPerMonth: 0 });
    await stack.request('/v1/publisher', {
      method: 'PATCH',
      headers: { ...publisherAuth, 'content-type': 'application/json' },
      body: JSON.stringify({ plans: [{ planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 290, trialDays: 30, trialRequiresCard: true }] }),
    });
    await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...publisherAuth, 'content-type': 'application/rss+xml' }, body: rss2(articleItems(1, 'cardtrial')) });
    const [articleId] = (await json(await stack.request('/v1/articles?publisher=card-trial'))).items.map((item: { id: string }) => item.id);
    const { auth, userId } = await stack.signUp('card_trialist');

    const cardless = await post('/v1/publishers/card-trial/trial', auth, {});
    expect(cardless.status).toBe(409);
    expect((await json(cardless)).error.message).toMatch(/needs a card/);
    expect((await post('/v1/publishers/card-trial/subscribe', auth, { planId: 'monthly' })).status).toBe(201);
    expect(stub.sessions.at(-1)).toMatchObject({ mode: 'subscription', 'subscription_data[trial_period_days]': '30', 'metadata[userId]': userId });

    const metadata = { userId, publisherSlug: 'card-trial', planId: 'monthly' };
    const trialEnd = new Date(Date.now() + 30 * 86400_000);
    stub.setSubscription({ id: 'sub_trial', status: 'trialing', currentPeriodEnd: trialEnd, metadata });
    await deliver('customer.subscription.created', { id: 'sub_trial' });
    expect((await json(await stack.request(`/v1/articles/${articleId}`, { headers: auth }))).access).toEqual({ granted: true, via: 'trial' });
    // The trial is taken: another Checkout carries none.
    await post('/v1/publishers/card-trial/subscribe', auth, { planId: 'monthly' });
    expect(stub.sessions.at(-1)).not.toHaveProperty(['subscription_data[trial_period_days]']);

    stub.setSubscription({ id: 'sub_trial', status: 'active', currentPeriodEnd: new Date(trialEnd.getTime() + 30 * 86400_000), metadata });
    await deliver('customer.subscription.updated', { id: 'sub_trial' });
    expect((await json(await stack.request(`/v1/articles/${articleId}`, { headers: auth }))).access).toEqual({ granted: true, via: 'subscription' });
  });

  it('cancels and resumes before the period ends, and switches monthly to yearly with Stripe’s proration', async () => {
    const [articleId] = await publisherWithPlans('switch-pub');
    const { auth, userId } = await stack.signUp('switcher');
    const metadata = { userId, publisherSlug: 'switch-pub', planId: 'monthly' };
    stub.setSubscription({ id: 'sub_sw', status: 'active', currentPeriodEnd: new Date(Date.now() + 20 * 86400_000), metadata });
    await deliver('customer.subscription.created', { id: 'sub_sw' });

    expect((await json(await post('/v1/me/subscriptions/switch-pub/cancel', auth))).subscription).toMatchObject({ cancelAtPeriodEnd: true });
    expect((await json(await post('/v1/me/subscriptions/switch-pub/resume', auth))).subscription).toMatchObject({ cancelAtPeriodEnd: false, status: 'active' });

    const switched = await post('/v1/me/subscriptions/switch-pub/switch', auth, { planId: 'annual' });
    expect(switched.status).toBe(200);
    expect((await json(switched)).subscription).toMatchObject({ planId: 'annual', status: 'active' });
    expect(stub.prices.at(-1)).toMatchObject({ currency: 'usd', unit_amount: '1990', 'recurring[interval]': 'year' });
    expect(stub.subscriptionUpdates.at(-1)).toMatchObject({
      id: 'sub_sw',
      form: { 'items[0][id]': 'si_sub_sw', 'items[0][price]': stub.prices.at(-1)!.id, proration_behavior: 'create_prorations', 'metadata[planId]': 'annual' },
    });
    expect((await post('/v1/me/subscriptions/switch-pub/switch', auth, { planId: 'annual' })).status).toBe(409);
    expect((await post('/v1/me/subscriptions/switch-pub/switch', auth, { planId: 'weekly' })).status).toBe(404);
    const invalid = await post('/v1/me/subscriptions/switch-pub/switch', auth, { plan: 'annual' });
    expect(invalid.status).toBe(400);
    expect((await json(invalid)).error.code).toBe('validation_failed');
    expect((await json(await stack.request(`/v1/articles/${articleId}`, { headers: auth }))).access.via).toBe('subscription');
  });

  it('a card-less trial can be cancelled (it simply ends) but not resumed past its end', async () => {
    await publisherWithPlans('trial-cancel');
    const { auth } = await stack.signUp('trial_canceller');
    await post('/v1/publishers/trial-cancel/trial', auth, {});
    const cancelled = await post('/v1/me/subscriptions/trial-cancel/cancel', auth);
    expect(cancelled.status).toBe(200);
    expect((await json(cancelled)).subscription).toMatchObject({ kind: 'trial', cancelAtPeriodEnd: true });
    const resumed = await post('/v1/me/subscriptions/trial-cancel/resume', auth);
    expect(resumed.status).toBe(409);
    expect((await json(resumed)).error.message).toMatch(/ends by itself; subscribe/);
  });

  it('an expired subscription opens nothing, even if its last event said active', async () => {
    const [articleId] = await publisherWithPlans('expired-pub');
    const { auth, userId } = await stack.signUp('lapsed');
    stub.setSubscription({ id: 'sub_old', status: 'active', currentPeriodEnd: new Date(Date.now() - 60_000), metadata: { userId, publisherSlug: 'expired-pub', planId: 'monthly' } });
    await deliver('customer.subscription.updated', { id: 'sub_old' });
    expect((await json(await stack.request(`/v1/articles/${articleId}`, { headers: auth }))).access).toEqual({ granted: false });
  });

  it('a late event about an old, cancelled subscription does not revoke a newer one', async () => {
    const [articleId] = await publisherWithPlans('renew-pub');
    const { auth, userId } = await stack.signUp('renewer');
    const metadata = { userId, publisherSlug: 'renew-pub', planId: 'monthly' };
    stub.setSubscription({ id: 'sub_new', status: 'active', currentPeriodEnd: new Date(Date.now() + 30 * 86400_000), metadata });
    stub.setSubscription({ id: 'sub_gone', status: 'canceled', currentPeriodEnd: new Date(Date.now() + 5 * 86400_000), metadata });
    await deliver('customer.subscription.created', { id: 'sub_new' });
    await deliver('customer.subscription.deleted', { id: 'sub_gone' });
    expect((await json(await stack.request(`/v1/articles/${articleId}`, { headers: auth }))).access).toEqual({ granted: true, via: 'subscription' });
  });

  it('cancels at the period end: access continues until then', async () => {
    const [articleId] = await publisherWithPlans('cancel-pub');
    const { auth, userId } = await stack.signUp('canceller');
    stub.setSubscription({ id: 'sub_c', status: 'active', currentPeriodEnd: new Date(Date.now() + 10 * 86400_000), metadata: { userId, publisherSlug: 'cancel-pub', planId: 'monthly' } });
    await deliver('customer.subscription.created', { id: 'sub_c' });
    const cancelled = await json(await post('/v1/me/subscriptions/cancel-pub/cancel', auth));
    expect(cancelled.subscription).toMatchObject({ kind: 'paid', status: 'active', cancelAtPeriodEnd: true });
    expect(JSON.stringify(cancelled)).not.toContain('sub_c');
    expect((await json(await stack.request(`/v1/articles/${articleId}`, { headers: auth }))).access.via).toBe('subscription');
  });
});

describe('trials', () => {
  it('a reader may take one trial per publisher; it opens articles until it ends', async () => {
    const [articleId] = await publisherWithPlans('trial-pub');
    const { auth } = await stack.signUp('trialist');
    const offer = (await json(await stack.request(`/v1/articles/${articleId}`, { headers: auth }))).offer;
    expect(offer).toMatchObject({ trialAvailable: true, plans: [expect.objectContaining({ planId: 'monthly', trialDays: 30 }), expect.objectContaining({ planId: 'annual' })] });
    const started = await post('/v1/publishers/trial-pub/trial', auth, {});
    expect(started.status).toBe(201);
    expect((await json(started)).subscription).toMatchObject({ kind: 'trial', status: 'trialing', planId: 'monthly' });
    expect((await json(await stack.request(`/v1/articles/${articleId}`, { headers: auth }))).access).toEqual({ granted: true, via: 'trial' });
    const again = await post('/v1/publishers/trial-pub/trial', auth, {});
    expect(again.status).toBe(409);
    clock = new Date(Date.now() + 31 * 86400_000);
    const after = await json(await stack.request(`/v1/articles/${articleId}`, { headers: auth }));
    expect(after.access).toEqual({ granted: false });
    expect(after.offer.trialAvailable).toBe(false);
    clock = new Date();
  });
});

describe('the monthly spend cap', () => {
  it('a reader never pays one publisher more in unlocks in a month than its cheapest monthly plan', async () => {
    const local = await createTestStack();
    const { auth: publisherAuth } = await local.createPublisher('capped', { articlePrice: 100, freeArticlesPerMonth: 0 });
    await local.request('/v1/publisher', {
      method: 'PATCH',
      headers: { ...publisherAuth, 'content-type': 'application/json' },
      body: JSON.stringify({ plans: [{ planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 290, trialDays: 0 }] }),
    });
    await local.request('/v1/publisher/ingest', { method: 'POST', headers: { ...publisherAuth, 'content-type': 'application/rss+xml' }, body: rss2(articleItems(5, 'capped')) });
    const ids = ((await json(await local.request('/v1/articles?publisher=capped'))).items as Array<{ id: string }>).map((item) => item.id);
    const { auth } = await local.signUp('capper');
    await local.request('/v1/me/wallet/dev-top-up', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"points":1000}' });
    const unlock = async (id: string) => json(await local.request(`/v1/articles/${id}/unlock`, { method: 'POST', headers: auth }));
    const results = [];
    for (const id of ids) results.push(await unlock(id));
    expect(results.map((result) => [result.access.via, result.charged])).toEqual([
      ['points', 100],
      ['points', 100],
      ['points', 90],
      ['cap', 0],
      ['cap', 0],
    ]);
    const wallet = await json(await local.request('/v1/me/wallet?limit=100', { headers: auth }));
    expect(wallet.balance).toBe(1050 - 290);
  });
});

describe('authorization', () => {
  it('every reader endpoint of payments, trials and subscriptions refuses requests without a reader token', async () => {
    const { auth: publisherKey } = await stack.createPublisher('pay-authz');
    for (const [method, path] of [
      ['POST', '/v1/me/wallet/checkout'],
      ['POST', '/v1/publishers/pay-authz/subscribe'],
      ['POST', '/v1/publishers/pay-authz/trial'],
      ['GET', '/v1/me/subscriptions'],
      ['POST', '/v1/me/subscriptions/pay-authz/cancel'],
      ['POST', '/v1/me/subscriptions/pay-authz/resume'],
      ['POST', '/v1/me/subscriptions/pay-authz/switch'],
    ] as const) {
      const init = { method, headers: { 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{}' } : {}) };
      expect((await stack.request(path, init)).status, `${method} ${path}`).toBe(401);
      expect((await stack.request(path, { ...init, headers: { ...init.headers, ...publisherKey } })).status, `${method} ${path} with a publisher key`).toBe(401);
    }
  });
});
