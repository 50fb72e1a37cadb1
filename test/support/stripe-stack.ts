/**
 * A test stack with payments on: the local Stripe stand-in, the real Stripe SDK
 * pointed at it, and signed webhook delivery as Stripe does it.
 */
import Stripe from 'stripe';
import { startStripeStub, type StripeStub } from './stripe-stub.js';
import { createTestStack, type TestStack } from './test-stack.js';

export interface StripeTestStack {
  stack: TestStack;
  stub: StripeStub;
  /** The Stripe SDK, sending its calls to the stand-in. */
  sdk: Stripe;
  /** Delivers a signed event, stamped at `created`, and answers the webhook's JSON. */
  deliver(type: string, object: Record<string, unknown>, created?: Date): Promise<Record<string, any>>;
  close(): Promise<void>;
}

export async function createStripeTestStack(options: { now: () => Date; env?: Record<string, string> }): Promise<StripeTestStack> {
  const secret = 'whsec_test_postwire_stack';
  const stub = await startStripeStub();
  const stack = await createTestStack({
    now: options.now,
    env: { STRIPE_SECRET_KEY: 'sk_test_postwire', STRIPE_WEBHOOK_SECRET: secret, STRIPE_API_BASE: stub.baseUrl, ...options.env },
  });
  const base = new URL(stub.baseUrl);
  const sdk = new Stripe('sk_test_postwire', { host: base.hostname, port: Number(base.port), protocol: 'http' });
  let events = 0;
  return {
    stack,
    stub,
    sdk,
    async deliver(type, object, created = options.now()) {
      const payload = JSON.stringify({ id: `evt_stack_${++events}`, object: 'event', type, created: Math.floor(created.getTime() / 1000), data: { object } });
      // Signed when it is sent, at the stack's clock, as Stripe signs at its own.
      const signature = sdk.webhooks.generateTestHeaderString({ payload, secret, timestamp: Math.floor(options.now().getTime() / 1000) });
      const response = await stack.request('/v1/webhooks/stripe', { method: 'POST', headers: { 'stripe-signature': signature, 'content-type': 'application/json' }, body: payload });
      if (response.status !== 200) throw new Error(`Webhook ${type}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Record<string, any>;
    },
    close: () => stub.close(),
  };
}
