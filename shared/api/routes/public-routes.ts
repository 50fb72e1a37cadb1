/** What anyone may read (health, publishers, cards, teasers), and unlocking an article. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { listArticles } from '../../articles/article-store.js';
import { NotFound } from '../../errors.js';
import { getPublisher, getPublishers, listPublishers } from '../../publishers/publisher-store.js';
import { SLUG_PATTERN } from '../../publishers/publisher.js';
import { decideAccess, type AccessDecision } from '../../access/access-policy.js';
import { isArticleId, loadAccessFacts, readerFactsOf } from '../../access/access-facts.js';
import { unlockArticle } from '../../access/unlock-article.js';
import { UNDO_WINDOW_MS, UNDOS_PER_MONTH, undoUnlock } from '../../access/undo-unlock.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { readerIfPresent, requireReader } from '../auth.js';
import { priceOf, toCard } from '../presenters.js';
import {
  ArticleCardSchema,
  ArticleDetailSchema,
  ArticleListQuery,
  ErrorSchema,
  errorResponses,
  IdempotencyHeader,
  pageOf,
  PageQuery,
  PublisherSchema,
  UndoResultSchema,
  UnlockResultSchema,
} from '../schemas.js';

/** What an unlock would cost this reader now: nothing through the meter or the cap, less than the price near the cap. */
function unlockCostOf(decision: AccessDecision): number {
  if (decision.kind === 'unlock') return decision.via === 'points' ? decision.charge : 0;
  return decision.kind === 'insufficient' || decision.kind === 'sign_in' ? decision.price : 0;
}

const OPTIONAL_READER: Array<Record<string, string[]>> = [{}, { bearer: [] }];
const ArticleIdParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });
const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

export function registerPublicRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    createRoute({ method: 'get', path: '/health', tags: ['everyone'], responses: { 200: json(z.object({ ok: z.boolean() }), 'Alive') } }),
    (c) => c.json({ ok: true }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/publishers',
      tags: ['everyone'],
      request: { query: PageQuery },
      responses: { 200: json(pageOf(PublisherSchema, 'PublisherPage'), 'Publishers by slug'), ...errorResponses(400) },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const page = await listPublishers(deps.db, limit, deps.cursors.decode('publishers', cursor));
      return c.json({ items: page.items, nextCursor: deps.cursors.encode('publishers', page.lastKey) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/publishers/{slug}',
      tags: ['everyone'],
      request: { params: z.object({ slug: z.string().openapi({ param: { name: 'slug', in: 'path' } }) }) },
      responses: { 200: json(PublisherSchema, 'The publisher'), ...errorResponses(404) },
    }),
    async (c) => {
      const { slug } = c.req.valid('param');
      if (!SLUG_PATTERN.test(slug)) throw new NotFound('The publisher');
      return c.json(await getPublisher(deps.db, slug), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/articles',
      tags: ['everyone'],
      request: { query: ArticleListQuery },
      responses: { 200: json(pageOf(ArticleCardSchema, 'ArticleCardPage'), 'Article cards, newest first'), ...errorResponses(400) },
    }),
    async (c) => {
      const { limit, cursor, publisher, section } = c.req.valid('query');
      const scope = `articles:${publisher ?? ''}:${section?.toLowerCase() ?? ''}`;
      const page = await listArticles(deps.db, { publisher, section }, limit, deps.cursors.decode(scope, cursor));
      const publishers = await getPublishers(deps.db, page.items.map((item) => item.publisherSlug));
      return c.json(
        {
          items: page.items.map((item) => toCard(item, publishers.get(item.publisherSlug), deps.config.defaultArticlePrice)),
          nextCursor: deps.cursors.encode(scope, page.lastKey),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/articles/{id}',
      tags: ['everyone'],
      description: 'The teaser always; the full text when this viewer has access. A reader token adds their access state and offer.',
      // Anonymous or with a reader token: both are fine here.
      security: OPTIONAL_READER,
      middleware: readerIfPresent(deps),
      request: { params: ArticleIdParam },
      responses: { 200: json(ArticleDetailSchema, 'The article: teaser always, full text when access is granted'), ...errorResponses(401, 404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!isArticleId(id)) throw new NotFound('The article');
      const reader = c.get('reader');
      // Article, publisher and the reader's access state in one round trip.
      const facts = await loadAccessFacts(deps.db, id, reader?.userId, deps.now());
      const { article, publisher } = facts;
      if (!article) throw new NotFound('The article');
      const price = priceOf(article, publisher, deps.config.defaultArticlePrice);
      const now = deps.now();
      const readerFacts = reader ? readerFactsOf(facts, now) : undefined;
      const decision = decideAccess({ price, entitlement: facts.entitlement, reader: readerFacts });
      const card = {
        ...toCard(article, publisher, deps.config.defaultArticlePrice),
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
            freeRemaining: readerFacts?.freeRemaining ?? publisher?.freeArticlesPerMonth ?? 0,
            plans: publisher?.plans ?? [],
            ...(reader ? { trialAvailable: !facts.trialUsed && (publisher?.plans ?? []).some((plan) => plan.trialDays > 0) } : {}),
          },
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/articles/{id}/unlock',
      tags: ['reader'],
      description:
        'Opens the article by the first way that applies: free, already unlocked, the free meter, or points. Never charges twice; a replay with the same Idempotency-Key returns the first answer.',
      security: [{ bearer: [] }],
      middleware: requireReader(deps),
      request: { params: ArticleIdParam, headers: IdempotencyHeader },
      responses: {
        200: json(UnlockResultSchema, 'Unlocked'),
        402: { description: 'Not enough points (details: price, balance)', content: { 'application/json': { schema: ErrorSchema } } },
        ...errorResponses(401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const result = await unlockArticle(deps.db, c.get('reader')!.userId, id, {
        defaultPrice: deps.config.defaultArticlePrice,
        platformSharePercent: deps.config.readers.platformSharePercent,
        idempotencyKey: c.req.header('idempotency-key'),
        now: deps.now,
      });
      return c.json({ access: { granted: true as const, via: result.via }, charged: result.charged, balance: result.balance, contentHtml: result.contentHtml }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/v1/articles/{id}/unlock',
      tags: ['reader'],
      description: `Undoes an unlock paid with points within ${UNDO_WINDOW_MS / 60_000} minutes (at most ${UNDOS_PER_MONTH} a month): points back, access gone, the publisher's earning reversed.`,
      security: [{ bearer: [] }],
      middleware: requireReader(deps),
      request: { params: ArticleIdParam },
      responses: { 200: json(UndoResultSchema, 'Undone'), ...errorResponses(401, 404, 409) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!isArticleId(id)) throw new NotFound('An unlock of this article');
      return c.json(await undoUnlock(deps.db, c.get('reader')!.userId, id, deps.now), 200);
    },
  );
}
