/** API Gateway (HTTP API) → the Hono app. */
import { createLambdaLogger } from './lambda-logger.js';
import { createLambdaMetrics } from './lambda-metrics.js';
import { handle } from 'hono/aws-lambda';
import { buildApp } from '../shared/api/app.js';
import { loadApiConfig } from '../shared/config.js';
import { createDeps } from '../shared/api/api-deps.js';
import { resolveSecretEnv } from '../shared/secrets.js';

const logger = createLambdaLogger('postwire-api');
const { metrics, flushed } = createLambdaMetrics('postwire-api');
const config = loadApiConfig(await resolveSecretEnv());

export const handler = flushed(handle(buildApp(createDeps(config, logger, { metrics }))));
