/** The whole API on a fresh table of DynamoDB Local, for a benchmark: its config, dependencies and Hono app. */
import { randomBytes } from 'node:crypto';
import { buildApp } from '../shared/api/app.js';
import { ALL_ROUTES } from '../shared/api/all-routes.js';
import { createDeps } from '../shared/api/api-deps.js';
import { loadApiConfig } from '../shared/config.js';
import { ensureTable } from '../shared/db/ensure-table.js';
import { createConsoleLogger } from '../shared/logger.js';

export async function benchApp(name: string, endpoint: string, env: Record<string, string> = {}) {
  const config = loadApiConfig({
    TABLE_NAME: `bench-${name}-${randomBytes(4).toString('hex')}`,
    DYNAMODB_ENDPOINT: endpoint,
    ADMIN_TOKEN: 'bench-admin-token-0123456789',
    ...env,
  });
  const deps = createDeps(config, createConsoleLogger('bench', true));
  await ensureTable(deps.db);
  return { config, deps, app: buildApp(deps, ALL_ROUTES) };
}
