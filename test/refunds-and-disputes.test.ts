/**
 * Refunds and disputes: bought points taken back (into a deficit when they
 * were spent), publishers' earnings reversed while held, the platform's loss
 * after, disputes won and lost, a reader's own refund of an unused pack, and a
 * refunded subscription ending at once — with Stripe's events delivered late,
 * twice, in reverse order and concurrently.
 */
import { paginateQuery } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORM_LOSSES_PK } from '../shared/db/keys.js';
import { END_OF_TIME, EPOCH, earningsBetween } from '../shared/payouts/publisher-earnings.js';
import { createStripeTestStack, type StripeTestStack } from './support/stripe-stack.js';
import type { StripeStub } from './support/stripe-stub.js';
import type { TestStack } from './support/test-stack.js';

const DAY = 86400_000;
let payments: StripeTestStack;
let stub: StripeStub;
let stack: TestStack;
let clock = new Date('2026-11-03T10:00:00Z');

beforeAll(async () => {
  // No starter points: every point in these wallets was bought, so the arithmetic reads plainly.
  payments = await createStripeTestStack({ now: () => clock, env: { STARTER_POINTS: '0' } });
  ({ stub, stack } = payments);
});

afterAll(async () => {
  await payments.close();
});

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const deliver = (type: string, object: Record<string, unknown>) => payments.deliver(type, object);

let purchases = 0;
/** A reader buys a 300-point pack for $4.20 through Checkout; Stripe knows the payment intent. */
async function buy(userId: string, options: { deliver?: boolean } = {}) {
  const n = ++purchases;
  const purchase = { sessionId: `cs_test_refund_${n}`, paymentIntentId: `pi_test_refund_${n}`, chargeId: `ch_test_refund_${n}` };
  const metadata = { purpose: 'points', userId, points: '300' };
  stub.setPaymentIntent({ id: purchase.paymentIntentId, amount: 420, metadata });
  const completed = () =>
    deliver('checkout.session.completed', {
      id: purchase.sessionId,
      object: 'checkout.session',
      mode: 'payment',
      payment_status: 'paid',
      payment_intent: purchase.paymentIntentId,
      amount_total: 420,
      metadata,
    });
  if (options.deliver !== false) expect((await completed()).outcome).toBe('credited');
  return { ...purchase, completed };
}

const charge = (purchase: { chargeId: string; paymentIntentId: string }, refundedCents: number) => ({
  id: purchase.chargeId,
  object: 'charge',
  amount: 420,
  amount_refunded: refundedCents,
  refunded: refundedCents >= 420,
  payment_intent: purchase.paymentIntentId,
});
const dispute = (purchase: { chargeId: string; paymentIntentId: string }, status: string, id = `dp_${purchase.chargeId}`) => ({
  id,
  object: 'dispute',
  amount: 420,
  charge: purchase.chargeId,
  payment_intent: purchase.paymentIntentId,
  status,
});

const wallet = async (auth: Record<string, string>) => json(await stack.request('/v1/me/wallet?limit=100', { headers: auth }));
const unlock = (auth: Record<string, string>, articleId: string) => stack.request(`/v1/articles/${articleId}/unlock`, { method: 'POST', headers: auth });
const publisherBalance = async (auth: Record<string, string>) => json(await stack.request('/v1/publisher/balance', { headers: auth }));

async function earnings(slug: string): Promise<Array<Record<string, any>>> {
  return earningsBetween(stack.deps.db, slug, EPOCH, END_OF_TIME);
}

async function platformLosses(paymentIntentId: string) {
  const items: Array<Record<string, any>> = [];
  const query = { TableName: stack.deps.config.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': PLATFORM_LOSSES_PK } };
  for await (const page of paginateQuery({ client: stack.deps.db.doc }, query)) items.push(...(page.Items ?? []));
  return items.filter((item) => item.paymentIntentId === paymentIntentId);
}

/** The wallet's balance is the sum of its ledger, whatever happened. */
function expectBalanced(view: Record<string, any>) {
  expect(view.balance).toBe(view.entries.reduce((total: number, entry: { amount: number }) => total + entry.amount, 0));
}

describe('a refunded purchase', () => {
  it('takes unspent points back once, however often and however concurrently Stripe says so', async () => {
    const reader = await stack.signUp('refund_unspent');
    const purchase = await buy(reader.userId);
    expect((await wallet(reader.auth)).balance).toBe(300);

    const outcomes = await Promise.all([1, 2, 3, 4].map(() => deliver('charge.refunded', charge(purchase, 420))));
    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(['reversed', 'reversed', 'reversed', 'reversed']);
    const after = await wallet(reader.auth);
    expect(after).toMatchObject({ balance: 0, deficit: 0 });
    expect(after.entries.filter((entry: { kind: string }) => entry.kind === 'payment_refunded')).toEqual([expect.objectContaining({ amount: -300, balanceAfter: 0 })]);
    expectBalanced(after);
    // The same event days later changes nothing.
    clock = new Date(clock.getTime() + 3 * DAY);
    await deliver('charge.refunded', charge(purchase, 420));
    expect((await wallet(reader.auth)).entries).toHaveLength(after.entries.length);
  });

  it('takes a partial refund in proportion, and the rest when the remainder is refunded', async () => {
    const reader = await stack.signUp('refund_partial');
    const purchase = await buy(reader.userId);
    await deliver('charge.refunded', charge(purchase, 210));
    expect((await wallet(reader.auth)).balance).toBe(150);
    // Events out of order: the later, larger refund first, then the earlier one again.
    await deliver('charge.refunded', charge(purchase, 420));
    await deliver('charge.refunded', charge(purchase, 210));
    expect((await wallet(reader.auth)).balance).toBe(0);
  });

  it('puts spent points into a deficit that blocks spending, keeps the unlocks, and reverses the held earnings', async () => {
    const { auth: publisherAuth, ids } = await stack.publisherWithArticles('refund-pub', 3, { settings: { articlePrice: 100, freeArticlesPerMonth: 0 } });
    const reader = await stack.signUp('refund_spender');
    const purchase = await buy(reader.userId);
    expect((await unlock(reader.auth, ids[0]!)).status).toBe(200);
    expect((await unlock(reader.auth, ids[1]!)).status).toBe(200);
    expect((await publisherBalance(publisherAuth)).heldCents).toBe(200);

    expect((await deliver('charge.refunded', charge(purchase, 420))).outcome).toBe('reversed');
    const owed = await wallet(reader.auth);
    expect(owed).toMatchObject({ balance: -200, promotional: 0, deficit: 200 });
    expectBalanced(owed);
    // The reader keeps what was unlocked, but cannot spend while the wallet owes points.
    expect((await json(await stack.request(`/v1/articles/${ids[0]}`, { headers: reader.auth }))).access).toMatchObject({ granted: true });
    const refused = await unlock(reader.auth, ids[2]!);
    expect(refused.status).toBe(402);
    expect((await json(refused)).error.message).toMatch(/owes 200 points/);
    expect((await json(await stack.request(`/v1/articles/${ids[2]}`, { headers: reader.auth }))).offer).toMatchObject({ balance: -200, deficit: 200 });
    // An unlock the refund already settled with the publisher can no longer be undone for the points.
    const undo = await stack.request(`/v1/articles/${ids[1]}/unlock`, { method: 'DELETE', headers: reader.auth });
    expect(undo.status).toBe(409);
    expect((await json(undo)).error.message).toMatch(/refunded or disputed/);
    // The publisher's two held earnings are reversed, and its statement says why.
    expect((await publisherBalance(publisherAuth)).heldCents).toBe(0);
    const chargebacks = (await earnings('refund-pub')).filter((entry) => entry.kind === 'chargeback');
    expect(chargebacks.map((entry) => entry.points).sort()).toEqual([-100, -100]);
    const statement = await json(await stack.request(`/v1/publisher/statements/${clock.toISOString().slice(0, 7)}`, { headers: publisherAuth }));
    expect(statement).toMatchObject({ earnedCents: 200, reversedCents: 200, closingCents: 0 });
    expect(await platformLosses(purchase.paymentIntentId)).toEqual([]);

    // Points bought next cover the deficit first.
    await buy(reader.userId);
    expect(await wallet(reader.auth)).toMatchObject({ balance: 100, deficit: 0 });
    expect((await unlock(reader.auth, ids[2]!)).status).toBe(200);
  });

  it('after the hold, leaves the publisher paid and records the loss as the platform’s', async () => {
    const { auth: publisherAuth, ids } = await stack.publisherWithArticles('refund-late-pub', 2, { settings: { articlePrice: 120, freeArticlesPerMonth: 0 } });
    const reader = await stack.signUp('refund_late');
    const purchase = await buy(reader.userId);
    expect((await unlock(reader.auth, ids[0]!)).status).toBe(200);
    clock = new Date(clock.getTime() + 9 * DAY);
    const before = await publisherBalance(publisherAuth);
    expect(before).toMatchObject({ heldCents: 0, availableCents: 120 });

    await deliver('charge.refunded', charge(purchase, 420));
    expect(await wallet(reader.auth)).toMatchObject({ balance: -120, deficit: 120 });
    expect(await publisherBalance(publisherAuth)).toMatchObject({ heldCents: 0, availableCents: 120 });
    expect((await platformLosses(purchase.paymentIntentId)).map((loss) => loss.points)).toEqual([120]);
  });

  it('heard of before the purchase itself is settled when the purchase arrives', async () => {
    const reader = await stack.signUp('refund_first');
    const purchase = await buy(reader.userId, { deliver: false });
    expect((await deliver('charge.refunded', charge(purchase, 420))).outcome).toBe('recorded');
    expect((await wallet(reader.auth)).balance).toBe(0);
    expect((await purchase.completed()).outcome).toBe('credited');
    const view = await wallet(reader.auth);
    expect(view).toMatchObject({ balance: 0, deficit: 0 });
    expect(view.entries.map((entry: { kind: string }) => entry.kind).sort()).toEqual(['payment_refunded', 'topup']);
    expect((await purchase.completed()).outcome).toBe('duplicate');
    expect((await wallet(reader.auth)).balance).toBe(0);
  });
});

describe('a disputed purchase', () => {
  it('takes the points while disputed and gives them back, earnings and all, when the dispute is won', async () => {
    const { auth: publisherAuth, ids } = await stack.publisherWithArticles('dispute-pub', 2, { settings: { articlePrice: 250, freeArticlesPerMonth: 0 } });
    const reader = await stack.signUp('dispute_won');
    const purchase = await buy(reader.userId);
    expect((await unlock(reader.auth, ids[0]!)).status).toBe(200);

    await deliver('charge.dispute.created', dispute(purchase, 'needs_response'));
    expect(await wallet(reader.auth)).toMatchObject({ balance: -250, deficit: 250 });
    expect((await publisherBalance(publisherAuth)).heldCents).toBe(0);
    await deliver('charge.dispute.updated', dispute(purchase, 'under_review'));
    expect((await wallet(reader.auth)).balance).toBe(-250);

    await deliver('charge.dispute.closed', dispute(purchase, 'won'));
    const view = await wallet(reader.auth);
    expect(view).toMatchObject({ balance: 50, deficit: 0 });
    expect(view.entries.map((entry: { kind: string }) => entry.kind)).toContain('dispute_won');
    expectBalanced(view);
    expect((await publisherBalance(publisherAuth)).heldCents).toBe(250);
    expect((await earnings('dispute-pub')).map((entry) => entry.kind).sort()).toEqual(['chargeback', 'reinstated', 'unlock']);
    // A late `created` cannot reopen a decided dispute.
    await deliver('charge.dispute.created', dispute(purchase, 'needs_response'));
    expect((await wallet(reader.auth)).balance).toBe(50);
  });

  it('keeps the points taken when lost, whatever order the events come in', async () => {
    const reader = await stack.signUp('dispute_lost');
    const purchase = await buy(reader.userId);
    // Reverse order: the decision first, the opening after.
    await deliver('charge.dispute.closed', dispute(purchase, 'lost'));
    await deliver('charge.dispute.created', dispute(purchase, 'needs_response'));
    await deliver('charge.dispute.closed', dispute(purchase, 'lost'));
    const view = await wallet(reader.auth);
    expect(view).toMatchObject({ balance: 0, deficit: 0 });
    expect(view.entries.filter((entry: { kind: string }) => entry.kind === 'payment_disputed')).toHaveLength(1);
  });

  it('won before it was ever heard of as open takes nothing', async () => {
    const reader = await stack.signUp('dispute_won_first');
    const purchase = await buy(reader.userId);
    await deliver('charge.dispute.closed', dispute(purchase, 'won'));
    await deliver('charge.dispute.created', dispute(purchase, 'needs_response'));
    expect((await wallet(reader.auth)).entries.map((entry: { kind: string }) => entry.kind)).toEqual(['topup']);
  });
});

describe('a reader refunding an unused pack', () => {
  it('gets the money back through Stripe once, and the points leave the wallet', async () => {
    const reader = await stack.signUp('refund_requester');
    const purchase = await buy(reader.userId);
    const topUp = (await wallet(reader.auth)).entries.find((entry: { kind: string }) => entry.kind === 'topup');
    expect(topUp.paymentId).toBe(purchase.sessionId);

    const refunded = await stack.request(`/v1/me/purchases/${purchase.sessionId}/refund`, { method: 'POST', headers: reader.auth });
    expect(refunded.status).toBe(200);
    expect(await json(refunded)).toEqual({ refundedCents: 420, points: 300, balance: 0 });
    expect(stub.refunds.filter((refund) => refund.paymentIntent === purchase.paymentIntentId)).toEqual([
      expect.objectContaining({ amount: 420, idempotencyKey: `refund-${purchase.paymentIntentId}` }),
    ]);
    // Stripe's own event follows; nothing leaves twice.
    await deliver('charge.refunded', charge(purchase, 420));
    expect((await wallet(reader.auth)).balance).toBe(0);
    const again = await stack.request(`/v1/me/purchases/${purchase.sessionId}/refund`, { method: 'POST', headers: reader.auth });
    expect(again.status).toBe(409);
  });

  it('is refused once points are spent, after 14 days, and for someone else’s purchase', async () => {
    const { ids } = await stack.publisherWithArticles('refund-rules-pub', 1, { settings: { articlePrice: 10, freeArticlesPerMonth: 0 } });
    const reader = await stack.signUp('refund_rules');
    const spent = await buy(reader.userId);
    expect((await unlock(reader.auth, ids[0]!)).status).toBe(200);
    const used = await stack.request(`/v1/me/purchases/${spent.sessionId}/refund`, { method: 'POST', headers: reader.auth });
    expect(used.status).toBe(409);
    expect((await json(used)).error.message).toMatch(/unused/);

    const old = await buy(reader.userId);
    clock = new Date(clock.getTime() + 15 * DAY);
    const late = await stack.request(`/v1/me/purchases/${old.sessionId}/refund`, { method: 'POST', headers: reader.auth });
    expect(late.status).toBe(409);
    expect((await json(late)).error.message).toMatch(/within 14 days/);

    const fresh = await buy(reader.userId);
    const stranger = await stack.signUp('refund_stranger');
    expect((await stack.request(`/v1/me/purchases/${fresh.sessionId}/refund`, { method: 'POST', headers: stranger.auth })).status).toBe(404);
    expect((await stack.request('/v1/me/purchases/cs_test_nothing/refund', { method: 'POST', headers: reader.auth })).status).toBe(404);
    expect((await stack.request(`/v1/me/purchases/${fresh.sessionId}/refund`, { method: 'POST' })).status).toBe(401);
    const described = await json(await stack.request('/openapi.json'));
    expect(Object.keys(described.paths)).toContain('/v1/me/purchases/{paymentId}/refund');
    expect(Object.keys(described.components.schemas.Wallet.properties)).toContain('deficit');
    expect(stub.refunds.filter((refund) => [spent, old, fresh].some((purchase) => purchase.paymentIntentId === refund.paymentIntent))).toEqual([]);
  });
});

describe('a refunded subscription payment', () => {
  it('ends access at once when the whole payment is refunded, not for a partial refund', async () => {
    const { ids } = await stack.publisherWithArticles('refund-sub-pub', 1, {
      settings: { articlePrice: 100, freeArticlesPerMonth: 0 },
      plans: [{ planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 290, trialDays: 0 }],
    });
    const reader = await stack.signUp('refund_subscriber');
    stub.setSubscription({ id: 'sub_refunded', status: 'active', currentPeriodEnd: new Date(clock.getTime() + 30 * DAY), metadata: { userId: reader.userId, publisherSlug: 'refund-sub-pub', planId: 'monthly' } });
    await deliver('customer.subscription.created', { id: 'sub_refunded' });
    stub.setPaymentIntent({ id: 'pi_sub_invoice', amount: 290 });
    stub.setInvoicePayment('pi_sub_invoice', 'sub_refunded');
    const article = async () => (await json(await stack.request(`/v1/articles/${ids[0]}`, { headers: reader.auth }))).access;
    expect(await article()).toMatchObject({ granted: true, via: 'subscription' });

    const invoiceCharge = { id: 'ch_sub', object: 'charge', amount: 290, payment_intent: 'pi_sub_invoice' };
    expect((await deliver('charge.refunded', { ...invoiceCharge, amount_refunded: 100, refunded: false })).outcome).toBe('ignored');
    expect(await article()).toMatchObject({ granted: true });

    expect((await deliver('charge.refunded', { ...invoiceCharge, amount_refunded: 290, refunded: true })).outcome).toBe('subscription_ended');
    expect(await article()).toMatchObject({ granted: false });
    expect(stub.subscription('sub_refunded')?.status).toBe('canceled');
    // A late renewal event cannot bring it back: Stripe's state is what is stored.
    await deliver('invoice.paid', { id: 'in_late', object: 'invoice', parent: { subscription_details: { subscription: 'sub_refunded' } } });
    expect(await article()).toMatchObject({ granted: false });
  });
});
