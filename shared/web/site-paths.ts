/**
 * Which function answers a path: the API answers `/v1/…`, its description
 * (`/openapi.json`, `/docs`), `/health` and the entitlement keys under
 * `/.well-known/`, and the feeds out under `/feeds/`; the web app answers every other path.
 */
export const API_PATH_PREFIXES = ['/v1/', '/docs/', '/.well-known/', '/feeds/'] as const;
export const API_EXACT_PATHS = ['/v1', '/openapi.json', '/docs', '/health'] as const;

export function isApiPath(path: string): boolean {
  return (API_EXACT_PATHS as readonly string[]).includes(path) || API_PATH_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/** One fetch for the whole site on one machine: each request to the app that owns its path. */
export function siteFetch(api: { fetch: (request: Request) => Response | Promise<Response> }, web: { fetch: (request: Request) => Response | Promise<Response> }) {
  return (request: Request) => (isApiPath(new URL(request.url).pathname) ? api.fetch(request) : web.fetch(request));
}

/** The same split as HTTP API routes: these go to the main API (more specific routes go to the publisher and payment functions); `$default` goes to the web app. */
export const API_ROUTE_PATHS = ['/v1/{proxy+}', '/openapi.json', '/docs', '/docs/{proxy+}', '/health', '/.well-known/{proxy+}', '/feeds/{proxy+}'] as const;
