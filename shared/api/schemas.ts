/**
 * The zod schemas that validate requests and describe responses; the OpenAPI
 * document at /openapi.json is generated from these same objects.
 */
import { z } from '@hono/zod-openapi';
import { isTimeZone } from '../newsletters/send-schedule.js';
import { WEBHOOK_EVENTS } from '../webhooks/webhook.js';
import { SLUG_PATTERN } from '../publishers/publisher.js';
import { httpUrlOf } from '../http-url.js';
import { MAX_POST_LENGTH } from '../social/post.js';
import { LEDGER_KINDS } from '../wallet/ledger.js';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      details: z.unknown().optional(),
      requestId: z.string().optional(),
    }),
  })
  .openapi('Error');

const httpUrl = z
  .string()
  .max(2048)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http or https URL');

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

export const ArticleCardSchema = z
  .object({
    id: z.string().openapi({ example: 'worldwire_6lAngwK9ZkIS1V1z1h0Kq9' }),
    publisher: z.object({ slug: z.string().openapi({ example: 'worldwire' }), name: z.string().openapi({ example: 'World Wire' }) }),
    title: z.string().openapi({ example: 'Lagarde signals a pause as eurozone inflation cools to 2.1%' }),
    dek: z.string().optional().openapi({ example: "The European Central Bank's president said the bank would hold rates through the winter." }),
    author: z.string().optional().openapi({ example: 'Claire Dubois' }),
    section: z.string().optional().openapi({ example: 'Europe' }),
    url: z.string().openapi({ example: 'https://worldwire.example/europe/lagarde-signals-a-pause' }),
    imageUrl: z.string().optional().openapi({ example: 'https://images.worldwire.example/2026/11/lagarde.jpg' }),
    publishedAt: z.string().openapi({ example: '2026-11-28T07:00:00.000Z' }),
    price: z.number().int().openapi({ description: 'Points to unlock; 0 means free.', example: 30 }),
    readingMinutes: z.number().int().openapi({ example: 4 }),
  })
  .openapi('ArticleCard');

export const ArticleDetailSchema = z
  .object({
    article: ArticleCardSchema.extend({
      teaserHtml: z.string().openapi({ example: '<p>Frankfurt’s policymakers had been split for months over how quickly to ease.</p>' }),
      updatedAt: z.string().openapi({ example: '2026-11-28T07:00:00.000Z' }),
      imageCaption: z.string().optional(),
      imageCredit: z.string().optional(),
      wordCount: z.number().int().openapi({ example: 820 }),
    }),
    access: z.object({ granted: z.boolean().openapi({ example: false }), via: z.string().optional().openapi({ example: 'points' }) }),
    contentHtml: z.string().optional().openapi({ example: '<p>The full text…</p>' }),
    offer: z
      .object({
        price: z.number().int().openapi({ example: 30 }),
        balance: z.number().int().optional().openapi({ example: 50 }),
        deficit: z.number().int().optional().openapi({ description: 'Points the reader owes after a refunded or disputed purchase; nothing can be unlocked with points until they are covered.' }),
        unlockCost: z.number().int().optional().openapi({ description: 'Points an unlock would take now: 0 with the free meter or past the spend cap.' }),
        freeRemaining: z.number().int(),
        plans: z.array(OfferedPlanSchema),
        trialAvailable: z.boolean().optional(),
      })
      .optional(),
  })
  .openapi('ArticleDetail');

/** Security of routes open to everyone where a reader token adds the viewer's own state. */
export const OPTIONAL_READER: Array<Record<string, string[]>> = [{}, { bearer: [] }];

/** A JSON response entry for a route's `responses`. */
export const jsonResponse = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

export const pageOf = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ param: { name: 'limit', in: 'query' } }),
  cursor: z.string().max(2048).optional().openapi({ param: { name: 'cursor', in: 'query' } }),
});

export const ArticleListQuery = PageQuery.extend({
  publisher: z.string().regex(SLUG_PATTERN).optional().openapi({ param: { name: 'publisher', in: 'query' } }),
  section: z.string().trim().min(1).max(60).optional().openapi({ param: { name: 'section', in: 'query' } }),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM')
    .optional()
    .openapi({ param: { name: 'month', in: 'query', description: 'Only articles published in this month (UTC), for the archive.' }, example: '2026-11' }),
});

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

export const errorResponses = (...statuses: ErrorStatus[]) =>
  Object.fromEntries(
    statuses.map((status) => [status, { description: ERROR_DESCRIPTIONS[status], content: { 'application/json': { schema: ErrorSchema } } }]),
  );

/** The same entries for a generated document (no zod left in it): the error shape by reference. */
export const errorResponseDocs = (...statuses: ErrorStatus[]) =>
  Object.fromEntries(
    statuses.map((status) => [status, { description: ERROR_DESCRIPTIONS[status], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]),
  );

const ERROR_DESCRIPTIONS = {
  400: 'Validation failed',
  401: 'Missing or invalid credentials',
  403: 'Credentials not allowed here',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Unsupported media type',
  422: 'Not a readable feed',
  429: 'Rate limited',
  500: 'Unexpected failure: the same error shape, never a stack trace',
  503: 'Contention: nothing changed; retry after the Retry-After seconds',
} as const;

export const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description: 'Makes retries safe: a replay within 24 hours returns the first response and changes nothing.',
    }),
});

export const ReaderSchema = z
  .object({
    userId: z.string().openapi({ example: 'u_01JD8ZK3Q7B2' }),
    email: z.string().openapi({ example: 'ana@example.com' }),
    handle: z.string().openapi({ example: 'ana_reads' }),
    displayName: z.string().optional().openapi({ example: 'Ana' }),
    createdAt: z.string().openapi({ example: '2026-11-29T10:15:00.000Z' }),
    emailVerifiedAt: z.string().optional().openapi({ description: 'When the address was confirmed through the link mailed to it; absent until then.', example: '2026-11-29T10:17:00.000Z' }),
    mailPreferences: z.object({ newsletters: z.boolean() }).optional().openapi({ description: 'Which mails the reader wants; absent means every kind.' }),
  })
  .openapi('Reader');

export const PasswordResetBody = z.object({ email: z.string().trim().max(254).email() }).strict().openapi('PasswordReset');
export const PasswordResetConfirmBody = z
  .object({
    token: z.string().min(20).max(200).openapi({ description: 'The `token` parameter of the link in the reset mail.' }),
    password: z.string().min(10, 'at least 10 characters').max(200).openapi({ example: 'a new correct horse' }),
  })
  .strict()
  .openapi('PasswordResetConfirm');
export const EmailVerificationBody = z.object({ token: z.string().min(10).max(1000) }).openapi('EmailVerification');
export const EmailVerifiedSchema = z
  .object({
    email: z.string(),
    verified: z.literal(true),
    alreadyVerified: z.boolean().openapi({ description: 'The link had been used before; nothing changed.' }),
    starterPoints: z.number().int().openapi({ description: 'Starter points this confirmation added to the wallet: 0 when the address had them before.', example: 50 }),
  })
  .openapi('EmailVerified');

export const SignupBody = z
  .object({
    email: z.string().trim().max(254).email(),
    password: z.string().min(10, 'at least 10 characters').max(200).openapi({ example: 'correct horse battery' }),
    handle: z.string().regex(/^[A-Za-z0-9_]{3,30}$/, '3–30 letters, digits or underscores').openapi({ example: 'ana_reads' }),
    displayName: z.string().trim().min(1).max(80).optional().openapi({ example: 'Ana' }),
  })
  .strict()
  .openapi('Signup');

export const LoginBody = z.object({ email: z.string().trim().max(254).email(), password: z.string().min(1).max(200) }).strict().openapi('Login');

export const AuthResultSchema = z
  .object({ user: ReaderSchema, token: z.string().openapi({ example: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1XzAxSkQ4WksiLCJoYW5kbGUiOiJhbmFfcmVhZHMifQ.sig' }), balance: z.number().int().openapi({ example: 0 }) })
  .openapi('AuthResult');

export const MeSchema = ReaderSchema.extend({ balance: z.number().int() }).openapi('Me');

export const LedgerEntrySchema = z
  .object({
    entryId: z.string().openapi({ example: 'e_2026-11-29T10:20:00.000Z_1' }),
    at: z.string().openapi({ example: '2026-11-29T10:20:00.000Z' }),
    kind: z.enum(LEDGER_KINDS).openapi({ example: 'unlock' }),
    amount: z.number().int().openapi({ example: -30 }),
    balanceAfter: z.number().int().openapi({ example: 20 }),
    promoAmount: z.number().int().optional().openapi({ description: 'The promotional part of `amount`, when it has one.' }),
    articleId: z.string().optional(),
    publisherSlug: z.string().optional(),
    postId: z.string().optional(),
    paymentId: z.string().optional().openapi({ description: 'On a top-up: the purchase, as a refund request names it.' }),
    note: z.string().optional(),
  })
  .openapi('LedgerEntry');

export const WalletSchema = z
  .object({
    balance: z.number().int(),
    promotional: z.number().int().openapi({ description: 'The part of `balance` that was given, not bought (starter points): it unlocks articles, and is spent first, but cannot be tipped or paid out.' }),
    deficit: z.number().int().openapi({
      description: 'Points owed after a refunded or disputed purchase whose points were already spent. While above zero nothing can be spent; points bought or received cover it first.',
    }),
    entries: z.array(LedgerEntrySchema),
    nextCursor: z.string().nullable(),
  })
  .openapi('Wallet');

export const DevTopUpBody = z.object({ points: z.number().int().min(1).max(10_000) }).strict().openapi('DevTopUp');

export const UnlockResultSchema = z
  .object({
    access: z.object({ granted: z.literal(true), via: z.string().openapi({ example: 'points' }) }),
    charged: z.number().int().openapi({ example: 30 }),
    balance: z.number().int().openapi({ example: 20 }),
    contentHtml: z.string().openapi({ example: '<p>The full text…</p>' }),
  })
  .openapi('UnlockResult');

export const UndoResultSchema = z
  .object({ refunded: z.number().int(), balance: z.number().int(), undosLeftThisMonth: z.number().int() })
  .openapi('UndoResult');

export const PointPackSchema = z.object({ packId: z.string(), points: z.number().int(), priceCents: z.number().int() }).openapi('PointPack');

export const CheckoutSchema = z
  .object({ sessionId: z.string(), checkoutUrl: z.string().openapi({ description: 'Send the reader here to pay.' }) })
  .openapi('Checkout');

export const SubscriptionSchema = z
  .object({
    publisherSlug: z.string().openapi({ example: 'worldwire' }),
    planId: z.string().openapi({ example: 'monthly' }),
    kind: z.enum(['trial', 'paid']),
    status: z.string(),
    currentPeriodEnd: z.string(),
    cancelAtPeriodEnd: z.boolean(),
    graceUntil: z.string().optional().openapi({ description: 'After a failed renewal (`past_due`), access lasts until then.' }),
    updatedAt: z.string(),
  })
  .openapi('Subscription');

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

const PostFields = z.object({
    postId: z.string().openapi({ example: 'p_01JD9A2M4X' }),
    author: z.object({ kind: z.enum(['reader', 'publisher']), handle: z.string().openapi({ example: 'ana_reads' }) }),
    text: z.string().openapi({ example: 'Good news for islanders.' }),
    links: z.array(z.string()),
    articleId: z.string().optional(),
    article: ArticleCardSchema.extend({ access: z.object({ granted: z.boolean(), via: z.string().optional() }) })
      .optional()
      .openapi({ description: 'The attached article as a card, with this viewer’s access state.' }),
    replyTo: z.string().optional(),
    createdAt: z.string(),
    likeCount: z.number().int(),
    replyCount: z.number().int(),
    repostOf: z.string().optional(),
    quoteOf: z.string().optional(),
    repostCount: z.number().int().optional(),
    deleted: z.boolean().optional(),
  });

export const PostSchema = PostFields.extend({
  original: PostFields.optional().openapi({ description: 'The shared post, for reposts and quotes (a tombstone if it was deleted).' }),
}).openapi('Post');

export const CreatePostBody = z
  .object({
    text: z.string().trim().max(MAX_POST_LENGTH).default('').openapi({ example: 'Good news for islanders.' }),
    articleId: z.string().max(80).optional(),
    replyTo: z.string().max(40).optional(),
    repostOf: z.string().max(40).optional(),
    quoteOf: z.string().max(40).optional(),
  })
  .strict()
  .refine((body) => [body.replyTo, body.repostOf, body.quoteOf].filter(Boolean).length <= 1, 'a post replies to, reposts or quotes one post at most')
  .refine((body) => body.text.length > 0 || body.repostOf !== undefined, 'text is required (only a repost may have none)')
  .openapi('CreatePost');

export const FollowBody = z
  .union([z.object({ handle: z.string().min(1).max(30) }).strict(), z.object({ publisher: z.string().min(1).max(40) }).strict()])
  .openapi('Follow');

export const ProfileSchema = z
  .object({ handle: z.string(), displayName: z.string().optional(), createdAt: z.string(), followerCount: z.number().int(), followingCount: z.number().int() })
  .openapi('Profile');

export const GiftSchema = z
  .object({
    giftId: z.string(),
    articleId: z.string(),
    url: z.string().openapi({ description: 'The shareable gift page: anyone with it can open the article, signed in, while the gift lasts.' }),
    maxRedemptions: z.number().int(),
    redemptions: z.number().int(),
    expiresAt: z.string(),
    createdAt: z.string(),
  })
  .openapi('Gift');

export const GiftViewSchema = z
  .object({
    gift: GiftSchema,
    open: z.boolean().openapi({ description: 'Whether the link can still be redeemed: not expired, readers left.' }),
    article: ArticleCardSchema,
  })
  .openapi('GiftView');

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

export const MailPreferencesSchema = z
  .object({
    newsletters: z.boolean().openapi({ description: 'Newsletter issues from the newsletters you subscribed to. Off pauses them all; your subscriptions stay for when you turn it on.' }),
  })
  .strict()
  .openapi('MailPreferences', { description: 'Which mails you want. Mails about your account itself (confirming an address, a new password) are always sent.' });

export const DeleteAccountBody = z
  .object({
    password: z.string().min(1).max(200).openapi({ description: 'Your current password: deleting needs it even with a valid token.' }),
    forfeitPoints: z.boolean().default(false).openapi({ description: 'You agree to give up purchased points still in the wallet. Without it, a wallet with purchased points is not deleted (409).' }),
  })
  .strict()
  .openapi('DeleteAccount');

export const AccountDeletedSchema = z
  .object({ deleted: z.literal(true), forfeitedPoints: z.number().int().openapi({ description: 'Points left in the wallet that were given up.' }) })
  .openapi('AccountDeleted');

const exported = z.array(z.record(z.string(), z.unknown()));
export const ReceiptsSchema = z
  .object({
    keyId: z.string().openapi({ description: 'The key that signed them, one of `/.well-known/jwks.json`.' }),
    receipts: z.array(
      z
        .object({
          kind: z.enum(['purchase', 'article', 'subscription']),
          jws: z.string().openapi({ description: 'This receipt as a compact JWS (ES256, `typ` `postwire-receipt+jwt`): its claims, plus `iss`, `iat`, `email` and `handle`.' }),
        })
        .passthrough()
        .openapi({ description: 'purchase: `points`, `paymentId`, `at`; article: `publisher`, `article`, `title`, `url`, `via`, `points`, `grantedAt`, `sub`; subscription: `publisher`, `plan`, `type`, `status`, `periodEnd`, `sub`. `sub` is the name the publisher knows the reader by (as in entitlement tokens).' }),
    ),
    document: z.string().openapi({ description: 'Every receipt in one compact JWS (claim `receipts`).' }),
  })
  .openapi('Receipts');

export const AccountExportSchema = z
  .object({
    exportedAt: z.string(),
    profile: z.record(z.string(), z.unknown()),
    wallet: z.object({ balance: z.number().int(), promotional: z.number().int() }),
    ledger: exported.openapi({ description: 'Every wallet entry, oldest first.' }),
    library: exported.openapi({ description: 'Every article you may read in full, and how you got it.' }),
    subscriptions: exported,
    freeArticlesUsed: z.array(z.object({ publisherSlug: z.string(), month: z.string(), used: z.number().int() })),
    posts: exported.openapi({ description: 'Your posts, oldest first.' }),
    follows: z.array(z.object({ kind: z.enum(['reader', 'publisher']), id: z.string(), followedAt: z.string().optional() })),
    likes: z.array(z.object({ postId: z.string(), likedAt: z.string() })),
    blocked: z.array(z.object({ userId: z.string(), at: z.string().optional() })),
    newsletters: exported.openapi({ description: 'The newsletters you subscribed to.' }),
  })
  .openapi('AccountExport');

export const EmailChangeBody = z
  .object({
    newEmail: z.string().trim().max(254).email(),
    password: z.string().min(1).max(200).openapi({ description: 'Your current password.' }),
  })
  .strict()
  .openapi('EmailChange');
export const EmailChangeStartedSchema = z
  .object({ sentTo: z.array(z.string()).openapi({ description: 'Where confirmation links went: the new address, and the current one when it had been confirmed.' }) })
  .openapi('EmailChangeStarted');
export const EmailChangeProgressSchema = z
  .object({
    side: z.enum(['old', 'new']).openapi({ description: 'Which address this link belonged to.' }),
    changed: z.boolean().openapi({ description: 'True once both links were used: the account now uses the new address.' }),
    email: z.string().openapi({ description: 'The address the account uses now.' }),
    newEmail: z.string(),
    starterPoints: z.number().int().openapi({ description: 'Starter points the change added: only when the account had never confirmed an address, and the new one never had them.' }),
  })
  .openapi('EmailChangeProgress');

// ---- newsletters ------------------------------------------------------------------

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
export const NewsletterSchema = z
  .object({
    newsletterId: z.string().openapi({ example: 'worldwire.daily' }),
    publisherSlug: z.string(),
    name: z.string().openapi({ example: 'The Daily Briefing' }),
    description: z.string().optional(),
    sections: z.array(z.string()).optional().openapi({ description: 'Only articles of these sections; all when absent.' }),
    sendTime: z.string().openapi({ example: '07:00' }),
    timeZone: z.string().openapi({ example: 'Europe/Berlin' }),
    weekdays: z.array(z.number().int()).openapi({ description: 'Days it goes out: 0 = Sunday … 6 = Saturday.', example: [1, 2, 3, 4, 5] }),
    maxArticles: z.number().int(),
    nextSendAt: z.string().openapi({ description: 'When the next issue is made (UTC).' }),
    lastIssueAt: z.string().optional(),
    subscriberCount: z.number().int().openapi({ description: 'Confirmed subscribers.' }),
    createdAt: z.string(),
  })
  .openapi('Newsletter');

export const CreateNewsletterBody = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,29}$/, '1–30 lower-case letters, digits or dashes').openapi({ description: 'Short and unique among your newsletters: its id is `<your slug>.<key>`.', example: 'daily' }),
    name: z.string().trim().min(1).max(80),
    description: z.string().trim().max(300).optional(),
    sections: z.array(z.string().trim().min(1).max(60)).max(10).optional(),
    sendTime: z.string().regex(HHMM, 'a time of day, HH:MM').openapi({ example: '07:00' }),
    timeZone: z.string().refine(isTimeZone, 'an IANA time zone, such as Europe/Berlin').openapi({ example: 'Europe/Berlin' }),
    frequency: z.enum(['daily', 'weekly']).openapi({ description: '`weekly` goes out on `weekday`.' }),
    weekday: z.number().int().min(0).max(6).optional().openapi({ description: 'For a weekly: 0 = Sunday … 6 = Saturday (default 1, Monday).' }),
    maxArticles: z.number().int().min(1).max(20).default(10),
  })
  .strict()
  .openapi('CreateNewsletter');

export const IssueSchema = z
  .object({
    issueId: z.string(),
    newsletterId: z.string(),
    madeAt: z.string(),
    articles: z.array(z.object({ id: z.string(), title: z.string(), price: z.number().int(), publishedAt: z.string() })),
    sent: z.number().int(),
    delivered: z.number().int(),
    bounced: z.number().int(),
    unsubscribed: z.number().int(),
  })
  .openapi('NewsletterIssue');

export const NewsletterTokenBody = z.object({ token: z.string().min(10).max(1000).openapi({ description: 'The `token` parameter of the link in the mail.' }) }).strict().openapi('NewsletterToken');
export const NewsletterIdParam = z.object({ id: z.string().max(100).openapi({ param: { name: 'id', in: 'path' }, example: 'worldwire.daily' }) });

// ---- webhooks -----------------------------------------------------------------------

export const WebhookSchema = z
  .object({
    webhookId: z.string().openapi({ example: 'wh_3kT9aQ2x' }),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    status: z.enum(['enabled', 'disabled']),
    createdAt: z.string(),
    failingSince: z.string().optional().openapi({ description: 'Deliveries have failed since then; they are retried with growing pauses for 3 days.' }),
    attempts: z.number().int().optional(),
    lastError: z.string().optional(),
    disabledAt: z.string().optional(),
    disabledReason: z.string().optional().openapi({ description: 'Why deliveries stopped; `POST …/enable` resumes them from where they stopped.' }),
    secretRetiresAt: z.string().optional().openapi({ description: 'While a replaced secret still signs (beside the new one): until then.' }),
  })
  .openapi('Webhook');
export const CreateWebhookBody = z
  .object({
    url: httpUrl.openapi({ example: 'https://hooks.worldwire.example/postwire' }),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length),
  })
  .strict()
  .openapi('CreateWebhook');
export const WebhookSecretSchema = z.object({ secret: z.string().openapi({ description: 'Shown once: `whsec_` and the key in base64 (Standard Webhooks).', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }) });
export const WebhookDeliverySchema = z
  .object({
    deliveryId: z.string().openapi({ description: 'Names the event for `…/deliveries/{deliveryId}/replay`.' }),
    eventId: z.string(),
    eventType: z.string(),
    at: z.string(),
    ok: z.boolean(),
    status: z.number().int().optional(),
    error: z.string().optional(),
    ms: z.number().int(),
    replay: z.boolean().optional(),
  })
  .openapi('WebhookDelivery');
export const WebhookIdParam = z.object({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' } }) });
