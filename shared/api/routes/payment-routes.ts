/** Stripe Checkout for points and subscriptions (card trials included), cancelling, resuming, switching plans, and the Stripe webhook. Served by the payments function. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createMiddleware } from 'hono/factory';
import type Stripe from 'stripe';
import type { PaymentsConfig } from '../../config.js';
import { Conflict, NotFound, PaymentsNotConfigured } from '../../errors.js';
import { checkoutPointPack, checkoutSubscription, switchSubscriptionPlan } from '../../payments/checkout.js';
import { refundUnusedPurchase } from '../../payments/refund-request.js';
import { createStripe } from '../../payments/stripe-client.js';
import { handleStripeEvent, refreshSubscription, verifyStripeEvent } from '../../payments/stripe-webhooks.js';
import { findSubscription, hasHadTrial } from '../../subscriptions/subscription-store.js';
import { accessOfSubscription } from '../../subscriptions/subscription.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { requirePublisher, requireReader } from '../auth.js';
import { findPayoutAccount, savePayoutAccount } from '../../payouts/payout-account.js';
import { createExpressAccount, onboardingLink } from '../../payouts/stripe-payouts.js';
import { getPublisher } from '../../publishers/publisher-store.js';
import { toSubscriptionView } from '../presenters.js';
import { paymentRouteSpecs as spec } from './payment-route-specs.js';

/**
 * Every route but the status answers 503 `payments_not_configured` while
 * Stripe is not set up: after its credential is checked (a visitor is asked to
 * sign in, as on every route that needs one) and before its body is read; the
 * status route says whether it is.
 */
export function registerPaymentRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(spec.paymentsStatus, async (c) => c.json({ configured: (await deps.payments()) !== undefined }, 200));

  let client: { keys: PaymentsConfig; stripe: Stripe } | undefined;
  const ready = createMiddleware<AppEnv>(async (c, next) => {
    const payments = await deps.payments();
    if (!payments) throw new PaymentsNotConfigured();
    if (client?.keys !== payments) client = { keys: payments, stripe: createStripe(payments) };
    c.set('payments', { config: payments, stripe: client.stripe });
    await next();
  });
  const reader = [requireReader(deps), ready];

  app.openapi({ ...spec.buyPoints, middleware: reader }, async (c) => {
    const pack = deps.config.pointPacks.find((candidate) => candidate.packId === c.req.valid('json').packId);
    if (!pack) throw new NotFound('The point pack');
    const { stripe, config: payments } = c.get('payments');
    return c.json(await checkoutPointPack(stripe, payments, c.get('reader')!.userId, pack), 201);
  });

  const webhookOptions = (payments: PaymentsConfig) => ({ graceDays: payments.graceDays, holdDays: deps.config.payouts.holdDays });

  app.openapi({ ...spec.refundPurchase, middleware: reader }, async (c) =>
    c.json(await refundUnusedPurchase(deps.db, c.get('payments').stripe, c.get('reader')!.userId, c.req.valid('param').paymentId, { now: deps.now, holdDays: deps.config.payouts.holdDays }), 200),
  );
  /** The subscription as stored after a change, for the answer. */
  const storedView = async (userId: string, slug: string) => toSubscriptionView((await findSubscription(deps.db, userId, slug))!);

  app.openapi({ ...spec.subscribe, middleware: reader }, async (c) => {
    const { userId } = c.get('reader')!;
    const publisher = await getPublisher(deps.db, c.req.valid('param').slug);
    const plan = (publisher.plans ?? []).find((candidate) => candidate.planId === c.req.valid('json').planId);
    if (!plan) throw new NotFound('The plan');
    // A card trial is offered once per reader and publisher, like a card-less one.
    const trialDays = plan.trialRequiresCard && plan.trialDays > 0 && !(await hasHadTrial(deps.db, userId, publisher.slug)) ? plan.trialDays : 0;
    const { stripe, config: payments } = c.get('payments');
    return c.json(await checkoutSubscription(stripe, payments, userId, publisher, plan, trialDays), 201);
  });

  /** The reader's subscription or trial of this publisher, or why there is none to change. */
  const storedSubscription = async (userId: string, slug: string) => {
    const current = await findSubscription(deps.db, userId, slug);
    if (!current) throw new NotFound('A subscription to this publisher');
    return current;
  };

  app.openapi({ ...spec.cancelSubscription, middleware: reader }, async (c) => {
    const { userId } = c.get('reader')!;
    const { slug } = c.req.valid('param');
    const current = await storedSubscription(userId, slug);
    // A card-less trial ends by itself and charges nothing: cancelling it is already true.
    if (current.stripeSubscriptionId) {
      const { stripe, config: payments } = c.get('payments');
      await stripe.subscriptions.update(current.stripeSubscriptionId, { cancel_at_period_end: true });
      await refreshSubscription(deps.db, stripe, current.stripeSubscriptionId, deps.now, webhookOptions(payments));
    }
    return c.json({ subscription: await storedView(userId, slug) }, 200);
  });

  app.openapi({ ...spec.resumeSubscription, middleware: reader }, async (c) => {
    const { userId } = c.get('reader')!;
    const { slug } = c.req.valid('param');
    const current = await storedSubscription(userId, slug);
    if (!current.stripeSubscriptionId) throw new Conflict('A free trial without a card ends by itself; subscribe to keep reading after it.');
    if (!accessOfSubscription(current, deps.now())) throw new Conflict('This subscription has ended; subscribe again to resume reading.');
    const { stripe, config: payments } = c.get('payments');
    await stripe.subscriptions.update(current.stripeSubscriptionId, { cancel_at_period_end: false });
    await refreshSubscription(deps.db, stripe, current.stripeSubscriptionId, deps.now, webhookOptions(payments));
    return c.json({ subscription: await storedView(userId, slug) }, 200);
  });

  app.openapi({ ...spec.switchPlan, middleware: reader }, async (c) => {
    const { userId } = c.get('reader')!;
    const { slug } = c.req.valid('param');
    const current = await storedSubscription(userId, slug);
    if (!current.stripeSubscriptionId || !accessOfSubscription(current, deps.now())) throw new Conflict('Only a running paid subscription can switch plans.');
    const publisher = await getPublisher(deps.db, slug);
    const plan = (publisher.plans ?? []).find((candidate) => candidate.planId === c.req.valid('json').planId);
    if (!plan) throw new NotFound('The plan');
    if (plan.planId === current.planId) throw new Conflict('The subscription is on this plan already.');
    const { stripe, config: payments } = c.get('payments');
    await switchSubscriptionPlan(stripe, current.stripeSubscriptionId, publisher, plan);
    await refreshSubscription(deps.db, stripe, current.stripeSubscriptionId, deps.now, webhookOptions(payments));
    return c.json({ subscription: await storedView(userId, slug) }, 200);
  });

  app.openapi({ ...spec.payoutOnboarding, middleware: [requirePublisher(deps), ready] }, async (c) => {
    const { slug } = c.get('publisher');
    const { stripe } = c.get('payments');
    let account = await findPayoutAccount(deps.db, slug);
    if (!account) {
      const created = await createExpressAccount(stripe, slug);
      account = { publisherSlug: slug, stripeAccountId: created.id, payoutsEnabled: created.payouts_enabled ?? false, detailsSubmitted: created.details_submitted ?? false, updatedAt: deps.now().toISOString() };
      await savePayoutAccount(deps.db, account);
    }
    const onboardingUrl = await onboardingLink(stripe, account.stripeAccountId, deps.config.payouts);
    return c.json({ onboardingUrl, payoutAccount: account.payoutsEnabled ? ('ready' as const) : ('onboarding' as const) }, 200);
  });

  app.openapi({ ...spec.stripeWebhook, middleware: ready }, async (c) => {
    const { stripe, config: payments } = c.get('payments');
    const event = await verifyStripeEvent(stripe, await c.req.text(), c.req.header('stripe-signature'), payments.stripeWebhookSecret, deps.now());
    const outcome = await handleStripeEvent(deps.db, stripe, event, deps.now, webhookOptions(payments));
    if (outcome === 'orphaned') deps.logger.warn('Stripe payment for an account with no wallet, recorded as orphaned', { eventId: event.id, type: event.type });
    else deps.logger.info('Stripe event', { eventId: event.id, type: event.type, outcome });
    deps.metrics.count('StripeEvents', 1, { name: 'outcome', value: outcome });
    return c.json({ received: true, outcome }, 200);
  });
}
