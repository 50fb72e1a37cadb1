/**
 * Stripe webhooks. The signature is checked by the Stripe SDK itself; then:
 *  - a paid Checkout for points credits them once per session, however many
 *    times the event is delivered;
 *  - any subscription or invoice event re-reads the subscription from Stripe and
 *    stores that current state, so events arriving late or out of order can
 *    neither revoke nor extend access wrongly;
 *  - a refunded or disputed charge takes a purchase's points back, or ends a
 *    subscription (charge-reversals.ts).
 */
import type Stripe from 'stripe';
import type { Db } from '../db/client.js';
import { ValidationFailed } from '../errors.js';
import { findSubscription, recordTrialClaim, saveSubscription } from '../subscriptions/subscription-store.js';
import type { Subscription } from '../subscriptions/subscription.js';
import { updatePayoutAccountStatus } from '../payouts/payout-account.js';
import { creditPaymentOnce } from '../wallet/wallet-store.js';
import { idOf, onChargeRefunded, onDispute, type ChargeOptions, type ChargeOutcome } from './charge-reversals.js';
import { settlePaymentReversals } from './payment-reversals.js';

/**
 * `orphaned`: a paid purchase for an account with no wallet, recorded for an operator (alarm OrphanedPayments).
 * `reversed`: a refund or dispute settled against the wallet and earnings; `recorded`: one heard of before its purchase was credited.
 */
export type WebhookOutcome = 'credited' | 'duplicate' | 'orphaned' | 'subscription_saved' | 'account_updated' | ChargeOutcome;

/** A signed event whose signature is at most Stripe's tolerance (300 s) from `receivedAt`: the app's clock, as every other time it keeps. */
export async function verifyStripeEvent(stripe: Stripe, rawBody: string, signature: string | undefined, secret: string, receivedAt: Date): Promise<Stripe.Event> {
  if (!signature) throw new ValidationFailed('The Stripe-Signature header is missing.', [{ field: 'Stripe-Signature', message: 'required' }]);
  try {
    return await stripe.webhooks.constructEventAsync(rawBody, signature, secret, undefined, undefined, Math.floor(receivedAt.getTime() / 1000));
  } catch {
    throw new ValidationFailed('The webhook signature does not verify.', [{ field: 'Stripe-Signature', message: 'invalid' }]);
  }
}

export interface WebhookOptions {
  /** Days a subscription whose renewal failed keeps access (`past_due`). */
  graceDays: number;
  /** Days earnings are held before payout: a refund or dispute reverses them only within it. */
  holdDays: number;
}

export async function handleStripeEvent(db: Db, stripe: Stripe, event: Stripe.Event, now: () => Date, options: WebhookOptions): Promise<WebhookOutcome> {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
      if (session.metadata?.purpose !== 'points' || session.payment_status !== 'paid') return 'ignored';
      const { userId, points } = session.metadata;
      if (!userId || !points) return 'ignored';
      const paymentIntentId = idOf(session.payment_intent);
      const { outcome, intent } = await creditPaymentOnce(
        db,
        { paymentId: session.id, userId, points: Number(points), note: `Bought ${points} points`, paymentIntentId, amountCents: session.amount_total ?? undefined },
        now(),
      );
      // A refund or dispute heard of before the purchase is settled now (also on a repeat, in case the first stopped here).
      if (paymentIntentId && outcome !== 'orphaned') await settlePaymentReversals(db, paymentIntentId, { now, holdDays: options.holdDays }, intent);
      return outcome;
    }
    case 'charge.refunded':
      return onChargeRefunded(db, stripe, event.data.object, chargeOptions(db, stripe, now, options));
    case 'charge.dispute.created':
    case 'charge.dispute.updated':
    case 'charge.dispute.closed':
      return onDispute(db, stripe, event.data.object, chargeOptions(db, stripe, now, options));
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
      return refreshSubscription(db, stripe, event.data.object.id, now, options);
    case 'invoice.paid':
    case 'invoice.payment_failed': {
      const subscriptionId = subscriptionOfInvoice(event.data.object);
      return subscriptionId ? refreshSubscription(db, stripe, subscriptionId, now, options) : 'ignored';
    }
    case 'account.updated': {
      // A publisher's Connect account: payouts start once Stripe says it can receive them.
      const account = event.data.object;
      const publisherSlug = account.metadata?.publisherSlug;
      if (!publisherSlug) return 'ignored';
      const status = { payoutsEnabled: account.payouts_enabled ?? false, detailsSubmitted: account.details_submitted ?? false };
      return (await updatePayoutAccountStatus(db, publisherSlug, account.id, status, now())) ? 'account_updated' : 'ignored';
    }
    default:
      return 'ignored';
  }
}

function chargeOptions(db: Db, stripe: Stripe, now: () => Date, options: WebhookOptions): ChargeOptions {
  return {
    now,
    holdDays: options.holdDays,
    async endSubscription(subscriptionId) {
      const current = await stripe.subscriptions.retrieve(subscriptionId);
      if (!ENDED.has(current.status)) await stripe.subscriptions.cancel(subscriptionId, { prorate: false }, { idempotencyKey: `end-refunded-${subscriptionId}` });
      await refreshSubscription(db, stripe, subscriptionId, now, options);
      return 'subscription_ended';
    },
  };
}

const ENDED = new Set(['canceled', 'incomplete_expired']);

/**
 * Reads the subscription as Stripe has it now and stores that. A trialing one
 * records the reader's trial of the publisher (one per reader, card or not); a
 * past_due one keeps access until its grace period, counted from the first
 * time we saw it past due, ends.
 */
export async function refreshSubscription(db: Db, stripe: Stripe, subscriptionId: string, now: () => Date, options: WebhookOptions): Promise<WebhookOutcome> {
  const current = await stripe.subscriptions.retrieve(subscriptionId);
  const { userId, publisherSlug, planId } = current.metadata ?? {};
  if (!userId || !publisherSlug || !planId) return 'ignored';
  const at = now();
  const periodEnd = current.items.data[0]?.current_period_end ?? current.ended_at ?? Math.floor(at.getTime() / 1000);
  let graceUntil: string | undefined;
  if (current.status === 'past_due') {
    const stored = await findSubscription(db, userId, publisherSlug);
    const sameAndPastDue = stored?.stripeSubscriptionId === current.id && stored.status === 'past_due' && stored.graceUntil;
    graceUntil = sameAndPastDue ? stored.graceUntil : new Date(at.getTime() + options.graceDays * 86400_000).toISOString();
  }
  const subscription: Subscription = {
    publisherSlug,
    planId,
    kind: 'paid',
    status: current.status,
    currentPeriodEnd: new Date(periodEnd * 1000).toISOString(),
    cancelAtPeriodEnd: current.cancel_at_period_end,
    stripeSubscriptionId: current.id,
    graceUntil,
    updatedAt: at.toISOString(),
  };
  if (current.status === 'trialing') await recordTrialClaim(db, userId, publisherSlug, planId, subscription.updatedAt);
  await saveSubscription(db, userId, subscription, at);
  return 'subscription_saved';
}

const subscriptionOfInvoice = (invoice: Stripe.Invoice): string | undefined => idOf(invoice.parent?.subscription_details?.subscription);
