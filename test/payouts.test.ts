/**
 * Paying publishers: Connect onboarding, the hold, the threshold, and a payout
 * run that is killed and run again — through the real Stripe SDK against the
 * local Stripe stand-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPayouts, type PayoutTransfers } from '../shared/payouts/payout-run.js';
import { stripeTransfers } from '../shared/payouts/stripe-payouts.js';
import { createStripeTestStack, type StripeTestStack } from './support/stripe-stack.js';
import type { StripeStub } from './support/stripe-stub.js';
import type { TestStack } from './support/test-stack.js';

const DAY = 86400_000;
let payments: StripeTestStack;
let stub: StripeStub;
let stack: TestStack;
let clock = new Date('2026-11-02T10:00:00Z');

beforeAll(async () => {
  // Readers start with enough promotional points for a few $30 unlocks; the platform funds them.
  payments = await createStripeTestStack({ now: () => clock, env: { STARTER_POINTS: '10000', PROMO_BUDGET_POINTS: '1000000' } });
  ({ stub, stack } = payments);
});

afterAll(async () => {
  await payments.close();
});

const json = async (response: Response) => (await response.json()) as Record<string, any>;
const deliver = (type: string, object: Record<string, unknown>) => payments.deliver(type, object);

/** A publisher whose Connect account Stripe has approved, with `count` articles at $30. */
async function payablePublisher(slug: string, count: number) {
  const { auth, ids } = await stack.publisherWithArticles(slug, count, { settings: { articlePrice: 3000, freeArticlesPerMonth: 0 } });
  const onboarding = await json(await stack.request('/v1/publisher/connect', { method: 'POST', headers: auth }));
  const account = stub.accounts.at(-1)!;
  expect(onboarding).toEqual({ onboardingUrl: `https://connect.stripe.test/setup/${account.id}`, payoutAccount: 'onboarding' });
  await deliver('account.updated', { id: account.id, object: 'account', payouts_enabled: true, details_submitted: true, metadata: { publisherSlug: slug } });
  return { auth, ids, accountId: account.id! };
}

async function unlockAs(handle: string, articleId: string) {
  const reader = await stack.signUp(handle);
  expect((await stack.request(`/v1/articles/${articleId}/unlock`, { method: 'POST', headers: reader.auth })).status).toBe(200);
}

const balanceOf = async (auth: Record<string, string>) => json(await stack.request('/v1/publisher/balance', { headers: auth }));
const run = (transfers: PayoutTransfers = stripeTransfers(payments.sdk)) => runPayouts(stack.deps.db, transfers, { ...stack.deps.config.payouts, now: clock });

describe('connecting a publisher to be paid', () => {
  it('makes one Express account however often onboarding is asked for, and payouts wait until Stripe approves it', async () => {
    const { auth } = await stack.createPublisher('onboard-pub');
    const first = await json(await stack.request('/v1/publisher/connect', { method: 'POST', headers: auth }));
    const again = await json(await stack.request('/v1/publisher/connect', { method: 'POST', headers: auth }));
    expect(again.onboardingUrl).toBe(first.onboardingUrl);
    expect(stub.accounts.filter((account) => account['metadata[publisherSlug]'] === 'onboard-pub')).toHaveLength(1);
    expect(stub.accounts.at(-1)).toMatchObject({ type: 'express', 'capabilities[transfers][requested]': 'true' });
    expect(await balanceOf(auth)).toMatchObject({ payoutAccount: 'onboarding', availableCents: 0 });
    // An update for someone else's account changes nothing.
    expect((await deliver('account.updated', { id: 'acct_intruder', object: 'account', payouts_enabled: true, metadata: { publisherSlug: 'onboard-pub' } })).outcome).toBe('ignored');
    expect(await balanceOf(auth)).toMatchObject({ payoutAccount: 'onboarding' });
    expect((await stack.request('/v1/publisher/connect', { method: 'POST' })).status).toBe(401);
  });
});

describe('the payout endpoints', () => {
  it('answer only the publisher itself, and are in the API description', async () => {
    const { auth } = await stack.createPublisher('payout-authz');
    const reader = await stack.signUp('payout_snoop');
    for (const [method, path] of [
      ['POST', '/v1/publisher/connect'],
      ['GET', '/v1/publisher/balance'],
      ['GET', '/v1/publisher/payouts'],
      ['GET', '/v1/publisher/statements/2026-11'],
    ] as const) {
      expect((await stack.request(path, { method })).status, `${method} ${path}`).toBe(401);
      expect((await stack.request(path, { method, headers: reader.auth })).status, `${method} ${path} with a reader token`).toBe(401);
      expect((await stack.request(path, { method, headers: stack.admin })).status, `${method} ${path} with the operator token`).toBe(401);
    }
    expect(await balanceOf(auth)).toMatchObject({ heldCents: 0, availableCents: 0, paidOutCents: 0, payoutAccount: 'none' });
    const paths = Object.keys((await json(await stack.request('/openapi.json'))).paths);
    expect(paths).toEqual(expect.arrayContaining(['/v1/publisher/connect', '/v1/publisher/balance', '/v1/publisher/payouts', '/v1/publisher/statements/{month}']));
  });
});

describe('a payout run', () => {
  it('holds earnings for 7 days, waits for $50, then pays once by transfer and records it', async () => {
    clock = new Date('2026-11-02T10:00:00Z');
    const { auth, ids, accountId } = await payablePublisher('paid-pub', 2);
    await unlockAs('payee_reader_a', ids[0]!);
    expect(await balanceOf(auth)).toMatchObject({ heldCents: 3000, availableCents: 0, paidOutCents: 0, payoutAccount: 'ready' });

    clock = new Date(clock.getTime() + 8 * DAY);
    expect((await run()).find((outcome) => outcome.publisherSlug === 'paid-pub')).toMatchObject({ outcome: 'below_threshold', amountCents: 3000 });
    await unlockAs('payee_reader_b', ids[1]!);
    expect(await balanceOf(auth)).toMatchObject({ heldCents: 3000, availableCents: 3000 });

    clock = new Date(clock.getTime() + 8 * DAY);
    const paid = (await run()).find((outcome) => outcome.publisherSlug === 'paid-pub');
    expect(paid).toMatchObject({ outcome: 'paid', amountCents: 6000 });
    expect(stub.transfers.filter((transfer) => transfer.destination === accountId)).toEqual([expect.objectContaining({ amount: 6000 })]);
    expect(await balanceOf(auth)).toMatchObject({ heldCents: 0, availableCents: 0, inFlightCents: 0, paidOutCents: 6000 });
    const payouts = await json(await stack.request('/v1/publisher/payouts', { headers: auth }));
    expect(payouts.items).toEqual([expect.objectContaining({ amountCents: 6000, currency: 'usd', transferId: stub.transfers.at(-1)!.id })]);

    // The same day again: nothing more is due, nothing is sent.
    expect((await run()).find((outcome) => outcome.publisherSlug === 'paid-pub')).toMatchObject({ outcome: 'nothing_due' });
    expect(stub.transfers.filter((transfer) => transfer.destination === accountId)).toHaveLength(1);
  });

  it('states each month to the cent: opening + earned − reversed − paid out = closing, in JSON and CSV', async () => {
    clock = new Date('2026-11-03T10:00:00Z');
    const { auth, ids } = await payablePublisher('statement-pub', 3);
    await unlockAs('statement_a', ids[0]!);
    await unlockAs('statement_b', ids[1]!);
    clock = new Date('2026-11-12T10:00:00Z');
    expect((await run()).find((outcome) => outcome.publisherSlug === 'statement-pub')).toMatchObject({ outcome: 'paid', amountCents: 6000 });
    await unlockAs('statement_c', ids[2]!);
    const undoer = await stack.signUp('statement_undoer');
    await stack.request(`/v1/articles/${ids[0]}/unlock`, { method: 'POST', headers: undoer.auth });
    expect((await stack.request(`/v1/articles/${ids[0]}/unlock`, { method: 'DELETE', headers: undoer.auth })).status).toBe(200);

    const november = await json(await stack.request('/v1/publisher/statements/2026-11', { headers: auth }));
    expect(november).toMatchObject({ month: '2026-11', currency: 'usd', openingCents: 0, earnedCents: 12000, reversedCents: 3000, paidOutCents: 6000, closingCents: 3000 });
    expect(november.lines.reduce((total: number, line: { amountCents: number }) => total + line.amountCents, 0)).toBe(november.closingCents - november.openingCents);
    const december = await json(await stack.request('/v1/publisher/statements/2026-12', { headers: auth }));
    expect(december).toMatchObject({ openingCents: 3000, earnedCents: 0, closingCents: 3000, lines: [] });

    // A spreadsheet by content negotiation, as the contract says; `?format=csv` gives the same for a plain link.
    const csv = await stack.request('/v1/publisher/statements/2026-11', { headers: { ...auth, accept: 'text/csv' } });
    expect(await (await stack.request('/v1/publisher/statements/2026-11?format=csv', { headers: auth })).text()).toBe(await csv.clone().text());
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const rows = (await csv.text()).trim().split('\r\n').map((row) => row.split(','));
    expect(rows[0]).toEqual(['at', 'kind', 'reference', 'amount_cents', 'note']);
    const amounts = rows.slice(1, -1).map((row) => Number(row[3]));
    expect(amounts.reduce((total, amount) => total + amount, 0)).toBe(Number(rows.at(-1)![3]));
    expect(rows.at(-1)!.slice(1, 4)).toEqual(['closing', '', '3000']);
    expect((await stack.request('/v1/publisher/statements/2026-13', { headers: auth })).status).toBe(400);
  });

  it('killed after sending or before sending, and run again, pays exactly once', async () => {
    clock = new Date('2026-11-02T10:00:00Z');
    const crashAfter = await payablePublisher('crash-after', 2);
    const crashBefore = await payablePublisher('crash-before', 2);
    for (const [i, { ids }] of [crashAfter, crashBefore].entries()) {
      await unlockAs(`crash_reader_${i}_a`, ids[0]!);
      await unlockAs(`crash_reader_${i}_b`, ids[1]!);
    }
    clock = new Date(clock.getTime() + 8 * DAY);
    const real = stripeTransfers(payments.sdk);
    // The process dies right after Stripe made the transfer for one publisher, and right before it for the other.
    const dying: PayoutTransfers = {
      async send(payout) {
        if (payout.publisherSlug === 'crash-before') throw new Error('killed before the transfer');
        await real.send(payout);
        throw new Error('killed after the transfer');
      },
    };
    const crashed = await run(dying);
    expect(crashed.filter((outcome) => outcome.publisherSlug.startsWith('crash-')).map((outcome) => outcome.outcome)).toEqual(['failed', 'failed']);
    expect(await balanceOf(crashAfter.auth)).toMatchObject({ inFlightCents: 6000, availableCents: 0, paidOutCents: 0 });

    const resumed = await run();
    for (const { auth, accountId } of [crashAfter, crashBefore]) {
      expect(stub.transfers.filter((transfer) => transfer.destination === accountId)).toEqual([expect.objectContaining({ amount: 6000 })]);
      expect(await balanceOf(auth)).toMatchObject({ inFlightCents: 0, availableCents: 0, paidOutCents: 6000 });
      expect((await json(await stack.request('/v1/publisher/payouts', { headers: auth }))).items).toHaveLength(1);
    }
    expect(resumed.filter((outcome) => outcome.publisherSlug.startsWith('crash-')).map((outcome) => outcome.outcome)).toEqual(['paid', 'paid']);
    await run();
    expect(stub.transfers.filter((transfer) => [crashAfter.accountId, crashBefore.accountId].includes(transfer.destination))).toHaveLength(2);
  });
});
