/** Subscription plans as publishers define them and as readers are offered them. The OpenAPI document is generated from these same objects. */
import { z } from '@hono/zod-openapi';

export const PlanSchema = z
  .object({
    planId: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and hyphens').openapi({ example: 'monthly' }),
    name: z.string().trim().min(1).max(80).openapi({ example: 'Monthly' }),
    interval: z.enum(['month', 'year']),
    priceCents: z.number().int().min(50).max(100_000).openapi({ description: 'Price per interval in the smallest unit of the currency, e.g. 290 for $2.90.', example: 290 }),
    currency: z.string().regex(/^[a-z]{3}$/, 'an ISO 4217 code in lower case, e.g. usd').default('usd'),
    trialDays: z.number().int().min(0).max(90).default(0),
    trialRequiresCard: z
      .boolean()
      .default(false)
      .openapi({ description: 'A card trial goes through Stripe Checkout and becomes a paid subscription at its end unless cancelled; a card-less one just ends.' }),
  })
  .openapi('Plan');

export const OfferedPlanSchema = PlanSchema.extend({
  displayPrice: z.string().openapi({ example: '$2.90 per month' }),
  trialText: z.string().optional().openapi({ example: '30 days free, then $2.90 per month' }),
  yearlySavingCents: z.number().int().optional().openapi({ description: 'Twelve months of the cheapest monthly plan less this yearly price.' }),
  savingText: z.string().optional().openapi({ example: 'save $14.90 compared to monthly billing' }),
}).openapi('OfferedPlan');
