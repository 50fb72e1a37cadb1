/**
 * Scheduled daily: one payout run (shared/payouts/payout-run.ts). Stripe's keys
 * come from Secrets Manager like the payments function's; until the operator
 * has created them the run says so, pays nothing and succeeds. A publisher whose payout failed makes the invocation
 * fail after every other publisher was paid, so the function's error alarm
 * fires; running again finishes what was in flight.
 */
import { loadConfig } from '../shared/config.js';
import { createDb } from '../shared/db/client.js';
import { paymentsFromSecrets } from '../shared/payments/payments-setup.js';
import { createStripe } from '../shared/payments/stripe-client.js';
import { runPayouts } from '../shared/payouts/payout-run.js';
import { stripeTransfers } from '../shared/payouts/stripe-payouts.js';
import { resolveSecretEnv } from '../shared/secrets.js';
import { createLambdaLogger } from './lambda-logger.js';
import { createLambdaMetrics } from './lambda-metrics.js';

const SERVICE = 'postwire-payout-run';
const logger = createLambdaLogger(SERVICE);
const { metrics, flushed } = createLambdaMetrics(SERVICE);
const env = await resolveSecretEnv(process.env, logger);
const config = loadConfig(env);
const db = createDb({ tableName: config.tableName, region: config.region, endpoint: config.dynamoEndpoint });
const payments = paymentsFromSecrets(env, logger);
let transfers: ReturnType<typeof stripeTransfers> | undefined;

export const handler = flushed(async (): Promise<{ paid: number; failed: number }> => {
  const keys = await payments();
  if (!keys) {
    logger.warn('Payouts skipped: Stripe is not configured yet (docs/OPERATIONS.md, "Turning on payments")');
    return { paid: 0, failed: 0 };
  }
  transfers ??= stripeTransfers(createStripe(keys));
  const outcomes = await runPayouts(db, transfers, { ...config.payouts, now: new Date() });
  let paid = 0;
  const failed = outcomes.filter((outcome) => outcome.outcome === 'failed');
  for (const outcome of outcomes) {
    if (outcome.outcome === 'failed') logger.error('Payout failed', { publisherSlug: outcome.publisherSlug, error: outcome.error });
    else logger.info('Payout', { ...outcome });
    if (outcome.outcome === 'paid') {
      paid++;
      metrics.count('PayoutCents', outcome.amountCents);
    }
  }
  metrics.count('PayoutsSent', paid);
  metrics.count('PayoutFailures', failed.length);
  if (failed.length > 0) throw new Error(`${failed.length} payout(s) failed: ${failed.map((outcome) => outcome.publisherSlug).join(', ')}; run again once fixed.`);
  return { paid, failed: 0 };
});
