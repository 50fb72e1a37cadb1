/** Payments: Stripe Checkout, cancelling and the Stripe webhook (the only function with the Stripe SDK and keys). */
import { registerPaymentRoutes } from '../shared/api/routes/payment-routes.js';
import { httpHandler } from './http-handler.js';

export const handler = await httpHandler('postwire-payments-api', { serve: [registerPaymentRoutes] });
