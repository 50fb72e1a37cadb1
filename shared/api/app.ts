/**
 * The HTTP API as a Hono app built from its dependencies. The Lambda handler,
 * the local server and the tests all serve this same app.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { swaggerUI } from '@hono/swagger-ui';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { PayloadTooLarge, ValidationFailed } from '../errors.js';
import { accessLog } from './access-log.js';
import type { AppDeps, AppEnv } from './app-env.js';
import { errorBody, handleError } from './error-handler.js';
import { registerAdminRoutes } from './routes/admin-routes.js';
import { registerArticleRoutes } from './routes/article-routes.js';
import { registerPublicRoutes } from './routes/public-routes.js';
import { registerPublisherRoutes } from './routes/publisher-routes.js';
import { registerPaymentRoutes } from './routes/payment-routes.js';
import { registerReaderRoutes } from './routes/reader-routes.js';
import { registerFollowRoutes } from './routes/follow-routes.js';
import { registerPostRoutes } from './routes/post-routes.js';
import { registerTimelineRoutes } from './routes/timeline-routes.js';

/** JSON bodies are small; only feed pushes may be large. */
const JSON_BODY_LIMIT = 64 * 1024;

export function buildApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const details = result.error.issues.map((issue) => ({ field: issue.path.join('.') || result.target, message: issue.message }));
        throw new ValidationFailed(`The request ${result.target} is not valid: ${details.map((d) => `${d.field} ${d.message}`).join('; ')}.`, details);
      }
    },
  });

  app.use('*', requestId());
  app.use('*', accessLog(deps.logger));
  app.use('*', async (c, next) => {
    const limit = c.req.path === '/v1/publisher/ingest' ? deps.config.maxBodyBytes : JSON_BODY_LIMIT;
    return bodyLimit({
      maxSize: limit,
      onError: () => {
        throw new PayloadTooLarge(limit);
      },
    })(c, next);
  });

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'Operator token, publisher API key (pk_…) or reader JWT, depending on the endpoint.',
  });

  registerPublicRoutes(app, deps);
  registerArticleRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerPublisherRoutes(app, deps);
  registerReaderRoutes(app, deps);
  registerPaymentRoutes(app, deps);
  registerPostRoutes(app, deps);
  registerFollowRoutes(app, deps);
  registerTimelineRoutes(app, deps);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'postwire API',
      version: '1.0.0',
      description: 'Social syndication for news publishers: feeds in, articles and access out.',
    },
  });
  app.get('/docs', swaggerUI({ url: '/openapi.json' }));

  app.notFound((c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404));
  app.onError(handleError(deps.logger));
  return app;
}

export type PostwireApp = ReturnType<typeof buildApp>;
