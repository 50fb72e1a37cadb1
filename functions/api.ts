/** The main API: readers, articles, the social layer and operators, and the API document. */
import { httpHandler } from './http-handler.js';

export const handler = await httpHandler('postwire-api', 'main');
