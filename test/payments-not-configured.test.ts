/**
 * Before the operator has created the Stripe secrets (docs/OPERATIONS.md,
 * "Turning on payments"): the payments and payout functions start all the
 * same, every payment route answers 503 `payments_not_configured`, and the
 * payout run pays nothing and succeeds. Secrets Manager is the local stand-in,
 * which refuses a lookup of a Stripe secret that does not exist yet as IAM
 * does under a grant by name.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiContract } from './support/api-contract.js';
import { httpEvent } from './support/lambda-events.js';
import { secretsManagerEnv, startSecretsManagerStub, type SecretsManagerStub } from './support/secrets-manager-stub.js';
import { ADMIN_TOKEN, createTestStack, type TestStack } from './support/test-stack.js';

const NOT_CONFIGURED = {
  error: {
    code: 'payments_not_configured',
    message: 'Payments are not available yet: card payments have not been set up on this postwire. Nothing was charged or changed; please try again later.',
  },
};

let secrets: SecretsManagerStub;
let stack: TestStack;
const saved = { ...process.env };

beforeAll(async () => {
  [secrets, stack] = await Promise.all([startSecretsManagerStub(), createTestStack()]);
  secrets.grantedByName.add('postwire/stage/stripe-secret-key');
  secrets.grantedByName.add('postwire/stage/stripe-webhook-secret');
  Object.assign(process.env, secretsManagerEnv(secrets), {
    TABLE_NAME: stack.deps.config.tableName,
    DYNAMODB_ENDPOINT: stack.deps.config.dynamoEndpoint,
    ADMIN_TOKEN,
    STRIPE_SECRET_KEY_SECRET_ID: 'postwire/stage/stripe-secret-key',
    STRIPE_WEBHOOK_SECRET_SECRET_ID: 'postwire/stage/stripe-webhook-secret',
  });
  await stack.publisherWithArticles('unpaid-desk', 2, {
    settings: { name: 'The Unpaid Desk', articlePrice: 30, freeArticlesPerMonth: 0 },
    plans: [
      { planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 290, trialDays: 14 },
      { planId: 'yearly', name: 'Yearly', interval: 'year', priceCents: 1990 },
    ],
  });
});

afterAll(async () => {
  process.env = saved;
  await secrets?.close();
});

describe('the payments function before the Stripe secrets exist', () => {
  it('starts, and answers every payment route with 503 payments_not_configured, as documented', async () => {
    const { handler } = (await import('../functions/payments-api.js')) as unknown as {
      handler: (event: APIGatewayProxyEventV2, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>;
    };
    // Both Stripe secrets were looked up at start-up, and refused.
    expect(secrets.lookups).toEqual(expect.arrayContaining(['postwire/stage/stripe-secret-key', 'postwire/stage/stripe-webhook-secret']));
    const contract = new ApiContract(await (await stack.request('/openapi.json')).json());
    const reader = (await stack.signUp('unpaid_reader')).auth;
    const { auth: publisher } = await stack.createPublisher('unpaid-connect');
    const json = { 'content-type': 'application/json' };
    const calls: Array<[string, string, Record<string, string>, string?]> = [
      ['POST', '/v1/me/wallet/checkout', { ...reader, ...json }, '{"packId":"points-300"}'],
      ['POST', '/v1/publishers/unpaid-desk/subscribe', { ...reader, ...json }, '{"planId":"yearly"}'],
      ['POST', '/v1/me/purchases/cs_test_none/refund', reader],
      ['POST', '/v1/me/subscriptions/unpaid-desk/cancel', reader],
      ['POST', '/v1/me/subscriptions/unpaid-desk/resume', reader],
      ['POST', '/v1/me/subscriptions/unpaid-desk/switch', { ...reader, ...json }, '{"planId":"monthly"}'],
      ['POST', '/v1/publisher/connect', publisher],
      ['POST', '/v1/webhooks/stripe', { 'stripe-signature': 't=1,v1=0', ...json }, '{"type":"checkout.session.completed"}'],
      // Before a token or a body is read: a visitor is told the same.
      ['POST', '/v1/me/wallet/checkout', json, '{}'],
    ];
    for (const [method, path, headers, body] of calls) {
      const answer = await handler(httpEvent(method, path, headers, body), {});
      expect({ path, status: answer.statusCode, body: JSON.parse(answer.body ?? 'null') }).toEqual({ path, status: 503, body: NOT_CONFIGURED });
      expect(answer.headers?.['retry-after']).toBe('60');
      expect(contract.check(method, path, answer.statusCode!, String(answer.headers?.['content-type']), answer.body!)).toEqual([]);
    }

    const status = await handler(httpEvent('GET', '/v1/payments/status'), {});
    expect({ status: status.statusCode, body: JSON.parse(status.body!) }).toEqual({ status: 200, body: { configured: false } });
    expect(contract.check('GET', '/v1/payments/status', 200, String(status.headers?.['content-type']), status.body!)).toEqual([]);
  });

  it('runs the daily payout as a success that pays nothing', async () => {
    const { handler } = await import('../functions/payout-run.js');
    await expect(handler()).resolves.toEqual({ paid: 0, failed: 0 });
  });
});
