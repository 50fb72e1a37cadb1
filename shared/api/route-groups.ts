/**
 * The API's routes in groups, each loaded on its group's first request (see
 * lazy-modules.ts), and which function serves which groups. Light on purpose:
 * the Lambda entries import this at cold start, so it holds names and loaders,
 * never a route's code or schemas. The paths each group answers are in
 * route-manifest.ts, generated from the groups themselves.
 */
import { loadLazy, type LazyModuleName } from '../lazy-modules.js';
import type { RouteRegistrar } from './app.js';

/** In registration order: the first group whose path matches answers (`/v1/articles/by-url` is the embed's, not an article id). */
export const ROUTE_GROUPS = {
  public: { module: 'routes-public', load: async () => (await loadLazy<typeof import('./routes/public-routes.js')>('routes-public')).registerPublicRoutes },
  embed: { module: 'routes-embed', load: async () => (await loadLazy<typeof import('./routes/embed-routes.js')>('routes-embed')).registerEmbedRoutes },
  articles: { module: 'routes-articles', load: async () => (await loadLazy<typeof import('./routes/article-routes.js')>('routes-articles')).registerArticleRoutes },
  admin: { module: 'routes-admin', load: async () => (await loadLazy<typeof import('./routes/admin-routes.js')>('routes-admin')).registerAdminRoutes },
  reader: { module: 'routes-reader', load: async () => (await loadLazy<typeof import('./routes/reader-routes.js')>('routes-reader')).registerReaderRoutes },
  account: { module: 'routes-account', load: async () => (await loadLazy<typeof import('./routes/account-routes.js')>('routes-account')).registerAccountRoutes },
  subscriptions: { module: 'routes-subscriptions', load: async () => (await loadLazy<typeof import('./routes/subscription-routes.js')>('routes-subscriptions')).registerSubscriptionRoutes },
  posts: { module: 'routes-posts', load: async () => (await loadLazy<typeof import('./routes/post-routes.js')>('routes-posts')).registerPostRoutes },
  follows: { module: 'routes-follows', load: async () => (await loadLazy<typeof import('./routes/follow-routes.js')>('routes-follows')).registerFollowRoutes },
  timeline: { module: 'routes-timeline', load: async () => (await loadLazy<typeof import('./routes/timeline-routes.js')>('routes-timeline')).registerTimelineRoutes },
  newsletters: { module: 'routes-newsletters', load: async () => (await loadLazy<typeof import('./routes/newsletter-routes.js')>('routes-newsletters')).registerNewsletterRoutes },
  feedsOut: { module: 'routes-feeds-out', load: async () => (await loadLazy<typeof import('./routes/feed-out-routes.js')>('routes-feeds-out')).registerFeedOutRoutes },
  publisher: { module: 'routes-publisher', load: async () => (await loadLazy<typeof import('./routes/publisher-routes.js')>('routes-publisher')).registerPublisherRoutes },
  publisherNewsletters: { module: 'routes-publisher-newsletters', load: async () => (await loadLazy<typeof import('./routes/publisher-newsletter-routes.js')>('routes-publisher-newsletters')).registerPublisherNewsletterRoutes },
  publisherWebhooks: { module: 'routes-publisher-webhooks', load: async () => (await loadLazy<typeof import('./routes/publisher-webhook-routes.js')>('routes-publisher-webhooks')).registerPublisherWebhookRoutes },
  payments: { module: 'routes-payments', load: async () => (await loadLazy<typeof import('./routes/payment-routes.js')>('routes-payments')).registerPaymentRoutes },
} satisfies Record<string, { module: LazyModuleName; load: () => Promise<RouteRegistrar> }>;

export type RouteGroup = keyof typeof ROUTE_GROUPS;

/**
 * The three API functions behind one HTTP API: the main API answers everything
 * light; publishers' feeds and pushes need the feed parser and sanitiser, and
 * payments need Stripe, so each has its own function. The main API also serves
 * `/openapi.json` and `/docs`, which document all three.
 */
export const API_FUNCTION_GROUPS = {
  main: ['public', 'embed', 'articles', 'admin', 'reader', 'account', 'subscriptions', 'posts', 'follows', 'timeline', 'newsletters', 'feedsOut'],
  publisher: ['publisher', 'publisherNewsletters', 'publisherWebhooks'],
  payments: ['payments'],
} as const satisfies Record<string, readonly RouteGroup[]>;

export type ApiFunction = keyof typeof API_FUNCTION_GROUPS;

/** Lazy modules an API function's groups load beyond themselves: a publisher's feed refresh polls the feed in the request. */
const EXTRA_MODULES: Record<ApiFunction, LazyModuleName[]> = { main: ['api-document'], publisher: ['feed-document'], payments: [] };

/** The lazy modules an API function may load: its groups, the app builder, and what its groups load in turn. */
export function lazyModulesOf(fn: ApiFunction): LazyModuleName[] {
  return [...API_FUNCTION_GROUPS[fn].map((group) => ROUTE_GROUPS[group].module), 'api-app', ...EXTRA_MODULES[fn]];
}
