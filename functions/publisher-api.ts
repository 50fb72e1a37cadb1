/** The publisher API: settings, keys, feeds and pushes (it carries the feed parser and sanitiser). */
import { registerPublisherRoutes } from '../shared/api/routes/publisher-routes.js';
import { httpHandler } from './http-handler.js';

export const handler = await httpHandler('postwire-publisher-api', { serve: [registerPublisherRoutes] });
