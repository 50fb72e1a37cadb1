/** API Gateway (HTTP API) → a Hono app serving one route set; shared by the three API functions. */
import { handle } from 'hono/aws-lambda';
import { buildApp, type RouteSet } from '../shared/api/app.js';
import { createDeps } from '../shared/api/api-deps.js';
import { loadApiConfig } from '../shared/config.js';
import { resolveSecretEnv } from '../shared/secrets.js';
import { createLambdaLogger } from './lambda-logger.js';
import { createLambdaMetrics } from './lambda-metrics.js';

export async function httpHandler(service: string, routes: RouteSet) {
  const logger = createLambdaLogger(service);
  const { metrics, flushed } = createLambdaMetrics(service);
  const config = loadApiConfig(await resolveSecretEnv());
  return flushed(handle(buildApp(createDeps(config, logger, { metrics }), routes)));
}
