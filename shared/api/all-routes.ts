/** Every route in one app: the local server and the tests. */
import type { RouteSet } from './app.js';
import { MAIN_ROUTES } from './route-sets.js';
import { registerPaymentRoutes } from './routes/payment-routes.js';
import { registerPublisherNewsletterRoutes } from './routes/publisher-newsletter-routes.js';
import { registerPublisherRoutes } from './routes/publisher-routes.js';
import { registerPublisherWebhookRoutes } from './routes/publisher-webhook-routes.js';

export const ALL_ROUTES: RouteSet = { serve: [...MAIN_ROUTES.serve, registerPublisherRoutes, registerPublisherNewsletterRoutes, registerPublisherWebhookRoutes, registerPaymentRoutes] };
