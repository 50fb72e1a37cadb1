/**
 * API Gateway (HTTP API) → one of the three API functions. At cold start: the
 * secrets (Stripe's may come later), configuration, table client, logger and the function's router;
 * each route group's code arrives with its first request (shared/api/lazy-app.ts),
 * except in provisioned environments, which load them all while initialising.
 */
import { handle } from 'hono/aws-lambda';
import { createDeps } from '../shared/api/api-deps.js';
import { buildLazyApp } from '../shared/api/lazy-app.js';
import type { ApiFunction } from '../shared/api/route-groups.js';
import { loadApiConfig } from '../shared/config.js';
import { paymentsFromSecrets } from '../shared/payments/payments-setup.js';
import { resolveSecretEnv } from '../shared/secrets.js';
import { createLambdaLogger } from './lambda-logger.js';
import { createLambdaMetrics } from './lambda-metrics.js';

export async function httpHandler(service: string, fn: ApiFunction) {
  const logger = createLambdaLogger(service);
  const { metrics, flushed } = createLambdaMetrics(service);
  const env = await resolveSecretEnv(process.env, logger);
  const config = loadApiConfig(env);
  // Stripe keys missing at cold start are looked for again while the function runs (the payments function's alone).
  const { router, preload } = buildLazyApp(createDeps(config, logger, { metrics, payments: paymentsFromSecrets(env, logger) }), fn);
  // A provisioned environment initialises before any request: load every group then, not on a reader's time.
  if (process.env.AWS_LAMBDA_INITIALIZATION_TYPE === 'provisioned-concurrency') await preload();
  return flushed(handle(router));
}
