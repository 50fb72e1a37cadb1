/** Stripe Checkout for points and subscriptions, cancelling, and the Stripe webhook. Served by the payments function. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { Conflict, NotConfigured, NotFound } from '../../errors.js';
import { checkoutPointPack, checkoutSubscription } from '../../payments/checkout.js';
import { createStripe } from '../../payments/stripe-client.js';
import { handleStripeEvent, refreshSubscription, verifyStripeEvent } from '../../payments/stripe-webhooks.js';
import { listReaderSubscriptions } from '../../subscriptions/subscription-store.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { requireReader } from '../auth.js';
import { getPublisher } from '../../publishers/publisher-store.js';
import { toSubscriptionView } from '../presenters.js';
import { paymentRouteSpecs as spec } from './payment-route-specs.js';

/** Without Stripe keys these routes answer 404 saying so, and stay out of the OpenAPI document. */
export function registerPaymentRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const payments = deps.config.payments;
  if (!payments) {
    for (const route of Object.values(spec)) {
      app.on(route.method.toUpperCase(), route.getRoutingPath(), () => {
        throw new NotConfigured('Payments (buying points, paid subscriptions)');
      });
    }
    return;
  }
  const stripe = createStripe(payments);
  const auth = requireReader(deps);

  app.openapi({ ...spec.buyPoints, middleware: auth }, async (c) => {
    const pack = deps.config.pointPacks.find((candidate) => candidate.packId === c.req.valid('json').packId);
    if (!pack) throw new NotFound('The point pack');
    return c.json(await checkoutPointPack(stripe, payments, c.get('reader')!.userId, pack), 201);
  });

  app.openapi({ ...spec.subscribe, middleware: auth }, async (c) => {
    const publisher = await getPublisher(deps.db, c.req.valid('param').slug);
    const plan = (publisher.plans ?? []).find((candidate) => candidate.planId === c.req.valid('json').planId);
    if (!plan) throw new NotFound('The plan');
    return c.json(await checkoutSubscription(stripe, payments, c.get('reader')!.userId, publisher, plan), 201);
  });

  app.openapi({ ...spec.cancelSubscription, middleware: auth }, async (c) => {
    const { userId } = c.get('reader')!;
    const { slug } = c.req.valid('param');
    const current = (await listReaderSubscriptions(deps.db, userId)).find((item) => item.publisherSlug === slug);
    if (!current) throw new NotFound('A subscription to this publisher');
    if (current.kind !== 'paid' || !current.stripeSubscriptionId) throw new Conflict('A trial ends by itself; there is nothing to cancel.');
    await stripe.subscriptions.update(current.stripeSubscriptionId, { cancel_at_period_end: true });
    await refreshSubscription(deps.db, stripe, current.stripeSubscriptionId, deps.now);
    const saved = (await listReaderSubscriptions(deps.db, userId)).find((item) => item.publisherSlug === slug)!;
    return c.json({ subscription: toSubscriptionView(saved) }, 200);
  });

  app.openapi(spec.stripeWebhook, async (c) => {
    const event = await verifyStripeEvent(stripe, await c.req.text(), c.req.header('stripe-signature'), payments.stripeWebhookSecret);
    const outcome = await handleStripeEvent(deps.db, stripe, event, deps.now);
    if (outcome === 'orphaned') deps.logger.warn('Stripe payment for an account with no wallet, recorded as orphaned', { eventId: event.id, type: event.type });
    else deps.logger.info('Stripe event', { eventId: event.id, type: event.type, outcome });
    deps.metrics.count('StripeEvents', 1, { name: 'outcome', value: outcome });
    return c.json({ received: true, outcome }, 200);
  });
}
