/** The publisher API: settings, keys, feeds, pushes and newsletters (it carries the feed parser and sanitiser). */
import { registerPublisherNewsletterRoutes } from '../shared/api/routes/publisher-newsletter-routes.js';
import { registerPublisherRoutes } from '../shared/api/routes/publisher-routes.js';
import { registerPublisherWebhookRoutes } from '../shared/api/routes/publisher-webhook-routes.js';
import { httpHandler } from './http-handler.js';

export const handler = await httpHandler('postwire-publisher-api', { serve: [registerPublisherRoutes, registerPublisherNewsletterRoutes, registerPublisherWebhookRoutes] });
