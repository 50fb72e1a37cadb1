/**
 * The main API's handler as it was before its route groups loaded lazily: one
 * app with every route and schema built at import. Only the bundle bench uses it, as the
 * baseline the lazy functions are compared with in the same run.
 */
import { handle } from 'hono/aws-lambda';
import { createDeps } from '../shared/api/api-deps.js';
import { buildApp } from '../shared/api/app.js';
import { MAIN_ROUTES } from '../shared/api/route-sets.js';
import { loadApiConfig } from '../shared/config.js';
import { resolveSecretEnv } from '../shared/secrets.js';
import { createLambdaLogger } from '../functions/lambda-logger.js';
import { createLambdaMetrics } from '../functions/lambda-metrics.js';

export async function httpHandlerServing() {
  const logger = createLambdaLogger('postwire-api');
  const { metrics, flushed } = createLambdaMetrics('postwire-api');
  const config = loadApiConfig(await resolveSecretEnv());
  return flushed(handle(buildApp(createDeps(config, logger, { metrics }), MAIN_ROUTES)));
}
