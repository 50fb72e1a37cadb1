/** The publisher API: settings, keys, feeds, pushes, newsletters and webhooks (its groups carry the feed parser and sanitiser). */
import { httpHandler } from './http-handler.js';

export const handler = await httpHandler('postwire-publisher-api', 'publisher');
