/** Buying points, trials, subscriptions, and the Stripe webhook. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { Conflict, NotFound } from '../../errors.js';
import { checkoutPointPack, checkoutSubscription } from '../../payments/checkout.js';
import { handleStripeEvent, refreshSubscription, verifyStripeEvent } from '../../payments/stripe-webhooks.js';
import { getPublisher } from '../../publishers/publisher-store.js';
import { SLUG_PATTERN, type Publisher } from '../../publishers/publisher.js';
import { listReaderSubscriptions, startTrial } from '../../subscriptions/subscription-store.js';
import type { Subscription } from '../../subscriptions/subscription.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { requireReader } from '../auth.js';
import { CheckoutSchema, errorResponses, PointPackSchema, SubscriptionSchema, jsonResponse } from '../schemas.js';

const SlugParam = z.object({ slug: z.string().openapi({ param: { name: 'slug', in: 'path' } }) });
/** Stripe's own ids stay inside. */
const toView = ({ stripeSubscriptionId: _id, ...subscription }: Subscription) => subscription;

async function publisherOf(deps: AppDeps, slug: string): Promise<Publisher> {
  if (!SLUG_PATTERN.test(slug)) throw new NotFound('The publisher');
  return getPublisher(deps.db, slug);
}

export function registerPaymentRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const auth = requireReader(deps);
  const reader = { tags: ['reader'], security: [{ bearer: [] }], middleware: auth };

  app.openapi(
    createRoute({ method: 'get', path: '/v1/points/packs', tags: ['everyone'], responses: { 200: jsonResponse(z.object({ items: z.array(PointPackSchema) }), 'Point packs for sale (1 point = 1 US cent of reading)') } }),
    (c) => c.json({ items: deps.config.pointPacks }, 200),
  );

  app.openapi(
    createRoute({
      ...reader,
      method: 'post',
      path: '/v1/publishers/{slug}/trial',
      description: 'Starts the free trial of a plan: once per reader per publisher, no payment needed.',
      request: { params: SlugParam, body: { required: false, content: { 'application/json': { schema: z.object({ planId: z.string().max(40).optional() }).strict() } } } },
      responses: { 201: jsonResponse(z.object({ subscription: SubscriptionSchema }), 'Trial started'), ...errorResponses(400, 401, 404, 409) },
    }),
    async (c) => {
      const publisher = await publisherOf(deps, c.req.valid('param').slug);
      const wanted = c.req.valid('json')?.planId;
      const plan = (publisher.plans ?? []).find((candidate) => candidate.trialDays > 0 && (!wanted || candidate.planId === wanted));
      if (!plan) throw new NotFound('A plan with a trial');
      const subscription = await startTrial(deps.db, c.get('reader')!.userId, publisher.slug, plan, deps.now());
      return c.json({ subscription: toView(subscription) }, 201);
    },
  );

  app.openapi(
    createRoute({
      ...reader,
      method: 'get',
      path: '/v1/me/subscriptions',
      responses: { 200: jsonResponse(z.object({ items: z.array(SubscriptionSchema) }), 'Subscriptions and trials, current or past'), ...errorResponses(401) },
    }),
    async (c) => {
      const items = await listReaderSubscriptions(deps.db, c.get('reader')!.userId);
      return c.json({ items: items.map(toView) }, 200);
    },
  );

  const { stripe } = deps;
  const payments = deps.config.payments;
  if (!stripe || !payments) return;

  app.openapi(
    createRoute({
      ...reader,
      method: 'post',
      path: '/v1/me/wallet/checkout',
      description: 'Buy a point pack with Stripe Checkout; points are credited when Stripe confirms the payment.',
      request: { body: { required: true, content: { 'application/json': { schema: z.object({ packId: z.string().max(40) }).strict() } } } },
      responses: { 201: jsonResponse(CheckoutSchema, 'Checkout created'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const pack = deps.config.pointPacks.find((candidate) => candidate.packId === c.req.valid('json').packId);
      if (!pack) throw new NotFound('The point pack');
      return c.json(await checkoutPointPack(stripe, payments, c.get('reader')!.userId, pack), 201);
    },
  );

  app.openapi(
    createRoute({
      ...reader,
      method: 'post',
      path: '/v1/publishers/{slug}/subscribe',
      description: 'Subscribe to a plan with Stripe Checkout; access starts when Stripe confirms the subscription.',
      request: { params: SlugParam, body: { required: true, content: { 'application/json': { schema: z.object({ planId: z.string().max(40) }).strict() } } } },
      responses: { 201: jsonResponse(CheckoutSchema, 'Checkout created'), ...errorResponses(400, 401, 404) },
    }),
    async (c) => {
      const publisher = await publisherOf(deps, c.req.valid('param').slug);
      const plan = (publisher.plans ?? []).find((candidate) => candidate.planId === c.req.valid('json').planId);
      if (!plan) throw new NotFound('The plan');
      return c.json(await checkoutSubscription(stripe, payments, c.get('reader')!.userId, publisher, plan), 201);
    },
  );

  app.openapi(
    createRoute({
      ...reader,
      method: 'post',
      path: '/v1/me/subscriptions/{slug}/cancel',
      description: 'Cancels a paid subscription at the end of the period already paid for.',
      request: { params: SlugParam },
      responses: { 200: jsonResponse(z.object({ subscription: SubscriptionSchema }), 'Will end at the period end'), ...errorResponses(401, 404, 409) },
    }),
    async (c) => {
      const { userId } = c.get('reader')!;
      const { slug } = c.req.valid('param');
      const current = (await listReaderSubscriptions(deps.db, userId)).find((item) => item.publisherSlug === slug);
      if (!current) throw new NotFound('A subscription to this publisher');
      if (current.kind !== 'paid' || !current.stripeSubscriptionId) throw new Conflict('A trial ends by itself; there is nothing to cancel.');
      await stripe.subscriptions.update(current.stripeSubscriptionId, { cancel_at_period_end: true });
      await refreshSubscription(deps.db, stripe, current.stripeSubscriptionId, deps.now);
      const saved = (await listReaderSubscriptions(deps.db, userId)).find((item) => item.publisherSlug === slug)!;
      return c.json({ subscription: toView(saved) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/webhooks/stripe',
      tags: ['payments'],
      description: 'Stripe events, verified by their signature. Safe to deliver any number of times, in any order.',
      request: { headers: z.object({ 'stripe-signature': z.string().optional().openapi({ param: { name: 'stripe-signature', in: 'header' } }) }) },
      responses: { 200: jsonResponse(z.object({ received: z.boolean(), outcome: z.string() }), 'Processed'), ...errorResponses(400) },
    }),
    async (c) => {
      const event = await verifyStripeEvent(stripe, await c.req.text(), c.req.header('stripe-signature'), payments.stripeWebhookSecret);
      const outcome = await handleStripeEvent(deps.db, stripe, event, deps.now);
      deps.logger.info('Stripe event', { eventId: event.id, type: event.type, outcome });
      deps.metrics.count('StripeEvents', 1, { name: 'outcome', value: outcome });
      return c.json({ received: true, outcome }, 200);
    },
  );
}
