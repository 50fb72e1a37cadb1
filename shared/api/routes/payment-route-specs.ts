/**
 * The routes that call Stripe, as data. The payments function serves them
 * (payment-routes.ts), so only it carries the Stripe SDK and reads the Stripe
 * secrets; the main API lists them in the OpenAPI document and the CDK stack
 * routes them, both from these same objects. Until Stripe is set up each
 * answers 503 `payments_not_configured`, and the status route says so.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { ErrorSchema, errorResponses, jsonResponse } from '../schemas/common.js';
import { CheckoutSchema, SubscriptionSchema } from '../schemas/readers.js';

export const SlugParam = z.object({ slug: z.string().openapi({ param: { name: 'slug', in: 'path' } }) });

const PaymentIdParam = z.object({ paymentId: z.string().max(200).openapi({ param: { name: 'paymentId', in: 'path' }, example: 'cs_test_a1b2c3' }) });

const reader = { tags: ['reader'], security: [{ bearer: [] }] };

/** Every payment operation's 503: Stripe not set up yet, or (as for every write) contention. */
const unavailable = {
  503: {
    description: 'Payments are not set up yet (`payments_not_configured`), or contention (`contention`): nothing changed; retry after the Retry-After seconds',
    content: { 'application/json': { schema: ErrorSchema } },
  },
};

export const paymentRouteSpecs = {
  paymentsStatus: createRoute({ operationId: 'getPaymentsStatus', summary: 'Whether card payments are available now',
    method: 'get',
    path: '/v1/payments/status',
    tags: ['payments'],
    description:
      'Whether this postwire takes card payments now (point packs, paid subscriptions, publishers’ payout accounts). It answers `configured: false` until the operator has set up Stripe; the payment operations then answer 503 `payments_not_configured`.',
    responses: { 200: jsonResponse(z.object({ configured: z.boolean() }).openapi('PaymentsStatus'), 'Whether payments are available') },
  }),

  buyPoints: createRoute({ operationId: 'buyPoints', summary: 'Buy a point pack with Stripe Checkout',
    ...reader,
    method: 'post',
    path: '/v1/me/wallet/checkout',
    description: 'Buy a point pack with Stripe Checkout; points are credited when Stripe confirms the payment.',
    request: { body: { required: true, content: { 'application/json': { schema: z.object({ packId: z.string().max(40) }).strict() } } } },
    responses: { 201: jsonResponse(CheckoutSchema, 'Checkout created'), ...errorResponses(400, 401, 404), ...unavailable },
  }),

  subscribe: createRoute({ operationId: 'subscribe', summary: 'Subscribe to a publisher’s plan with Stripe Checkout',
    ...reader,
    method: 'post',
    path: '/v1/publishers/{slug}/subscribe',
    description:
      'Subscribe to a plan with Stripe Checkout; access starts when Stripe confirms the subscription. A plan whose trial needs a card starts with that trial (once per reader and publisher), charged only when it ends.',
    request: { params: SlugParam, body: { required: true, content: { 'application/json': { schema: z.object({ planId: z.string().max(40) }).strict() } } } },
    responses: { 201: jsonResponse(CheckoutSchema, 'Checkout created'), ...errorResponses(400, 401, 404), ...unavailable },
  }),

  refundPurchase: createRoute({ operationId: 'refundPurchase', summary: 'Refund an unused point pack within 14 days',
    ...reader,
    method: 'post',
    path: '/v1/me/purchases/{paymentId}/refund',
    description:
      'Refunds a points purchase (the `paymentId` of its top-up in the wallet) within 14 days, if its points are all still unused: Stripe returns the money, then the points leave the wallet.',
    request: { params: PaymentIdParam },
    responses: {
      200: jsonResponse(z.object({ refundedCents: z.number().int(), points: z.number().int(), balance: z.number().int() }).openapi('PurchaseRefund'), 'Refunded'),
      ...errorResponses(401, 404, 409),
      ...unavailable,
    },
  }),

  cancelSubscription: createRoute({ operationId: 'cancelSubscription', summary: 'Cancel a subscription or trial at the period end',
    ...reader,
    method: 'post',
    path: '/v1/me/subscriptions/{slug}/cancel',
    description: 'Cancels at the end of the period already paid for; a card trial then ends without a charge, a card-less trial simply ends.',
    request: { params: SlugParam },
    responses: { 200: jsonResponse(z.object({ subscription: SubscriptionSchema }), 'Will end at the period end'), ...errorResponses(401, 404, 409), ...unavailable },
  }),

  resumeSubscription: createRoute({ operationId: 'resumeSubscription', summary: 'Resume a subscription set to end',
    ...reader,
    method: 'post',
    path: '/v1/me/subscriptions/{slug}/resume',
    description: 'Takes back a cancellation before the period ends: the subscription renews (or a card trial converts) as before.',
    request: { params: SlugParam },
    responses: { 200: jsonResponse(z.object({ subscription: SubscriptionSchema }), 'Renews again'), ...errorResponses(401, 404, 409), ...unavailable },
  }),

  switchPlan: createRoute({ operationId: 'switchSubscriptionPlan', summary: 'Switch between a publisher’s monthly and yearly plans',
    ...reader,
    method: 'post',
    path: '/v1/me/subscriptions/{slug}/switch',
    description: 'Moves a paid subscription to another plan of the publisher (monthly ↔ yearly); Stripe prorates what was already paid.',
    request: { params: SlugParam, body: { required: true, content: { 'application/json': { schema: z.object({ planId: z.string().max(40) }).strict() } } } },
    responses: { 200: jsonResponse(z.object({ subscription: SubscriptionSchema }), 'Switched'), ...errorResponses(400, 401, 404, 409), ...unavailable },
  }),

  payoutOnboarding: createRoute({ operationId: 'connectPayoutAccount', summary: 'Connect a Stripe account to be paid (onboarding link)',
    tags: ['publisher'],
    security: [{ bearer: [] }],
    method: 'post',
    path: '/v1/publisher/connect',
    description:
      'Connects the publisher to Stripe to be paid: makes its Stripe Express account on the first call, and answers a link to Stripe’s onboarding, valid for a few minutes. Payouts start once Stripe reports the account can receive them.',
    responses: { 200: jsonResponse(z.object({ onboardingUrl: z.string(), payoutAccount: z.enum(['onboarding', 'ready']) }), 'Onboarding link'), ...errorResponses(401), ...unavailable },
  }),

  stripeWebhook: createRoute({ operationId: 'receiveStripeEvent', summary: 'Stripe webhook events',
    method: 'post',
    path: '/v1/webhooks/stripe',
    tags: ['payments'],
    description: 'Stripe events, verified by their signature. Safe to deliver any number of times, in any order.',
    // The event body is read raw, not through a schema, so its signature is checked over the exact bytes Stripe sent.
    request: { headers: z.object({ 'stripe-signature': z.string().optional().openapi({ param: { name: 'stripe-signature', in: 'header' } }) }) },
    responses: { 200: jsonResponse(z.object({ received: z.boolean(), outcome: z.string() }), 'Processed'), ...errorResponses(400, 413), ...unavailable },
  }),
};
