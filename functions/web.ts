/** The web app: every page outside the API, rendered on the server; it calls the API at its public address. */
import { handle } from 'hono/aws-lambda';
import { resolveSecretEnv } from '../shared/secrets.js';
import { buildWebApp } from '../shared/web/web-app.js';
import { loadWebConfig } from '../shared/web/web-config.js';
import { createWebDeps } from '../shared/web/web-deps.js';
import { createLambdaLogger } from './lambda-logger.js';

const logger = createLambdaLogger('postwire-web');
export const handler = handle(buildWebApp(createWebDeps(loadWebConfig(await resolveSecretEnv()), logger)));
