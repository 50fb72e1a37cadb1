/** Article cards and pages, their listing query, unlocks, undos and gifts. The OpenAPI document is generated from these same objects. */
import { z } from '@hono/zod-openapi';
import { SLUG_PATTERN } from '../../publishers/publisher.js';
import { PageQuery } from './common.js';
import { OfferedPlanSchema } from './plans.js';

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

export const ArticleListQuery = PageQuery.extend({
  publisher: z.string().regex(SLUG_PATTERN).optional().openapi({ param: { name: 'publisher', in: 'query' } }),
  section: z.string().trim().min(1).max(60).optional().openapi({ param: { name: 'section', in: 'query' } }),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM')
    .optional()
    .openapi({ param: { name: 'month', in: 'query', description: 'Only articles published in this month (UTC), for the archive.' }, example: '2026-11' }),
});

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
