/** Point packs for sale, free trials and a reader's subscriptions: everything about paying that needs no Stripe call. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { Conflict, NotFound } from '../../errors.js';
import { listReaderSubscriptions, startTrial } from '../../subscriptions/subscription-store.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { requireReader } from '../auth.js';
import { errorResponses, jsonResponse } from '../schemas/common.js';
import { PointPackSchema, SubscriptionSchema } from '../schemas/readers.js';
import { getPublisher } from '../../publishers/publisher-store.js';
import { toSubscriptionView } from '../presenters.js';
import { SlugParam } from './payment-route-specs.js';

export function registerSubscriptionRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const reader = { tags: ['reader'], security: [{ bearer: [] }], middleware: requireReader(deps) };

  app.openapi(
    createRoute({ operationId: 'listPointPacks', summary: 'Point packs for sale', method: 'get', path: '/v1/points/packs', tags: ['everyone'], responses: { 200: jsonResponse(z.object({ items: z.array(PointPackSchema) }), 'Point packs for sale (1 point = 1 US cent of reading)') } }),
    (c) => c.json({ items: deps.config.pointPacks }, 200),
  );

  app.openapi(
    createRoute({ operationId: 'startTrial', summary: 'Start a publisher’s free trial without a card',
      ...reader,
      method: 'post',
      path: '/v1/publishers/{slug}/trial',
      description: 'Starts the card-less free trial of a plan: once per reader per publisher, no payment needed. A plan whose trial needs a card starts it through subscribe instead.',
      request: { params: SlugParam, body: { required: false, content: { 'application/json': { schema: z.object({ planId: z.string().max(40).optional() }).strict() } } } },
      responses: { 201: jsonResponse(z.object({ subscription: SubscriptionSchema }), 'Trial started'), ...errorResponses(400, 401, 404, 409) },
    }),
    async (c) => {
      const publisher = await getPublisher(deps.db, c.req.valid('param').slug);
      const wanted = c.req.valid('json')?.planId;
      const plan = (publisher.plans ?? []).find((candidate) => candidate.trialDays > 0 && (!wanted || candidate.planId === wanted));
      if (!plan) throw new NotFound('A plan with a trial');
      if (plan.trialRequiresCard) throw new Conflict(`The trial of "${plan.name}" needs a card: start it by subscribing to the plan; nothing is charged before the trial ends.`);
      const subscription = await startTrial(deps.db, c.get('reader')!.userId, publisher.slug, plan, deps.now());
      return c.json({ subscription: toSubscriptionView(subscription) }, 201);
    },
  );

  app.openapi(
    createRoute({ operationId: 'listSubscriptions', summary: 'The reader’s subscriptions and trials',
      ...reader,
      method: 'get',
      path: '/v1/me/subscriptions',
      responses: { 200: jsonResponse(z.object({ items: z.array(SubscriptionSchema) }), 'Subscriptions and trials, current or past'), ...errorResponses(401) },
    }),
    async (c) => {
      const items = await listReaderSubscriptions(deps.db, c.get('reader')!.userId);
      return c.json({ items: items.map(toSubscriptionView) }, 200);
    },
  );
}
