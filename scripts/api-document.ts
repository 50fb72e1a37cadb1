/**
 * The API's OpenAPI document as `/openapi.json` serves it, built without a
 * database: the source of the web app's typed client and of the API linters.
 */
import { buildApp } from '../shared/api/app.js';
import { createDeps } from '../shared/api/api-deps.js';
import { MAIN_ROUTES } from '../shared/api/route-sets.js';
import { loadApiConfig } from '../shared/config.js';
import { createConsoleLogger } from '../shared/logger.js';

// The SDK warns that its 2027 releases will need Node 22; Lambda already runs 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export async function apiDocument(): Promise<Record<string, unknown>> {
  // Nothing is read or written: the document depends on the routes, not on data or secrets.
  // The development top-up is in it, so the web app's client knows it; only one machine serves it.
  const config = loadApiConfig({ ADMIN_TOKEN: 'document-only-admin-token', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9', DEV_TOPUP_ENABLED: 'true' });
  const deps = createDeps(config, createConsoleLogger('api-document', true));
  const response = await buildApp(deps, MAIN_ROUTES).request('/openapi.json');
  deps.db.raw.destroy();
  return (await response.json()) as Record<string, unknown>;
}
