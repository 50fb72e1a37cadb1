/**
 * A seeded random sequence of 1,000 money operations — buy (sometimes
 * delivered twice), unlock, undo, tip, subscribe, cancel, refunds by Stripe
 * (whole or half, sometimes twice) and by the reader's own request, disputes
 * opened, won and lost, payout runs, a payout run killed halfway, the clock
 * moving — through the HTTP API, the real Stripe SDK against the local
 * stand-in, and DynamoDB Local. After every step the ledgers it touched must
 * hold; every 100 steps, and at the end, all of them and the books across
 * readers, publishers, the platform and Stripe.
 */
import { paginateQuery } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEDGER_SK_PREFIX, PLATFORM_LOSSES_PK, readerPartition } from '../shared/db/keys.js';
import { END_OF_TIME, EPOCH, earningsBetween } from '../shared/payouts/publisher-earnings.js';
import { readPaymentIntent } from '../shared/payments/payment-intent.js';
import { readPayoutState, runPayouts, type PayoutTransfers } from '../shared/payouts/payout-run.js';
import { stripeTransfers } from '../shared/payouts/stripe-payouts.js';
import { getWallet } from '../shared/wallet/wallet-store.js';
import { createStripeTestStack, type StripeTestStack } from './support/stripe-stack.js';
import type { StripeStub } from './support/stripe-stub.js';
import type { TestStack } from './support/test-stack.js';

const STEPS = 1000;
const READERS = 8;
const PUBLISHERS = 3;
let payments: StripeTestStack;
let stub: StripeStub;
let stack: TestStack;
let clock = new Date('2026-11-02T08:00:00Z');

beforeAll(async () => {
  payments = await createStripeTestStack({ now: () => clock, env: { PROMO_BUDGET_POINTS: '200', PAYOUT_THRESHOLD_CENTS: '300' } });
  ({ stub, stack } = payments);
});

afterAll(async () => {
  await payments.close();
});

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const deliver = (type: string, object: Record<string, unknown>) => payments.deliver(type, object);

async function queryAll(pk: string, prefix: string) {
  const items: Array<Record<string, any>> = [];
  const query = { TableName: stack.deps.config.tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix } };
  for await (const page of paginateQuery({ client: stack.deps.db.doc }, query)) items.push(...(page.Items ?? []));
  return items;
}

describe('the books, after 1,000 random money operations', () => {
  it('hold after every step: wallets equal their ledgers, purchases are all accounted for, statements reconcile, no transfer twice', async () => {
    // mulberry32: small, seeded, and without the short cycles of an LCG's low bits.
    let seed = 20261129;
    const random = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
    };
    const pick = <T>(values: readonly T[]): T => values[random(values.length)]!;

    const publishers: Array<{ slug: string; auth: Record<string, string>; ids: string[]; accountId: string; post: string }> = [];
    for (let p = 0; p < PUBLISHERS; p++) {
      const slug = `books-${p}`;
      const { auth, ids } = await stack.publisherWithArticles(slug, 12, {
        settings: { articlePrice: 20 + 15 * p, freeArticlesPerMonth: p === 0 ? 1 : 0 },
        plans: [{ planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 290 + 100 * p, trialDays: 0 }],
      });
      await stack.request('/v1/publisher/connect', { method: 'POST', headers: auth });
      const accountId = stub.accounts.at(-1)!.id!;
      await deliver('account.updated', { id: accountId, object: 'account', payouts_enabled: true, details_submitted: true, metadata: { publisherSlug: slug } });
      const post = (await json(await stack.request(`/v1/publishers/${slug}/posts`))).items[0].postId as string;
      publishers.push({ slug, auth, ids, accountId, post });
    }
    const readers: Array<{ userId: string; auth: Record<string, string>; post: string; unlocked: string[] }> = [];
    for (let r = 0; r < READERS; r++) {
      const reader = await stack.signUp(`books_reader_${r}`);
      const post = (await json(await stack.request('/v1/posts', { method: 'POST', headers: { ...reader.auth, 'content-type': 'application/json' }, body: JSON.stringify({ text: `Reader ${r} writes` }) }))).post.postId as string;
      readers.push({ ...reader, post, unlocked: [] as string[] });
    }

    const purchasedIn = new Map<string, number>();
    /** Every credited purchase, by reader, and the disputes still open. */
    const purchasesOf = new Map<string, Array<{ sessionId: string; paymentIntentId: string }>>();
    const openDisputes: Array<{ paymentIntentId: string; disputeId: string }> = [];
    const chargeOf = (paymentIntentId: string, refundedCents: number) => ({
      id: `ch_${paymentIntentId}`,
      object: 'charge',
      amount: 420,
      amount_refunded: refundedCents,
      refunded: refundedCents >= 420,
      payment_intent: paymentIntentId,
    });
    let sessions = 0;
    let subscriptions = 0;
    const counts: Record<string, number> = {};
    const realTransfers = stripeTransfers(payments.sdk);
    const dyingTransfers: PayoutTransfers = {
      async send(payout) {
        await realTransfers.send(payout);
        throw new Error('killed after the transfer');
      },
    };

    const checkReader = async (userId: string) => {
      const [wallet, ledger] = await Promise.all([getWallet(stack.deps.db, userId), queryAll(readerPartition(userId), LEDGER_SK_PREFIX)]);
      const sum = (field: string) => ledger.reduce((total, entry) => total + ((entry[field] as number | undefined) ?? 0), 0);
      expect({ balance: wallet.balance, promotional: wallet.promotional }).toEqual({ balance: sum('amount'), promotional: sum('promoAmount') });
      expect(wallet.promotional).toBeGreaterThanOrEqual(0);
      // Purchased points go below zero only by taking back a refunded or disputed purchase, and nothing is spent from below zero.
      let purchased = 0;
      for (const entry of ledger) {
        const before = purchased;
        purchased += (entry.amount as number) - ((entry.promoAmount as number | undefined) ?? 0);
        if (purchased < 0 && purchased < before) expect(['payment_refunded', 'payment_disputed']).toContain(entry.kind);
        if (entry.amount < 0 && !String(entry.kind).startsWith('payment_')) expect(before).toBeGreaterThanOrEqual(0);
      }
      return { wallet, ledger };
    };
    const checkPublisher = async (publisher: (typeof publishers)[number]) => {
      const earnings = await earningsBetween(stack.deps.db, publisher.slug, EPOCH, END_OF_TIME);
      const payouts = earnings.filter((entry) => entry.kind === 'payout');
      const transfers = stub.transfers.filter((transfer) => transfer.destination === publisher.accountId);
      const state = await readPayoutState(stack.deps.db, publisher.slug);
      // Every recorded payout is one transfer; a transfer not yet recorded is the one in flight.
      expect(new Set(transfers.map((transfer) => transfer.transferGroup)).size).toBe(transfers.length);
      expect(payouts.map((entry) => entry.transferId).sort()).toEqual(transfers.filter((transfer) => transfer.transferGroup !== state.pending?.payoutId).map((transfer) => transfer.id).sort());
      expect(state.paidOutCents).toBe(payouts.reduce((total, entry) => total - (entry.points as number), 0));
      const statement = await json(await stack.request(`/v1/publisher/statements/${clock.toISOString().slice(0, 7)}`, { headers: publisher.auth }));
      expect(statement.openingCents + statement.earnedCents - statement.reversedCents - statement.paidOutCents).toBe(statement.closingCents);
      expect(statement.closingCents).toBe(earnings.reduce((total, entry) => total + (entry.points as number), 0));
      return earnings;
    };
    const checkEverything = async () => {
      let purchasedInWallets = 0;
      let spentOnUnlocks = 0;
      let tippedToPublishers = 0;
      let takenBack = 0;
      for (const reader of readers) {
        const { wallet, ledger } = await checkReader(reader.userId);
        purchasedInWallets += wallet.balance - wallet.promotional;
        for (const entry of ledger) {
          const purchasedPart = (entry.amount as number) - ((entry.promoAmount as number | undefined) ?? 0);
          if (entry.kind === 'unlock' || entry.kind === 'refund') spentOnUnlocks -= purchasedPart;
          if (entry.kind === 'tip_sent' && !String(entry.note).startsWith('Tip to books_reader')) tippedToPublishers -= purchasedPart;
          if (['payment_refunded', 'payment_disputed', 'dispute_won'].includes(entry.kind)) takenBack -= purchasedPart;
        }
      }
      // Bought points are in a wallet (below zero while owed), spent on an unlock or a tip to a publisher, or taken back: none appear or vanish.
      const bought = [...purchasedIn.values()].reduce((total, points) => total + points, 0);
      expect(purchasedInWallets + spentOnUnlocks + tippedToPublishers + takenBack).toBe(bought);
      let earnedFromPurchased = 0;
      let chargedBack = 0;
      for (const publisher of publishers) {
        for (const entry of await checkPublisher(publisher)) {
          if (entry.kind === 'unlock' || entry.kind === 'reversal') earnedFromPurchased += (entry.points as number) - ((entry.promoPoints as number | undefined) ?? 0);
          if (entry.kind === 'tip') earnedFromPurchased += entry.points as number;
          if (entry.kind === 'chargeback' || entry.kind === 'reinstated') chargedBack -= entry.points as number;
        }
      }
      // With no platform share, publishers earned exactly the purchased points spent with them (refunds aside: below).
      expect(earnedFromPurchased).toBe(spentOnUnlocks + tippedToPublishers);
      // Points taken back after they were spent were reversed from a publisher or borne by the platform, to the point.
      let spentWhenTaken = 0;
      for (const purchase of [...purchasesOf.values()].flat()) {
        const facts = await readPaymentIntent(stack.deps.db, purchase.paymentIntentId);
        spentWhenTaken += (facts?.reversals ?? []).reduce((total, reversal) => total + reversal.spent, 0);
        expect((facts?.reversals ?? []).reduce((total, reversal) => total + reversal.points, 0)).toBeLessThanOrEqual(300);
      }
      const losses = (await queryAll(PLATFORM_LOSSES_PK, 'LOSS#')).reduce((total, loss) => total + (loss.points as number), 0);
      expect(chargedBack + losses).toBe(spentWhenTaken);
      platformLoss = losses;
    };
    let platformLoss = 0;

    for (let step = 0; step < STEPS; step++) {
      // A second between steps, so each step's ledger entries sort after the last step's.
      clock = new Date(clock.getTime() + 1000);
      const reader = pick(readers);
      const publisher = pick(publishers);
      const operation = pick([
        'buy', 'buy', 'unlock', 'unlock', 'unlock', 'unlock', 'undo', 'tip', 'tip', 'subscribe', 'cancel',
        'refund', 'refund_request', 'dispute', 'dispute_close', 'payout', 'payout_killed', 'clock', 'clock', 'clock',
      ] as const);
      counts[operation] = (counts[operation] ?? 0) + 1;
      if (operation === 'buy') {
        const metadata = { purpose: 'points', userId: reader.userId, points: '300' };
        const paymentIntentId = `pi_books_${++sessions}`;
        stub.setPaymentIntent({ id: paymentIntentId, amount: 420, metadata });
        const session = { id: `cs_test_books_${sessions}`, object: 'checkout.session', mode: 'payment', payment_status: 'paid', payment_intent: paymentIntentId, amount_total: 420, metadata };
        const first = await deliver('checkout.session.completed', session);
        if (first.outcome === 'credited') {
          purchasedIn.set(session.id, 300);
          purchasesOf.set(reader.userId, [...(purchasesOf.get(reader.userId) ?? []), { sessionId: session.id, paymentIntentId }]);
        }
        if (random(3) === 0) expect((await deliver('checkout.session.completed', session)).outcome).toBe('duplicate');
      } else if (operation === 'refund' && purchasesOf.has(reader.userId)) {
        // Stripe refunds half or all of a purchase; sometimes the event comes twice.
        const purchase = pick(purchasesOf.get(reader.userId)!);
        const event = chargeOf(purchase.paymentIntentId, random(2) === 0 ? 210 : 420);
        expect((await deliver('charge.refunded', event)).outcome).toBe('reversed');
        if (random(3) === 0) await deliver('charge.refunded', event);
      } else if (operation === 'refund_request' && purchasesOf.has(reader.userId)) {
        const purchase = pick(purchasesOf.get(reader.userId)!);
        const response = await stack.request(`/v1/me/purchases/${purchase.sessionId}/refund`, { method: 'POST', headers: reader.auth });
        expect([200, 409]).toContain(response.status);
        if (response.status === 200) counts.refund_granted = (counts.refund_granted ?? 0) + 1;
      } else if (operation === 'dispute' && purchasesOf.has(reader.userId)) {
        const purchase = pick(purchasesOf.get(reader.userId)!);
        const disputeId = `dp_books_${step}`;
        await deliver('charge.dispute.created', { id: disputeId, object: 'dispute', amount: 420, payment_intent: purchase.paymentIntentId, status: 'needs_response' });
        openDisputes.push({ paymentIntentId: purchase.paymentIntentId, disputeId });
      } else if (operation === 'dispute_close' && openDisputes.length > 0) {
        const { paymentIntentId, disputeId } = openDisputes.splice(random(openDisputes.length), 1)[0]!;
        const status = random(2) === 0 ? 'won' : 'lost';
        counts[`dispute_${status}`] = (counts[`dispute_${status}`] ?? 0) + 1;
        await deliver('charge.dispute.closed', { id: disputeId, object: 'dispute', amount: 420, payment_intent: paymentIntentId, status });
      } else if (operation === 'unlock') {
        const articleId = pick(publisher.ids);
        const response = await stack.request(`/v1/articles/${articleId}/unlock`, { method: 'POST', headers: reader.auth });
        expect([200, 402]).toContain(response.status);
        if (response.status === 200 && (await json(response)).access.via === 'points') reader.unlocked.push(articleId);
      } else if (operation === 'undo' && reader.unlocked.length > 0) {
        const articleId = reader.unlocked.at(-1)!;
        const response = await stack.request(`/v1/articles/${articleId}/unlock`, { method: 'DELETE', headers: reader.auth });
        expect([200, 404, 409]).toContain(response.status);
        if (response.status !== 409) reader.unlocked.pop();
      } else if (operation === 'tip') {
        const other = pick(readers);
        const post = random(2) === 0 ? publisher.post : other.post;
        const response = await stack.request(`/v1/posts/${post}/tip`, { method: 'POST', headers: { ...reader.auth, 'content-type': 'application/json' }, body: JSON.stringify({ points: 1 + random(30) }) });
        expect([200, 400, 402]).toContain(response.status);
      } else if (operation === 'subscribe') {
        const id = `sub_books_${++subscriptions}`;
        stub.setSubscription({ id, status: 'active', currentPeriodEnd: new Date(clock.getTime() + 30 * 86400_000), metadata: { userId: reader.userId, publisherSlug: publisher.slug, planId: 'monthly' } });
        await deliver('customer.subscription.created', { id });
      } else if (operation === 'cancel') {
        const response = await stack.request(`/v1/me/subscriptions/${publisher.slug}/cancel`, { method: 'POST', headers: reader.auth });
        expect([200, 404]).toContain(response.status);
      } else if (operation === 'payout' || operation === 'payout_killed') {
        const outcomes = await runPayouts(stack.deps.db, operation === 'payout' ? realTransfers : dyingTransfers, { ...stack.deps.config.payouts, now: clock });
        for (const outcome of outcomes) if (operation === 'payout') expect(outcome.outcome).not.toBe('failed');
      } else if (operation === 'clock') {
        clock = new Date(clock.getTime() + (1 + random(36)) * 3600_000);
      }

      if (operation === 'payout' || operation === 'payout_killed') for (const each of publishers) await checkPublisher(each);
      else {
        await checkReader(reader.userId);
        await checkPublisher(publisher);
      }
      if (step % 100 === 99) await checkEverything();
    }
    // Finish whatever a killed run left in flight, then close the books.
    await runPayouts(stack.deps.db, realTransfers, { ...stack.deps.config.payouts, now: clock });
    await checkEverything();
    for (const publisher of publishers) expect((await readPayoutState(stack.deps.db, publisher.slug)).pending).toBeUndefined();
    // The sequence really exercised the money paths.
    expect(Object.keys(counts).sort()).toEqual([
      'buy', 'cancel', 'clock', 'dispute', 'dispute_close', 'dispute_lost', 'dispute_won', 'payout', 'payout_killed',
      'refund', 'refund_granted', 'refund_request', 'subscribe', 'tip', 'undo', 'unlock',
    ]);
    expect(counts.buy).toBeGreaterThan(50);
    // Some refunds and disputes came after their points were spent, and some of those after the hold.
    const reversals = (await Promise.all([...purchasesOf.values()].flat().map((purchase) => readPaymentIntent(stack.deps.db, purchase.paymentIntentId)))).flatMap((facts) => facts?.reversals ?? []);
    expect(reversals.filter((reversal) => reversal.spent > 0).length).toBeGreaterThan(2);
    expect(platformLoss).toBeGreaterThan(0);
    console.info(`Reconciliation: ${JSON.stringify(counts)}; ${reversals.length} reversals, ${reversals.filter((reversal) => reversal.spent > 0).length} of spent points; platform loss ${platformLoss} points.`);
    expect(stub.transfers.length).toBeGreaterThan(PUBLISHERS);
    expect(purchasedIn.size).toBe(counts.buy);
  }, 600_000);
});
