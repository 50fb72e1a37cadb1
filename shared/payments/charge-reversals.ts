/**
 * What a refunded or disputed charge means for postwire. The charge names its
 * payment intent; that tells what was bought:
 *  - points: the refund or dispute is recorded as a fact of the purchase and
 *    settled (payment-reversals.ts) — now, or when the purchase is credited if
 *    the refund was heard of first;
 *  - a subscription's invoice: a full refund, or a dispute, ends the
 *    subscription at once, in Stripe and here;
 *  - anything else is not ours.
 */
import type Stripe from 'stripe';
import type { Db } from '../db/client.js';
import { readPaymentIntent, updatePaymentIntent, withDispute, withRefund, type PaymentIntentFacts } from './payment-intent.js';
import { settlePaymentReversals, type ReversalOptions } from './payment-reversals.js';

export type ChargeOutcome = 'reversed' | 'recorded' | 'subscription_ended' | 'ignored';

type Purchase = { kind: 'points'; paymentIntentId: string; known: PaymentIntentFacts | undefined } | { kind: 'subscription'; subscriptionId: string } | undefined;

export const idOf = (ref: string | { id: string } | null | undefined): string | undefined => (typeof ref === 'string' ? ref : ref?.id);

export async function onChargeRefunded(db: Db, stripe: Stripe, charge: Stripe.Charge, options: ChargeOptions): Promise<ChargeOutcome> {
  const paymentIntentId = idOf(charge.payment_intent);
  if (!paymentIntentId) return 'ignored';
  const purchase = await purchaseOf(db, stripe, paymentIntentId);
  if (purchase?.kind === 'points') return recordAndSettle(db, purchase, (facts) => withRefund(facts, charge.amount_refunded, charge.amount), options);
  // A partial refund of a subscription payment is a goodwill credit; the whole payment back ends the subscription.
  if (purchase?.kind === 'subscription' && charge.refunded) return options.endSubscription(purchase.subscriptionId);
  return 'ignored';
}

export async function onDispute(db: Db, stripe: Stripe, dispute: Stripe.Dispute, options: ChargeOptions): Promise<ChargeOutcome> {
  const paymentIntentId = idOf(dispute.payment_intent);
  if (!paymentIntentId) return 'ignored';
  const purchase = await purchaseOf(db, stripe, paymentIntentId);
  if (purchase?.kind === 'points') {
    return recordAndSettle(db, purchase, (facts) => withDispute(facts, dispute.id, { amountCents: dispute.amount, status: dispute.status }), options);
  }
  // A reader who disputes a subscription payment does not keep reading on it, whatever the dispute's outcome.
  if (purchase?.kind === 'subscription' && !dispute.status.startsWith('warning_')) return options.endSubscription(purchase.subscriptionId);
  return 'ignored';
}

export interface ChargeOptions extends ReversalOptions {
  endSubscription(subscriptionId: string): Promise<ChargeOutcome>;
}

async function recordAndSettle(
  db: Db,
  purchase: { paymentIntentId: string; known: PaymentIntentFacts | undefined },
  change: (facts: PaymentIntentFacts) => PaymentIntentFacts,
  options: ReversalOptions,
): Promise<ChargeOutcome> {
  const facts = await updatePaymentIntent(db, purchase.paymentIntentId, change, purchase.known);
  // Not credited yet (the refund overtook the purchase's own event): the credit settles it.
  if (!facts.creditedAt) return 'recorded';
  await settlePaymentReversals(db, purchase.paymentIntentId, options, facts);
  return 'reversed';
}

/** Points (our purchase record, or the metadata Checkout put on the intent), a subscription's invoice, or nothing of ours. */
async function purchaseOf(db: Db, stripe: Stripe, paymentIntentId: string): Promise<Purchase> {
  const known = await readPaymentIntent(db, paymentIntentId);
  if (known?.creditedAt) return { kind: 'points', paymentIntentId, known };
  const intent = await stripe.paymentIntents.retrieve(paymentIntentId);
  if (intent.metadata?.purpose === 'points') return { kind: 'points', paymentIntentId, known };
  const payments = await stripe.invoicePayments.list({ payment: { type: 'payment_intent', payment_intent: paymentIntentId }, limit: 1 });
  const invoiceId = idOf(payments.data[0]?.invoice as string | { id: string } | undefined);
  if (!invoiceId) return undefined;
  const invoice = await stripe.invoices.retrieve(invoiceId);
  const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription);
  return subscriptionId ? { kind: 'subscription', subscriptionId } : undefined;
}
