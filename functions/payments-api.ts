/** Payments: Stripe Checkout, cancelling and the Stripe webhook (the only function with the Stripe SDK and keys). */
import { registerPaymentRoutes } from '../shared/api/routes/payment-routes.js';
import { PAYMENTS_SERVICE } from '../shared/metrics.js';
import { httpHandler } from './http-handler.js';

export const handler = await httpHandler(PAYMENTS_SERVICE, { serve: [registerPaymentRoutes] });
