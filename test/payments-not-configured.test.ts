/**
 * Before the operator has created the Stripe secrets (docs/OPERATIONS.md,
 * "Turning on payments"): the payments and payout functions start all the
 * same, every payment route answers 503 `payments_not_configured`, the payout
 * run pays nothing and succeeds, and the web app offers nothing to buy and
 * says why. Secrets Manager is the local stand-in, which refuses a lookup of a
 * Stripe secret that does not exist yet as IAM does under a grant by name.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiContract } from './support/api-contract.js';
import { FormClient } from './support/form-client.js';
import { launchBrowser, screenshot, seriousAccessibilityViolations } from './support/browser.js';
import { httpEvent } from './support/lambda-events.js';
import { secretsManagerEnv, startSecretsManagerStub, type SecretsManagerStub } from './support/secrets-manager-stub.js';
import { ADMIN_TOKEN } from './support/test-stack.js';
import { createWebTestStack, type WebTestStack } from './support/web-stack.js';

// A real browser on a busy 2-core machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000, expect: { poll: { timeout: 30_000 } } });

const NOT_CONFIGURED = {
  error: {
    code: 'payments_not_configured',
    message: 'Payments are not available yet: card payments have not been set up on this postwire. Nothing was charged or changed; please try again later.',
  },
};

let secrets: SecretsManagerStub;
let stack: WebTestStack;
let browser: Browser;
const saved = { ...process.env };

beforeAll(async () => {
  // No Stripe keys, no development top-up: a stage as the operator first deploys it.
  [secrets, stack, browser] = await Promise.all([startSecretsManagerStub(), createWebTestStack({ env: { DEV_TOPUP_ENABLED: 'false' } }), launchBrowser()]);
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
  await browser?.close();
  await stack?.close();
  await secrets?.close();
});

describe('the payments function before the Stripe secrets exist', () => {
  it('starts, and answers every payment route with 503 payments_not_configured, as documented', async () => {
    const { handler } = (await import('../functions/payments-api.js')) as unknown as {
      handler: (event: APIGatewayProxyEventV2, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>;
    };
    // Both Stripe secrets were looked up at start-up, and refused.
    expect(secrets.lookups).toEqual(expect.arrayContaining(['postwire/stage/stripe-secret-key', 'postwire/stage/stripe-webhook-secret']));
    const contract = new ApiContract((await (await stack.request('/openapi.json')).json()) as ConstructorParameters<typeof ApiContract>[0]);
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
    ];
    for (const [method, path, headers, body] of calls) {
      const answer = await handler(httpEvent(method, path, headers, body), {});
      expect({ path, status: answer.statusCode, body: JSON.parse(answer.body ?? 'null') }).toEqual({ path, status: 503, body: NOT_CONFIGURED });
      expect(answer.headers?.['retry-after']).toBe('60');
      expect(contract.check(method, path, answer.statusCode!, String(answer.headers?.['content-type']), answer.body!)).toEqual([]);
    }

    // A visitor is asked to sign in first, as on every route that needs a credential.
    const visitor = await handler(httpEvent('POST', '/v1/me/wallet/checkout', json, '{}'), {});
    expect(visitor.statusCode).toBe(401);

    const status = await handler(httpEvent('GET', '/v1/payments/status'), {});
    expect({ status: status.statusCode, body: JSON.parse(status.body!) }).toEqual({ status: 200, body: { configured: false } });
    expect(contract.check('GET', '/v1/payments/status', 200, String(status.headers?.['content-type']), status.body!)).toEqual([]);
  });

  it('runs the daily payout as a success that pays nothing', async () => {
    const { handler } = await import('../functions/payout-run.js');
    await expect(handler()).resolves.toEqual({ paid: 0, failed: 0 });
  });
});

describe('the web app before payments are set up', () => {
  /** How wide the page's content is: wider than the viewport means a phone scrolls sideways. */
  const pageWidth = (page: Page) => page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);

  /** A reader signed in, on a laptop (1280 px) or a phone (390 px). */
  async function signedInPage(handle: string, width: number): Promise<Page> {
    await stack.signUp(handle);
    const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
    await page.goto(`${stack.url}/login`);
    await page.getByLabel('Email').fill(`${handle}@readers.example`);
    await page.getByLabel(/^Password/).fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('You are signed in');
    return page;
  }

  it.each([1280, 390])('shows the wallet without point packs to buy, saying why (%i px)', async (width) => {
    const page = await signedInPage(`wallet_waiter_${width}`, width);
    await page.goto(`${stack.url}/wallet`);
    await expect.poll(() => page.getByText('Balance: 50 points').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Payments are not available yet: card payments have not been set up on this postwire').isVisible()).toBe(true);
    expect(await page.getByRole('list', { name: 'Point packs' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /\$\d/ }).count()).toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(width);
    await screenshot(page, `wallet-payments-not-configured-${width}`);
  });

  it.each([1280, 390])('offers the card-less trial on the paywall but no paid subscription, saying why (%i px)', async (width) => {
    const page = await signedInPage(`paywall_waiter_${width}`, width);
    await page.goto(`${stack.url}/p/unpaid-desk`);
    await page.getByRole('link', { name: 'Story number 1 from the wires' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Keep reading' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Payments are not available yet: subscribing needs a card payment').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /^Subscribe/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Start 14-day free trial: Monthly' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Unlock for 30 points' }).isVisible()).toBe(true);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await pageWidth(page)).toBeLessThanOrEqual(width);
    await screenshot(page, `paywall-payments-not-configured-${width}`);
  });

  it('answers a buy form posted from a page shown earlier with the explanation, not an error page', async () => {
    await stack.signUp('stale_buyer');
    const reader = new FormClient(stack.site);
    await reader.get('/login');
    await reader.post('/login', { email: 'stale_buyer@readers.example', password: 'correct horse battery', next: '/wallet' });
    await reader.get('/wallet');
    const bought = await reader.post('/wallet/buy', { packId: 'points-300' });
    expect(bought.status).toBe(303);
    expect(bought.headers.get('location')).toBe('/wallet?m=payments_off');
    const wallet = await reader.get('/wallet?m=payments_off');
    expect(wallet.html).toContain('Payments are not available yet: card payments have not been set up on this postwire. Nothing was charged.');
    expect(wallet.html).toContain('Balance: 50 points');
  });
});
