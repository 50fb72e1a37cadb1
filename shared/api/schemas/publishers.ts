/** Publishers' settings, keys, feeds, pushes, stats, balances, payouts and statements. The OpenAPI document is generated from these same objects. */
import { z } from '@hono/zod-openapi';
import { SLUG_PATTERN } from '../../publishers/publisher.js';
import { httpUrlOf } from '../../http-url.js';
import { httpUrl } from './common.js';
import { PlanSchema } from './plans.js';

export const PublisherSchema = z
  .object({
    slug: z.string().openapi({ example: 'worldwire' }),
    name: z.string().openapi({ example: 'World Wire' }),
    homepageUrl: z.string().optional().openapi({ example: 'https://worldwire.example/' }),
    articlePrice: z.number().int().openapi({ description: 'Default article price in points (1 point = 1 US cent).' }),
    freeArticlesPerMonth: z.number().int(),
    plans: z.array(PlanSchema).optional(),
    embedOrigins: z.array(z.string()).optional().openapi({ description: 'Origins of the publisher’s own sites allowed to carry the paywall embed.' }),
    freeAfterDays: z.number().int().nullable().optional().openapi({ description: 'Articles turn free this many days after publication.' }),
    sectionFreeAfterDays: z.record(z.string(), z.number().int()).optional().openapi({ description: 'Per section (lower-case), winning over `freeAfterDays`.' }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Publisher');

export const CreatePublisherBody = z
  .object({
    slug: z
      .string()
      .regex(SLUG_PATTERN, 'lower-case letters, digits and inner hyphens, 1–40 characters')
      // `/feeds/private/…` is the readers' private feeds: no publisher may be called that.
      .refine((slug) => slug !== 'private', 'is reserved'),
    name: z.string().trim().min(1).max(120),
    homepageUrl: httpUrl.optional(),
    articlePrice: z.number().int().min(0).max(10_000).optional(),
    freeArticlesPerMonth: z.number().int().min(0).max(100).optional(),
  })
  .strict()
  .openapi('CreatePublisher');

export const PublisherSettingsBody = CreatePublisherBody.omit({ slug: true })
  .extend({
    plans: z
      .array(PlanSchema)
      .max(5)
      .refine((plans) => new Set(plans.map((plan) => plan.planId)).size === plans.length, 'plan ids must be unique'),
    embedOrigins: z
      .array(
        z
          .string()
          .max(200)
          .refine((value) => httpUrlOf(value)?.origin === value, 'must be an origin: scheme, host and port only, e.g. https://www.example.com'),
      )
      .max(10)
      .openapi({ description: 'Origins allowed to carry the paywall embed, e.g. ["https://www.example.com"]; an unlock started there may return there.', example: ['https://www.example.com'] }),
    freeAfterDays: z.number().int().min(1).max(3650).nullable().openapi({ description: 'Articles turn free to everyone this many days after publication; null: never.', example: 30 }),
    sectionFreeAfterDays: z
      .record(z.string().trim().min(1).max(60), z.number().int().min(1).max(3650))
      .refine((sections) => Object.keys(sections).length <= 50, 'at most 50 sections')
      .openapi({ description: 'The same per section (names match case-insensitively); a section’s rule wins over `freeAfterDays`. Send the whole map: sections left out have no rule of their own.', example: { world: 7 } }),
  })
  .partial()
  .strict()
  .refine((value) => Object.keys(value).length > 0, 'at least one setting is required')
  .openapi('PublisherSettings');

export const CreatedPublisherSchema = z
  .object({ publisher: PublisherSchema, apiKey: z.string().openapi({ description: 'Shown once; store it now.' }) })
  .openapi('CreatedPublisher');

export const ApiKeySchema = z.object({ apiKey: z.string() }).openapi('ApiKey');

export const FeedSchema = z
  .object({
    feedId: z.string().openapi({ example: 'f_9k2LmQ' }),
    url: z.string().openapi({ example: 'https://worldwire.example/rss.xml' }),
    section: z.string().optional(),
    createdAt: z.string(),
    lastFetchedAt: z.string().nullable(),
    lastStatus: z.enum(['pending', 'ok', 'not_modified', 'error', 'paused']),
    lastHttpStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    consecutiveFailures: z.number().int(),
    nextFetchAt: z.string().nullable().openapi({ description: 'Null while the feed is paused.' }),
    pausedReason: z.string().nullable(),
    lastSummary: z
      .object({ created: z.number(), updated: z.number(), unchanged: z.number(), rejected: z.number() })
      .nullable(),
  })
  .openapi('Feed');

export const CreateFeedBody = z
  .object({ url: httpUrl, section: z.string().trim().min(1).max(60).optional() })
  .strict()
  .openapi('CreateFeed');

export const IngestSummarySchema = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.array(z.object({ guid: z.string().optional(), reason: z.string() })),
  })
  .openapi('IngestSummary');

export const RefreshResultSchema = IngestSummarySchema.extend({
  outcome: z.enum(['fetched', 'not_modified', 'failed']),
  feed: FeedSchema,
  error: z.object({ code: z.string(), message: z.string() }).optional(),
}).openapi('RefreshResult');

export const StatsQuery = z
  .object({
    from: z.string().datetime({ offset: true }).optional().openapi({ param: { name: 'from', in: 'query' }, description: 'Start (ISO-8601); default 30 days before `to`.' }),
    to: z.string().datetime({ offset: true }).optional().openapi({ param: { name: 'to', in: 'query' }, description: 'End (ISO-8601); default now.' }),
  })
  .openapi('StatsQuery');

export const PublisherStatsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    unlocks: z.number().int(),
    refunds: z.number().int(),
    tips: z.number().int(),
    grossPoints: z.number().int(),
    pointsEarned: z.number().int().openapi({ description: 'After the platform share.' }),
    activeSubscribers: z.number().int(),
    activeTrials: z.number().int(),
    gifts: z
      .object({
        links: z.number().int().openapi({ description: 'Gift links made.' }),
        readers: z.number().int().openapi({ description: 'Readers whose first gift read of this publisher fell in the period.' }),
        readersWhoPaid: z.number().int().openapi({ description: 'Gift readers whose first paid unlock after their gift read fell in the period.' }),
      }),
    newsletters: z.object({
      issues: z.number().int().openapi({ description: 'Issues made in the period.' }),
      sent: z.number().int().openapi({ description: 'Mails of those issues handed to the mail queue.' }),
      delivered: z.number().int().openapi({ description: 'Of those, accepted by the receiving mail server.' }),
      bounced: z.number().int().openapi({ description: 'Of those, refused for good (the address is no longer mailed).' }),
      unsubscribed: z.number().int().openapi({ description: 'Readers who unsubscribed through a link in those issues.' }),
      unlocks: z.number().int().openapi({ description: 'Paid unlocks in the period that came from a newsletter link.' }),
    }),
    topArticles: z
      .array(z.object({ articleId: z.string(), title: z.string().optional(), unlocks: z.number().int(), pointsEarned: z.number().int() }))
      .openapi({ description: 'Up to 10, by points earned, over the calendar months (UTC) the period touches.' }),
    perDay: z.array(z.object({ date: z.string(), unlocks: z.number().int(), refunds: z.number().int(), pointsEarned: z.number().int() })),
  })
  .openapi('PublisherStats', {
    description:
      'Totals count whole UTC days: every day the period touches. They are rolled up from the table stream, usually within seconds of an unlock; subscriber counts are as of now.',
  });

export const PayoutBalanceSchema = z
  .object({
    heldCents: z.number().int().openapi({ description: 'Earned within the hold period; refunds and disputes may still take it back.' }),
    availableCents: z.number().int().openapi({ description: 'Out of the hold and not yet paid: the next payout, once at or above the threshold.' }),
    inFlightCents: z.number().int().openapi({ description: 'A payout sent or being sent, not yet recorded.' }),
    paidOutCents: z.number().int(),
    thresholdCents: z.number().int(),
    holdDays: z.number().int(),
    payoutAccount: z.enum(['none', 'onboarding', 'ready']),
  })
  .openapi('PayoutBalance');

export const PayoutSchema = z
  .object({ payoutId: z.string(), amountCents: z.number().int(), currency: z.string(), transferId: z.string(), periodEnd: z.string(), at: z.string() })
  .openapi('Payout');

export const StatementParams = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM').openapi({ param: { name: 'month', in: 'path' }, example: '2026-11' }),
});

export const StatementFormatQuery = z.object({
  format: z.enum(['json', 'csv']).optional().openapi({ param: { name: 'format', in: 'query' }, description: 'Overrides the Accept header.' }),
});

export const StatementSchema = z
  .object({
    month: z.string(),
    currency: z.literal('usd'),
    openingCents: z.number().int(),
    earnedCents: z.number().int(),
    reversedCents: z.number().int(),
    paidOutCents: z.number().int(),
    closingCents: z.number().int().openapi({ description: 'opening + earned − reversed − paid out' }),
    lines: z.array(z.object({ at: z.string(), kind: z.string(), reference: z.string().optional(), amountCents: z.number().int(), note: z.string().optional() })),
  })
  .openapi('Statement');

// ---- the account lifecycle ------------------------------------------------------
