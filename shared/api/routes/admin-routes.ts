/** The operator's endpoints. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { issueApiKey } from '../../publishers/api-keys.js';
import { createPublisher } from '../../publishers/publisher-store.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { requireAdmin } from '../auth.js';
import { errorResponses, IdempotencyHeader } from '../schemas/common.js';
import { CreatedPublisherSchema, CreatePublisherBody } from '../schemas/publishers.js';

export function registerAdminRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  app.openapi(
    createRoute({ operationId: 'createPublisher', summary: 'Create a publisher and its first API key (operator)',
      method: 'post',
      path: '/v1/admin/publishers',
      tags: ['operator'],
      security: [{ bearer: [] }],
      middleware: requireAdmin(deps),
      request: { headers: IdempotencyHeader, body: { required: true, content: { 'application/json': { schema: CreatePublisherBody } } } },
      responses: {
        201: { description: 'Created; the API key is shown only now', content: { 'application/json': { schema: CreatedPublisherSchema } } },
        ...errorResponses(400, 401, 403, 409),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const now = deps.now().toISOString();
      const { apiKey, hash } = issueApiKey(body.slug);
      const publisher = {
        slug: body.slug,
        name: body.name,
        ...(body.homepageUrl ? { homepageUrl: body.homepageUrl } : {}),
        articlePrice: body.articlePrice ?? deps.config.defaultArticlePrice,
        freeArticlesPerMonth: body.freeArticlesPerMonth ?? 1,
        createdAt: now,
        updatedAt: now,
      };
      await createPublisher(deps.db, { ...publisher, apiKeyHash: hash });
      deps.logger.info('Publisher created', { slug: publisher.slug });
      return c.json({ publisher, apiKey }, 201);
    },
  );
}
