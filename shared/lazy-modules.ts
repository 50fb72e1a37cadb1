/**
 * Modules a Lambda function loads on first use instead of at cold start. A cold
 * start compiles and runs only what the function's entry imports; a route group,
 * or the feed parser, arrives with the first request that needs it.
 *
 * In a Lambda bundle (infra/function-bundle.ts) each of these is an entry point
 * of its own, written as `<name>.mjs` beside `index.mjs` and the shared chunks
 * (one flat folder, so the same relative address works from every chunk). From
 * source (tests, `npm start`, tsx) the same name loads the TypeScript module.
 *
 * The address is computed at run time on purpose: a bundler that sees a literal
 * `import('./x.js')` folds the module into the entry, and its text is then
 * compiled at every cold start whether a request needs it or not.
 */
export const LAZY_MODULES = {
  'routes-public': 'api/routes/public-routes',
  'routes-embed': 'api/routes/embed-routes',
  'routes-articles': 'api/routes/article-routes',
  'routes-admin': 'api/routes/admin-routes',
  'routes-reader': 'api/routes/reader-routes',
  'routes-account': 'api/routes/account-routes',
  'routes-subscriptions': 'api/routes/subscription-routes',
  'routes-posts': 'api/routes/post-routes',
  'routes-follows': 'api/routes/follow-routes',
  'routes-timeline': 'api/routes/timeline-routes',
  'routes-newsletters': 'api/routes/newsletter-routes',
  'routes-feeds-out': 'api/routes/feed-out-routes',
  'routes-publisher': 'api/routes/publisher-routes',
  'routes-publisher-newsletters': 'api/routes/publisher-newsletter-routes',
  'routes-publisher-webhooks': 'api/routes/publisher-webhook-routes',
  'routes-payments': 'api/routes/payment-routes',
  /** The Hono app builder (zod-openapi, middleware, error handling) every route group is served by. */
  'api-app': 'api/app',
  /** Every route the main API documents, for `/openapi.json` and `/docs`. */
  'api-document': 'api/route-sets',
  /** Decoding, parsing, cleaning and storing a feed document: the feed worker's bulk, not needed for a 304. */
  'feed-document': 'feeds/feed-document',
} as const;

export type LazyModuleName = keyof typeof LAZY_MODULES;

/** True inside a bundle built by infra/function-bundle.ts, whose files end in `.mjs`; false when running from source. */
const BUNDLED = import.meta.url.endsWith('.mjs');

/** Imports a lazy module once (the module system caches it); `T` is its type, e.g. `typeof import('./api/app.js')`. */
export async function loadLazy<T>(name: LazyModuleName): Promise<T> {
  const address = BUNDLED ? new URL(`./${name}.mjs`, import.meta.url) : new URL(`./${LAZY_MODULES[name]}.ts`, import.meta.url);
  try {
    return (await import(address.href)) as T;
  } catch (error) {
    // The likely cause in Lambda, said plainly: the function was built without this module.
    if (BUNDLED && (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && (error as Error).message.includes(`${name}.mjs`)) {
      throw new Error(`The lazy module "${name}" is not in this function's build: add it to the function's \`lazy\` list in infra/.`, { cause: error });
    }
    throw error;
  }
}
