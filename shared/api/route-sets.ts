/**
 * The main API's routes as one app (what `/openapi.json` documents, and what the
 * local server and the tests serve with the publisher and payment routes), and
 * the publisher and payment route specs the CDK stack routes to their own
 * functions. In Lambda each group loads on its own (route-groups.ts); a test
 * holds the two lists to the same groups in the same order.
 */
import type { RouteSet } from './app.js';
import { newsletterRouteSpecs } from './routes/newsletter-route-specs.js';
import { webhookRouteSpecs } from './routes/webhook-route-specs.js';
import { paymentRouteSpecs } from './routes/payment-route-specs.js';
import { publisherRouteSpecs } from './routes/publisher-route-specs.js';
import { registerAccountRoutes } from './routes/account-routes.js';
import { registerAdminRoutes } from './routes/admin-routes.js';
import { registerArticleRoutes } from './routes/article-routes.js';
import { registerEmbedRoutes } from './routes/embed-routes.js';
import { registerFeedOutRoutes } from './routes/feed-out-routes.js';
import { registerFollowRoutes } from './routes/follow-routes.js';
import { registerNewsletterRoutes } from './routes/newsletter-routes.js';
import { registerPostRoutes } from './routes/post-routes.js';
import { registerPublicRoutes } from './routes/public-routes.js';
import { registerReaderRoutes } from './routes/reader-routes.js';
import { registerSubscriptionRoutes } from './routes/subscription-routes.js';
import { registerTimelineRoutes } from './routes/timeline-routes.js';

/** Served by their own functions; the CDK stack routes exactly these. */
export const PUBLISHER_ROUTES = [...Object.values(publisherRouteSpecs), ...Object.values(newsletterRouteSpecs), ...Object.values(webhookRouteSpecs)];
export const PAYMENT_ROUTES = Object.values(paymentRouteSpecs);

export const MAIN_ROUTES: RouteSet = {
  serve: [
    registerPublicRoutes,
    // Before the article routes: `/v1/articles/by-url` must not be read as an article id.
    registerEmbedRoutes,
    registerArticleRoutes,
    registerAdminRoutes,
    registerReaderRoutes,
    registerAccountRoutes,
    registerSubscriptionRoutes,
    registerPostRoutes,
    registerFollowRoutes,
    registerTimelineRoutes,
    registerNewsletterRoutes,
    registerFeedOutRoutes,
  ],
  documentOnly: [...PUBLISHER_ROUTES, ...PAYMENT_ROUTES],
};
