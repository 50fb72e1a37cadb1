/**
 * The reader and publisher web app: server-rendered pages (hono/jsx) over the
 * public API, plain HTML forms, no client framework. Reading, signing in and
 * unlocking work with JavaScript off. Served by its own function for every
 * path outside `/v1`, `/openapi.json` and `/docs`.
 */
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { connectionAddressOf } from '../client-address.js';
import { ApiCallFailed } from './api-client.js';
import { ASSETS, EMBED, IMMUTABLE } from './assets.js';
import { Layout } from './layout.js';
import { READER_COOKIE } from './session.js';
import type { WebContext, WebDeps, WebEnv } from './web-context.js';
import { registerAccountPages } from './pages/account-pages.js';
import { registerReadingPages } from './pages/reading-pages.js';
import { registerSocialPages } from './pages/social-pages.js';
import { registerNewsletterPages } from './pages/newsletter-pages.js';
import { registerSettingsPages } from './pages/settings-pages.js';
import { registerPublisherDashboard } from './pages/publisher-dashboard.js';

export function buildWebApp(deps: WebDeps) {
  const app = new Hono<WebEnv>();

  app.get('/assets/:file', (c) => {
    const asset = ASSETS.get(c.req.path);
    if (!asset) return c.text('Not found', 404);
    // Before the page headers below: publishers' pages load the embed from another origin, which a same-origin resource policy would block.
    return c.body(asset.body, 200, { 'content-type': asset.contentType, 'cache-control': IMMUTABLE, 'access-control-allow-origin': '*', 'x-content-type-options': 'nosniff' });
  });
  // Publishers paste one address that never changes; it points at the current hashed build.
  app.get('/embed.js', (c) => c.redirect(EMBED.path, 302));

  // The reader's address as the platform gave it to this function; a header the reader sent is never taken for it.
  app.use('*', (c, next) => deps.forReader(connectionAddressOf(c.env), next));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        // Article images and video embeds come from publishers' own hosts.
        imgSrc: ["'self'", 'https:', 'data:'],
        frameSrc: ['https:'],
        styleSrc: ["'self'"],
        scriptSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
    }),
  );

  app.use('*', async (c, next) => {
    const token = deps.sessions.readerToken(c);
    const handle = token ? await deps.readerHandle(token) : undefined;
    if (token && !handle) deps.sessions.signOut(c, READER_COOKIE);
    c.set('readerToken', handle ? token : undefined);
    c.set('viewer', { handle, csrf: deps.sessions.csrfToken(c) });
    c.header('cache-control', 'private, no-store');
    await next();
  });

  // Every form carries the CSRF token; a POST without the right one changes nothing.
  app.use('*', async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    if (!deps.sessions.csrfValid(c, form._csrf)) return errorPage(c, 403, 'This form has expired', 'Go back, reload the page and try again.');
    return next();
  });

  registerReadingPages(app, deps);
  registerAccountPages(app, deps);
  registerSocialPages(app, deps);
  registerNewsletterPages(app, deps);
  registerSettingsPages(app, deps);
  registerPublisherDashboard(app, deps);

  app.notFound((c) => errorPage(c as WebContext, 404, 'Page not found', 'There is nothing at this address.'));
  app.onError((error, c) => {
    const context = c as WebContext;
    if (error instanceof ApiCallFailed) {
      if (error.status === 401 && !context.req.path.startsWith('/publisher')) {
        deps.sessions.signOut(context, READER_COOKIE);
        return context.redirect(`/login?m=session_expired&next=${encodeURIComponent(context.req.path)}`, 303);
      }
      if (error.status === 404) return errorPage(context, 404, 'Not found', error.message);
      if (error.status < 500) return errorPage(context, error.status, 'That did not work', error.message);
    }
    deps.logger.error('Web page failed', { path: c.req.path, error: error instanceof Error ? error.message : String(error) });
    return errorPage(context, 500, 'Something went wrong', 'We could not show this page. Please try again in a moment.');
  });
  return app;
}

export function errorPage(c: WebContext, status: number, title: string, message: string) {
  const viewer = c.get('viewer') ?? { csrf: '' };
  return c.html(
    <Layout title={title} viewer={viewer}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>
        <a href="/">Back to the latest articles</a>
      </p>
    </Layout>,
    status as 400,
  );
}

export type WebApp = ReturnType<typeof buildWebApp>;
