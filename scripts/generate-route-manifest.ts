/**
 * Writes shared/api/route-manifest.ts: the method and path of every route, by
 * route group, read from the groups themselves. The Lambda API functions route
 * with it at cold start without loading a group's code. Run after changing a
 * route (`npm run api:types` runs this too). A test fails while the file and
 * the routes disagree.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../shared/api/app.js';
import { createDeps } from '../shared/api/api-deps.js';
import { ROUTE_GROUPS, type RouteGroup } from '../shared/api/route-groups.js';
import { loadApiConfig } from '../shared/config.js';
import { createConsoleLogger } from '../shared/logger.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export const ROUTE_MANIFEST_FILE = fileURLToPath(new URL('../shared/api/route-manifest.ts', import.meta.url));

type Route = readonly [method: string, path: string];

/** The routes an app answers beyond its middleware, each once, in the order they were registered. */
function routesOf(app: ReturnType<typeof buildApp>, leaveOut: ReadonlySet<string> = new Set()): Route[] {
  const seen = new Set<string>(leaveOut);
  const routes: Route[] = [];
  for (const { method, path } of app.routes) {
    const key = `${method} ${path}`;
    if (method === 'ALL' || seen.has(key)) continue;
    seen.add(key);
    routes.push([method, path]);
  }
  return routes;
}

export async function routeManifestSource(): Promise<string> {
  // Registering routes reads configuration only; nothing is read from or written to a table.
  const config = loadApiConfig({ ADMIN_TOKEN: 'route-manifest-admin-token', DYNAMODB_ENDPOINT: 'http://127.0.0.1:9', DEV_TOPUP_ENABLED: 'true' });
  const deps = createDeps(config, createConsoleLogger('route-manifest', true));
  try {
    const documentRoutes = routesOf(buildApp(deps, { serve: [] }));
    const documentKeys = new Set(documentRoutes.map(([method, path]) => `${method} ${path}`));
    const groups: Partial<Record<RouteGroup, Route[]>> = {};
    for (const [group, { load }] of Object.entries(ROUTE_GROUPS) as [RouteGroup, (typeof ROUTE_GROUPS)[RouteGroup]][]) {
      groups[group] = routesOf(buildApp(deps, { serve: [await load()] }), documentKeys);
    }
    const list = (routes: Route[]) => `[\n${routes.map(([method, path]) => `    [${JSON.stringify(method)}, ${JSON.stringify(path)}],`).join('\n')}\n  ]`;
    return [
      '// Generated from the route groups by scripts/generate-route-manifest.ts (npm run api:types). Do not edit.',
      "import type { RouteGroup } from './route-groups.js';",
      '',
      'type Route = readonly [method: string, path: string];',
      '',
      '/** Every route of every group, in Hono path syntax, in the order the group registers them. */',
      'export const ROUTE_MANIFEST: Record<RouteGroup, readonly Route[]> = {',
      ...Object.entries(groups).map(([group, routes]) => `  ${group}: ${list(routes!)},`),
      '};',
      '',
      '/** What the main API serves beside its groups: the API document and its viewer. */',
      `export const DOCUMENT_ROUTES: readonly Route[] = ${list(documentRoutes).replace(/\n {4}/g, '\n  ').replace(/\n {2}\]$/, '\n]')};`,
      '',
    ].join('\n');
  } finally {
    deps.db.raw.destroy();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(ROUTE_MANIFEST_FILE, await routeManifestSource());
  process.stdout.write(`Wrote ${ROUTE_MANIFEST_FILE}\n`);
}
