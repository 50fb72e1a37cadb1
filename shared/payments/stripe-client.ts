/** The Stripe SDK, created once per process from configuration. */
import Stripe from 'stripe';
import type { PaymentsConfig } from '../config.js';

export function createStripe(config: PaymentsConfig): Stripe {
  const base = config.stripeApiBase ? new URL(config.stripeApiBase) : undefined;
  return new Stripe(config.stripeSecretKey, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    ...(base ? { host: base.hostname, port: Number(base.port), protocol: base.protocol.replace(':', '') as 'http' | 'https' } : {}),
  });
}
