/**
 * A Lambda API function's front door: a plain Hono app that knows every path
 * its function answers (route-manifest.ts) but none of their code. A request
 * loads its route group on first use, builds that group's app (zod-openapi,
 * validation, middleware, error handling: the same `buildApp` the tests and
 * the local server use) once, and hands the request over. So a cold start pays
 * for the table client, configuration and this router; the first request adds
 * only its own group.
 */
import { Hono } from 'hono';
import { loadLazy } from '../lazy-modules.js';
import type { AppDeps } from './app-env.js';
import type { RouteRegistrar } from './app.js';
import { API_FUNCTION_GROUPS, ROUTE_GROUPS, type ApiFunction, type RouteGroup } from './route-groups.js';
import { DOCUMENT_ROUTES, ROUTE_MANIFEST } from './route-manifest.js';

type AppModule = typeof import('./app.js');
type GroupApp = ReturnType<AppModule['buildApp']>;
/** A route group, or the API document (every group of every function, for `/openapi.json` and `/docs`). */
type Part = RouteGroup | 'document';

const notFound = (method: string, path: string) => ({ error: { code: 'not_found', message: `No route for ${method} ${path}.` } });

export interface LazyApp {
  router: Hono;
  /** Loads every group now: for environments initialised ahead of requests (provisioned concurrency), where init time is nobody's wait. */
  preload(): Promise<void>;
}

export function buildLazyApp(deps: AppDeps, fn: ApiFunction): LazyApp {
  const apps = new Map<Part, Promise<GroupApp>>();
  const appFor = (part: Part): Promise<GroupApp> => {
    let app = apps.get(part);
    if (!app) {
      app = buildPart(deps, part);
      // A failed load (a missing chunk, a bug at import) is retried by the next request, not cached.
      app.catch(() => apps.delete(part));
      apps.set(part, app);
    }
    return app;
  };

  const router = new Hono();
  const parts: Part[] = [...API_FUNCTION_GROUPS[fn]];
  if (fn === 'main') parts.push('document');
  for (const part of parts) {
    const routes = part === 'document' ? DOCUMENT_ROUTES : ROUTE_MANIFEST[part];
    for (const [method, path] of routes) {
      // The group's app routes the request again, with its own middleware; the environment (Lambda's event) goes along.
      router.on(method, path, async (c) => {
        try {
          return await (await appFor(part)).fetch(c.req.raw, c.env);
        } catch (error) {
          deps.logger.error('Loading a route group failed', { part, error: { name: (error as Error).name, message: (error as Error).message, stack: (error as Error).stack } });
          return c.json({ error: { code: 'internal_error', message: 'Something went wrong on our side; please retry.' } }, 500);
        }
      });
    }
  }
  router.notFound((c) => c.json(notFound(c.req.method, c.req.path), 404));
  return { router, preload: async () => void (await Promise.all(parts.map(appFor))) };
}

async function buildPart(deps: AppDeps, part: Part): Promise<GroupApp> {
  if (part === 'document') {
    const [{ buildApp }, { MAIN_ROUTES }] = await Promise.all([loadLazy<AppModule>('api-app'), loadLazy<typeof import('./route-sets.js')>('api-document')]);
    return buildApp(deps, MAIN_ROUTES);
  }
  const [{ buildApp }, register] = await Promise.all([loadLazy<AppModule>('api-app'), ROUTE_GROUPS[part].load() as Promise<RouteRegistrar>]);
  return buildApp(deps, { serve: [register] });
}
