/** The main API: readers, articles, the social layer and operators. */
import { MAIN_ROUTES } from '../shared/api/route-sets.js';
import { httpHandler } from './http-handler.js';

export const handler = await httpHandler('postwire-api', MAIN_ROUTES);
