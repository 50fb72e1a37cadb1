/** What anyone may read: health, publishers, article cards and teasers. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { listArticles } from '../../articles/article-store.js';
import { batchGetAll } from '../../db/batch.js';
import { articleKey, publisherKey } from '../../db/keys.js';
import { NotFound } from '../../errors.js';
import { getPublisher, getPublishers, listPublishers, toPublisher } from '../../publishers/publisher-store.js';
import { SLUG_PATTERN } from '../../publishers/publisher.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { priceOf, toCard } from '../presenters.js';
import { ArticleCardSchema, ArticleDetailSchema, ArticleListQuery, errorResponses, pageOf, PageQuery, PublisherSchema } from '../schemas.js';
import type { Article } from '../../articles/article.js';

const ARTICLE_ID = /^[a-z0-9-]{1,40}_[A-Za-z0-9]{22}$/;
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
      request: { params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) }) },
      responses: { 200: json(ArticleDetailSchema, 'The article: teaser always, full text when access is granted'), ...errorResponses(404) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!ARTICLE_ID.test(id)) throw new NotFound('The article');
      // The id carries the publisher's slug, so article and publisher come back in one round trip.
      const slug = id.slice(0, id.lastIndexOf('_'));
      const items = await batchGetAll(deps.db, [articleKey(id), publisherKey(slug)]);
      const articleItem = items.find((item) => item.type === 'article');
      const publisherItem = items.find((item) => item.type === 'publisher');
      if (!articleItem) throw new NotFound('The article');
      const article = articleItem as unknown as Article;
      const publisher = publisherItem ? toPublisher(publisherItem) : undefined;
      const price = priceOf(article, publisher, deps.config.defaultArticlePrice);
      const card = {
        ...toCard(article, publisher, deps.config.defaultArticlePrice),
        teaserHtml: article.teaserHtml,
        updatedAt: article.updatedAt,
        wordCount: article.wordCount,
        ...(article.imageCaption ? { imageCaption: article.imageCaption } : {}),
        ...(article.imageCredit ? { imageCredit: article.imageCredit } : {}),
      };
      if (price === 0) {
        return c.json({ article: card, access: { granted: true, via: 'free' }, contentHtml: article.contentHtml }, 200);
      }
      return c.json(
        {
          article: card,
          access: { granted: false },
          offer: { price, freeRemaining: publisher?.freeArticlesPerMonth ?? 0, plans: [] },
        },
        200,
      );
    },
  );
}
