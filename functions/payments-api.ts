/** Payments: Stripe Checkout, cancelling and the Stripe webhook (the only function with the Stripe SDK and keys, loaded with its first request). */
import { PAYMENTS_SERVICE } from '../shared/metrics.js';
import { httpHandler } from './http-handler.js';

export const handler = await httpHandler(PAYMENTS_SERVICE, 'payments');
