/**
 * What a refund or a dispute costs to settle, per Stripe event, against
 * DynamoDB Local: latency and DynamoDB round trips, beside crediting the
 * purchase in the first place (the baseline, measured in the same run).
 * Spent refunds trace five unlocks each; disputes are opened, then won.
 */
import type Stripe from 'stripe';
import StripeSdk from 'stripe';
import { handleStripeEvent } from '../shared/payments/stripe-webhooks.js';
import { benchApp } from './bench-app.js';
import { median, printTable, round } from './stats.js';

const READERS_PER_CASE = 20;
const UNLOCKS_BEFORE_REFUND = 5;

export async function runRefundBench(endpoint: string): Promise<void> {
  const { config, deps, app } = await benchApp('refund', endpoint, {
    PASSWORD_HASH_COST: '12',
    STARTER_POINTS: '0',
    // Sixty sign-ups from one domain in a minute: what the sign-up limit exists to stop, here on purpose.
    SIGNUP_RATE_LIMITS: 'address:1000,domain:1000',
  });
  // Settling a purchase we hold calls no Stripe API; the SDK is only there to satisfy the handler.
  const stripe: Stripe = new StripeSdk('sk_test_bench_never_called');
  const call = async (path: string, init: RequestInit) => (await app.request(path, init)).json() as Promise<Record<string, any>>;

  const { apiKey } = await call('/v1/admin/publishers', {
    method: 'POST',
    headers: { authorization: `Bearer ${config.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ slug: 'bench-refunds', name: 'Bench', articlePrice: 60, freeArticlesPerMonth: 0 }),
  });
  const items = Array.from({ length: UNLOCKS_BEFORE_REFUND }, (_, i) => `<item><title>Bench ${i}</title><link>https://bench.example/r/${i}</link><guid>r-${i}</guid><description>Body ${i}</description></item>`);
  await app.request('/v1/publisher/ingest', {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/rss+xml' },
    body: `<rss version="2.0"><channel><title>b</title><link>https://bench.example/</link>${items.join('')}</channel></rss>`,
  });
  const articleIds = ((await call('/v1/articles?publisher=bench-refunds&limit=100', {})).items as Array<{ id: string }>).map((item) => item.id);

  let events = 0;
  const measured = new Map<string, { ms: number[]; trips: number[] }>();
  const deliver = async (label: string, type: string, object: Record<string, unknown>) => {
    const event = { id: `evt_bench_${++events}`, object: 'event', type, data: { object } } as unknown as Stripe.Event;
    deps.db.roundTrips.reset();
    const started = performance.now();
    const outcome = await handleStripeEvent(deps.db, stripe, event, deps.now, { graceDays: 3, holdDays: 7 });
    const row = measured.get(label) ?? { ms: [], trips: [] };
    row.ms.push(performance.now() - started);
    row.trips.push(deps.db.roundTrips.total);
    measured.set(label, row);
    return outcome;
  };
  const charge = (pi: string) => ({ id: `ch_${pi}`, object: 'charge', amount: 420, amount_refunded: 420, refunded: true, payment_intent: pi });
  const dispute = (pi: string, status: string) => ({ id: `dp_${pi}`, object: 'dispute', amount: 420, payment_intent: pi, status });

  for (const scenario of ['unspent', 'spent', 'dispute'] as const) {
    for (let i = 0; i < READERS_PER_CASE; i++) {
      const { token, user } = await call('/v1/auth/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `${scenario}${i}@bench.example`, password: 'bench password', handle: `${scenario}_${i}` }),
      });
      const pi = `pi_bench_${scenario}_${i}`;
      const paid = { id: `cs_bench_${scenario}_${i}`, object: 'checkout.session', mode: 'payment', payment_status: 'paid', payment_intent: pi, amount_total: 420, metadata: { purpose: 'points', userId: user.userId, points: '300' } };
      if ((await deliver('baseline: credit a purchase (checkout.session.completed)', 'checkout.session.completed', paid)) !== 'credited') throw new Error('not credited');
      if (scenario !== 'unspent') {
        for (const articleId of articleIds) await app.request(`/v1/articles/${articleId}/unlock`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
      }
      if (scenario === 'unspent') await deliver('refund, points unspent', 'charge.refunded', charge(pi));
      if (scenario === 'spent') await deliver(`refund, all spent (${UNLOCKS_BEFORE_REFUND} unlocks traced, earnings reversed)`, 'charge.refunded', charge(pi));
      if (scenario === 'dispute') {
        await deliver(`dispute opened, all spent (${UNLOCKS_BEFORE_REFUND} unlocks traced)`, 'charge.dispute.created', dispute(pi, 'needs_response'));
        await deliver('dispute won: points, earnings and loss given back', 'charge.dispute.closed', dispute(pi, 'won'));
      }
      await deliver('the same refund or dispute event again (nothing left to do)', scenario === 'dispute' ? 'charge.dispute.closed' : 'charge.refunded', scenario === 'dispute' ? dispute(pi, 'won') : charge(pi));
    }
  }

  printTable(
    `Refunds and disputes: ${READERS_PER_CASE} readers per case, one Stripe event each, DynamoDB Local`,
    [...measured].map(([event, row]) => ({
      event,
      events: row.ms.length,
      'median ms': round(median(row.ms), 1),
      'DynamoDB round trips': round(median(row.trips), 0),
    })),
  );
}
