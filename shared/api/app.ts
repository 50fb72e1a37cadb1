/**
 * The HTTP API as a Hono app built from its dependencies and the routes it
 * serves. On one machine and in tests one app serves every route; in AWS three
 * functions each serve their share (see route-sets), so the main API does not
 * carry feed parsing or the Stripe SDK.
 */
import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { swaggerUI } from '@hono/swagger-ui';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { PayloadTooLarge, ValidationFailed } from '../errors.js';
import { accessLog } from './access-log.js';
import { SWAGGER_UI_FILES, swaggerUiFile, type SwaggerUiFile } from './docs-assets.js';
import type { AppDeps, AppEnv } from './app-env.js';
import { errorBody, handleError } from './error-handler.js';
import { withCrossCuttingResponses } from './cross-cutting-responses.js';
import { withIdempotencyKeys } from './idempotency.js';

/** JSON bodies are small; only feed pushes may be large. */
const JSON_BODY_LIMIT = 64 * 1024;
/** Stripe's events (an invoice with many lines) can outgrow our own JSON bodies; a 413 there would be retried for days. */
const STRIPE_EVENT_LIMIT = 1024 * 1024;

function bodyLimitFor(path: string, maxPushBytes: number): number {
  if (path === '/v1/publisher/ingest') return maxPushBytes;
  if (path === '/v1/webhooks/stripe') return STRIPE_EVENT_LIMIT;
  return JSON_BODY_LIMIT;
}

export type RouteRegistrar = (app: OpenAPIHono<AppEnv>, deps: AppDeps) => void;

export interface RouteSet {
  /** Routes this app answers. */
  serve: RouteRegistrar[];
  /** Routes another function answers, listed in this app's OpenAPI document. */
  documentOnly?: RouteConfig[];
}

export function buildApp(deps: AppDeps, routes: RouteSet) {
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
    const limit = bodyLimitFor(c.req.path, deps.config.maxBodyBytes);
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

  for (const register of routes.serve) register(app, deps);
  for (const route of routes.documentOnly ?? []) app.openAPIRegistry.registerPath(route);

  const documentConfig = {
    openapi: '3.1.0',
    info: {
      title: 'postwire API',
      version: '1.0.0',
      description: 'Social syndication for news publishers: feeds in, articles and access out.',
      contact: { name: 'postwire operators', url: deps.config.feeds.publicUrl },
    },
  };
  // Built on the first request, not at cold start, and once: the routes do not change while the process lives.
  // The example sampler is loaded then too, so no other route's first request carries it.
  let document: Promise<object> | undefined;
  const buildDocument = async () => {
    const { finishDocument } = await import('./document-finish.js');
    return finishDocument(withCrossCuttingResponses(withIdempotencyKeys(app.getOpenAPI31Document(documentConfig))), deps.config.feeds.publicUrl);
  };
  app.get('/openapi.json', async (c) => {
    document ??= buildDocument().catch((error: unknown) => {
      document = undefined;
      throw error;
    });
    return c.json(await document);
  });
  // Swagger UI from postwire itself, not a CDN: the page works offline and behind strict networks.
  app.get('/docs', swaggerUI({ url: '/openapi.json', baseUrl: '/docs/assets', title: 'postwire API' }));
  app.get('/docs/assets/swagger-ui-dist/:file', async (c) => {
    const file = c.req.param('file');
    if (!(file in SWAGGER_UI_FILES)) return c.json(errorBody('not_found', `No route for GET ${c.req.path}.`), 404);
    const body = await swaggerUiFile(file as SwaggerUiFile);
    return c.body(body, 200, { 'content-type': SWAGGER_UI_FILES[file as SwaggerUiFile], 'cache-control': 'public, max-age=86400' });
  });

  app.notFound((c) => c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}.`), 404));
  app.onError(handleError(deps.logger, 2 * deps.config.maxBodyBytes));
  return app;
}

export type PostwireApp = ReturnType<typeof buildApp>;
