/**
 * Stripe Checkout sessions for buying points and for subscribing. What the
 * webhook needs later travels in the session's metadata; nothing is credited
 * or granted here.
 */
import type Stripe from 'stripe';
import type { PaymentsConfig, PointPack } from '../config.js';
import type { Plan } from '../publishers/publisher.js';

export interface CheckoutLink {
  sessionId: string;
  checkoutUrl: string;
}

const link = (session: Stripe.Checkout.Session): CheckoutLink => ({ sessionId: session.id, checkoutUrl: session.url ?? '' });

export async function checkoutPointPack(stripe: Stripe, payments: PaymentsConfig, userId: string, pack: PointPack): Promise<CheckoutLink> {
  const metadata = { purpose: 'points', userId, packId: pack.packId, points: String(pack.points) };
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    client_reference_id: userId,
    line_items: [
      { quantity: 1, price_data: { currency: 'usd', unit_amount: pack.priceCents, product_data: { name: `${pack.points} postwire points` } } },
    ],
    metadata,
    payment_intent_data: { metadata },
    success_url: payments.successUrl,
    cancel_url: payments.cancelUrl,
  });
  return link(session);
}

/**
 * Subscribing through Checkout. With `trialDays`, Stripe takes the card now,
 * charges nothing until the trial ends, then converts the subscription to paid
 * by itself unless it was cancelled.
 */
export async function checkoutSubscription(
  stripe: Stripe,
  payments: PaymentsConfig,
  userId: string,
  publisher: { slug: string; name: string },
  plan: Plan,
  trialDays = 0,
): Promise<CheckoutLink> {
  const metadata = { purpose: 'subscription', userId, publisherSlug: publisher.slug, planId: plan.planId };
  const session = await stripe.checkout.sessions.create({
    mode: 'subscription',
    client_reference_id: userId,
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: plan.currency,
          unit_amount: plan.priceCents,
          recurring: { interval: plan.interval },
          product_data: { name: `${publisher.name} — ${plan.name}` },
        },
      },
    ],
    metadata,
    subscription_data: { metadata, ...(trialDays > 0 ? { trial_period_days: trialDays } : {}) },
    success_url: payments.successUrl,
    cancel_url: payments.cancelUrl,
  });
  return link(session);
}

/**
 * Moves a subscription to another plan. Stripe prices a subscription item only
 * from a Price object, so the plan's price is created first; the switch is then
 * prorated by Stripe (credit for the unused part of the old period).
 */
export async function switchSubscriptionPlan(stripe: Stripe, subscriptionId: string, publisher: { slug: string; name: string }, plan: Plan): Promise<void> {
  const subscription = await stripe.subscriptions.retrieve(subscriptionId);
  const item = subscription.items.data[0];
  if (!item) throw new Error(`Subscription ${subscriptionId} has no item to switch.`);
  const price = await stripe.prices.create({
    currency: plan.currency,
    unit_amount: plan.priceCents,
    recurring: { interval: plan.interval },
    product_data: { name: `${publisher.name} — ${plan.name}` },
    metadata: { publisherSlug: publisher.slug, planId: plan.planId },
  });
  await stripe.subscriptions.update(subscriptionId, {
    items: [{ id: item.id, price: price.id }],
    proration_behavior: 'create_prorations',
    metadata: { ...subscription.metadata, planId: plan.planId },
  });
}
