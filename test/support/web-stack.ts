/**
 * The whole site as a browser meets it: the API and the web app on one real
 * HTTP server on a free loopback port, over a test stack's table.
 */
import { serve } from '@hono/node-server';
import { freePort } from '../../scripts/dynamodb-local.js';
import { createConsoleLogger } from '../../shared/logger.js';
import { buildWebApp, type WebApp } from '../../shared/web/web-app.js';
import { createWebDeps } from '../../shared/web/web-deps.js';
import { webConfigOf } from '../../shared/web/web-config.js';
import { siteFetch } from '../../shared/web/site-paths.js';
import { createTestStack, type TestStack } from './test-stack.js';

export interface WebTestStack extends TestStack {
  web: WebApp;
  /** The site's address, e.g. http://127.0.0.1:41234 */
  url: string;
  /** A request to the site in-process, as the server would answer it. */
  site(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function createWebTestStack(options: Parameters<typeof createTestStack>[0] = {}): Promise<WebTestStack> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const stack = await createTestStack({ ...options, env: { PUBLIC_URL: url, ...options.env } });
  const web = buildWebApp(createWebDeps(webConfigOf(stack.deps.config, 'http://postwire.internal'), createConsoleLogger('web-test', true), async (request) => stack.app.fetch(request)));
  const fetchSite = siteFetch(stack.app, web);
  const server = serve({ fetch: fetchSite, port, hostname: '127.0.0.1' });
  return {
    ...stack,
    web,
    url,
    site: async (path, init) => fetchSite(new Request(new URL(path, url), init)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
