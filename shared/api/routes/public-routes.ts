/** What anyone may read: health, publishers, article cards. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { listArticles } from '../../articles/article-store.js';
import { getPublisher, getPublishers, listPublishers } from '../../publishers/publisher-store.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { toCard } from '../presenters.js';
import { ArticleCardSchema, ArticleListQuery } from '../schemas/articles.js';
import { errorResponses, pageOf, PageQuery, jsonResponse } from '../schemas/common.js';
import { PublisherSchema } from '../schemas/publishers.js';


export function registerPublicRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    createRoute({ operationId: 'getHealth', summary: 'Liveness', method: 'get', path: '/health', tags: ['everyone'], responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), 'Alive') } }),
    (c) => c.json({ ok: true }, 200),
  );

  app.openapi(
    createRoute({ operationId: 'listPublishers', summary: 'Publishers, by slug',
      method: 'get',
      path: '/v1/publishers',
      tags: ['everyone'],
      request: { query: PageQuery },
      responses: { 200: jsonResponse(pageOf(PublisherSchema, 'PublisherPage'), 'Publishers by slug'), ...errorResponses(400) },
    }),
    async (c) => {
      const { limit, cursor } = c.req.valid('query');
      const page = await listPublishers(deps.db, limit, deps.cursors.decode('publishers', cursor));
      return c.json({ items: page.items, nextCursor: deps.cursors.encode('publishers', page.lastKey) }, 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'getPublisher', summary: 'A publisher, its plans and offer',
      method: 'get',
      path: '/v1/publishers/{slug}',
      tags: ['everyone'],
      request: { params: z.object({ slug: z.string().openapi({ param: { name: 'slug', in: 'path' } }) }) },
      responses: { 200: jsonResponse(PublisherSchema, 'The publisher'), ...errorResponses(404) },
    }),
    async (c) => {
      return c.json(await getPublisher(deps.db, c.req.valid('param').slug), 200);
    },
  );

  app.openapi(
    createRoute({ operationId: 'listArticles', summary: 'Article cards, newest first',
      method: 'get',
      path: '/v1/articles',
      tags: ['everyone'],
      request: { query: ArticleListQuery },
      responses: { 200: jsonResponse(pageOf(ArticleCardSchema, 'ArticleCardPage'), 'Article cards, newest first'), ...errorResponses(400) },
    }),
    async (c) => {
      const { limit, cursor, publisher, section, month } = c.req.valid('query');
      const scope = `articles:${publisher ?? ''}:${section?.toLowerCase() ?? ''}:${month ?? ''}`;
      const page = await listArticles(deps.db, { publisher, section, month }, limit, deps.cursors.decode(scope, cursor));
      const publishers = await getPublishers(deps.db, page.items.map((item) => item.publisherSlug));
      return c.json(
        {
          items: page.items.map((item) => toCard(item, publishers.get(item.publisherSlug), deps.config.defaultArticlePrice, deps.now())),
          nextCursor: deps.cursors.encode(scope, page.lastKey),
        },
        200,
      );
    },
  );
}
