/** One article: its page (teaser or full text, by the access decision), unlocking it, and undoing an unlock. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { isArticleId, loadAccessFacts, readerFactsOf } from '../../access/access-facts.js';
import { decideAccess, type AccessDecision } from '../../access/access-policy.js';
import { UNDO_WINDOW_MS, UNDOS_PER_MONTH, undoUnlock } from '../../access/undo-unlock.js';
import { createGift, findGift, GIFT_LIFETIME_DAYS, GIFTS_PER_MONTH, READERS_PER_GIFT, redeemGift } from '../../access/gifts.js';
import { unlockArticle } from '../../access/unlock-article.js';
import { offeredPlans } from '../../publishers/plan-offer.js';
import { NotFound } from '../../errors.js';
import { getArticleCard } from '../../articles/article-store.js';
import { getPublishers } from '../../publishers/publisher-store.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { readerIfPresent, requireReader } from '../auth.js';
import { priceAt } from '../../access/article-price.js';
import { toCard } from '../presenters.js';
import { UNLOCK_REF } from '../../newsletters/unlock-ref.js';
import { ArticleDetailSchema, GiftSchema, GiftViewSchema, UndoResultSchema, UnlockResultSchema } from '../schemas/articles.js';
import { ErrorSchema, errorResponses, IdempotencyHeader, jsonResponse, OPTIONAL_READER } from '../schemas/common.js';
import { rateLimited } from '../rate-limit.js';
import { deficitOf } from '../../wallet/ledger.js';

/** What an unlock would cost this reader now: nothing through the meter or the cap, less than the price near the cap. */
function unlockCostOf(decision: AccessDecision): number {
  if (decision.kind === 'unlock') return decision.via === 'points' ? decision.charge : 0;
  return decision.kind === 'insufficient' || decision.kind === 'sign_in' ? decision.price : 0;
}

const GiftIdParam = z.object({ giftId: z.string().max(40).openapi({ param: { name: 'giftId', in: 'path' } }) });

/** The gift page anyone can open: on the web app, under the public address. */
const giftUrl = (deps: AppDeps, giftId: string) => `${deps.config.feeds.publicUrl}/gifts/${encodeURIComponent(giftId)}`;

const ArticleIdParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

export function registerArticleRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    createRoute({ operationId: 'getArticle', summary: 'An article: teaser for everyone, full text with access, else the offer',
      method: 'get',
      path: '/v1/articles/{id}',
      tags: ['everyone'],
      description: 'The teaser always; the full text when this viewer has access. A reader token adds their access state and offer.',
      // Anonymous or with a reader token: both are fine here.
      security: OPTIONAL_READER,
      middleware: readerIfPresent(deps),
      request: { params: ArticleIdParam },
      responses: { 200: jsonResponse(ArticleDetailSchema, 'The article: teaser always, full text when access is granted'), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!isArticleId(id)) throw new NotFound('The article');
      const reader = c.get('reader');
      // Article, publisher and the reader's access state in one round trip.
      const facts = await loadAccessFacts(deps.db, id, reader?.userId, deps.now());
      const { article, publisher } = facts;
      if (!article) throw new NotFound('The article');
      const now = deps.now();
      const price = priceAt(article, publisher, deps.config.defaultArticlePrice, now);
      const readerFacts = reader ? readerFactsOf(facts, now) : undefined;
      const decision = decideAccess({ price, entitlement: facts.entitlement, reader: readerFacts });
      const card = {
        ...toCard(article, publisher, deps.config.defaultArticlePrice, now),
        teaserHtml: article.teaserHtml,
        updatedAt: article.updatedAt,
        wordCount: article.wordCount,
        ...(article.imageCaption ? { imageCaption: article.imageCaption } : {}),
        ...(article.imageCredit ? { imageCredit: article.imageCredit } : {}),
      };
      if (decision.kind === 'granted') {
        return c.json({ article: card, access: { granted: true, via: decision.via }, contentHtml: article.contentHtml }, 200);
      }
      return c.json(
        {
          article: card,
          access: { granted: false },
          offer: {
            price,
            ...(readerFacts ? { unlockCost: unlockCostOf(decision) } : {}),
            ...(reader ? { balance: facts.balance } : {}),
            ...(reader && deficitOf(facts) > 0 ? { deficit: deficitOf(facts) } : {}),
            freeRemaining: readerFacts?.freeRemaining ?? publisher?.freeArticlesPerMonth ?? 0,
            plans: offeredPlans(publisher?.plans ?? []),
            ...(reader ? { trialAvailable: !facts.trialUsed && (publisher?.plans ?? []).some((plan) => plan.trialDays > 0) } : {}),
          },
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({ operationId: 'unlockArticle', summary: 'Unlock an article for the signed-in reader',
      method: 'post',
      path: '/v1/articles/{id}/unlock',
      tags: ['reader'],
      description:
        'Opens the article by the first way that applies: free, already unlocked, the free meter, or points. Never charges twice; a replay with the same Idempotency-Key returns the first answer.',
      security: [{ bearer: [] }],
      middleware: requireReader(deps),
      request: { params: ArticleIdParam, headers: IdempotencyHeader, query: z.object({ ref: z.string().regex(UNLOCK_REF, 'newsletter.<issue id>').optional().openapi({ description: 'Where the reader came from: the `ref` of a newsletter link, counted in the publisher’s stats.' }) }) },
      responses: {
        200: jsonResponse(UnlockResultSchema, 'Unlocked'),
        402: { description: 'Not enough points (details: price, balance)', content: { 'application/json': { schema: ErrorSchema } } },
        ...errorResponses(401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const result = await unlockArticle(deps.db, c.get('reader')!.userId, id, {
        defaultPrice: deps.config.defaultArticlePrice,
        platformSharePercent: deps.config.readers.platformSharePercent,
        promoBudgetPoints: deps.config.readers.promoBudgetPoints,
        idempotencyKey: c.req.header('idempotency-key'),
        ref: c.req.valid('query').ref,
        now: deps.now,
      });
      deps.metrics.count('Unlocks', 1, { name: 'via', value: result.via });
      if (result.charged > 0) deps.metrics.count('PointsSpent', result.charged);
      return c.json({ access: { granted: true as const, via: result.via }, charged: result.charged, balance: result.balance, contentHtml: result.contentHtml }, 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'undoUnlock', summary: 'Undo a points unlock within minutes',
      method: 'delete',
      path: '/v1/articles/{id}/unlock',
      tags: ['reader'],
      description: `Undoes an unlock paid with points within ${UNDO_WINDOW_MS / 60_000} minutes (at most ${UNDOS_PER_MONTH} a month): points back, access gone, the publisher's earning reversed.`,
      security: [{ bearer: [] }],
      middleware: requireReader(deps),
      request: { params: ArticleIdParam },
      responses: { 200: jsonResponse(UndoResultSchema, 'Undone'), ...errorResponses(401, 404, 409) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!isArticleId(id)) throw new NotFound('An unlock of this article');
      return c.json(await undoUnlock(deps.db, c.get('reader')!.userId, id, deps.now), 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'createGift', summary: 'Make a gift link of an article the reader may gift',
      method: 'post',
      path: '/v1/articles/{id}/gifts',
      tags: ['reader'],
      description: `A gift link: opens the full article for up to ${READERS_PER_GIFT} readers for ${GIFT_LIFETIME_DAYS} days, free to them. For articles you unlocked or subscribe to; ${GIFTS_PER_MONTH} a month.`,
      security: [{ bearer: [] }],
      middleware: [requireReader(deps), rateLimited(deps, 'gifts')],
      request: { params: ArticleIdParam },
      responses: { 201: jsonResponse(z.object({ gift: GiftSchema }), 'Gift link made'), ...errorResponses(401, 403, 404, 409, 429) },
    }),
    async (c) => {
      const { giverId: _giver, publisherSlug: _slug, ...gift } = await createGift(deps.db, c.get('reader')!.userId, c.req.valid('param').id, deps.config.defaultArticlePrice, deps.now());
      return c.json({ gift: { ...gift, url: giftUrl(deps, gift.giftId) } }, 201);
    },
  );

  app.openapi(
    createRoute({ operationId: 'getGift', summary: 'What a gift link opens, for the gift page',
      method: 'get',
      path: '/v1/gifts/{giftId}',
      tags: ['everyone'],
      description: 'The gifted article\'s card and whether the link can still be redeemed. Who made the link is not shown.',
      request: { params: GiftIdParam },
      responses: { 200: jsonResponse(GiftViewSchema, 'The gift and its article'), ...errorResponses(404) },
    }),
    async (c) => {
      const gift = await findGift(deps.db, c.req.valid('param').giftId);
      if (!gift) throw new NotFound('The gift link');
      const [article, publishers] = await Promise.all([getArticleCard(deps.db, gift.articleId), getPublishers(deps.db, [gift.publisherSlug])]);
      if (!article) throw new NotFound('The gifted article');
      const { publisherSlug: _slug, ...view } = gift;
      const open = gift.expiresAt > deps.now().toISOString() && gift.redemptions < gift.maxRedemptions;
      return c.json({ gift: { ...view, url: giftUrl(deps, gift.giftId) }, open, article: toCard(article, publishers.get(gift.publisherSlug), deps.config.defaultArticlePrice, deps.now()) }, 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'redeemGift', summary: 'Open a gifted article',
      method: 'post',
      path: '/v1/gifts/{giftId}/redeem',
      tags: ['reader'],
      security: [{ bearer: [] }],
      middleware: requireReader(deps),
      request: { params: GiftIdParam },
      responses: { 200: jsonResponse(z.object({ articleId: z.string(), access: z.object({ granted: z.literal(true), via: z.string() }) }), 'The article is yours to read'), ...errorResponses(401, 403, 404, 409) },
    }),
    async (c) => {
      const { articleId, via } = await redeemGift(deps.db, c.req.valid('param').giftId, c.get('reader')!.userId, deps.now());
      return c.json({ articleId, access: { granted: true as const, via } }, 200);
    },
  );
}
