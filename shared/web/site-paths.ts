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

interface FetchesWithEnv {
  fetch(request: Request, env?: object): Response | Promise<Response>;
}

/** One fetch for the whole site on one machine: each request to the app that owns its path, with the server's env (the socket: shared/client-address.ts). */
export function siteFetch(api: FetchesWithEnv, web: FetchesWithEnv) {
  return (request: Request, env?: object) => (isApiPath(new URL(request.url).pathname) ? api.fetch(request, env) : web.fetch(request, env));
}

/** The same split as HTTP API routes: these go to the main API (more specific routes go to the publisher and payment functions); `$default` goes to the web app. */
export const API_ROUTE_PATHS = ['/v1/{proxy+}', '/openapi.json', '/docs', '/docs/{proxy+}', '/health', '/.well-known/{proxy+}', '/feeds/{proxy+}'] as const;
