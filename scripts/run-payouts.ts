/**
 * `npm run payouts`: one payout run against the table `npm start` serves (or
 * any DynamoDB endpoint), paying through Stripe. The same code the scheduled
 * payout function runs in AWS. Safe to run again at any time, after a crash
 * too: a payout in flight is finished, never sent twice.
 *
 *   DYNAMODB_ENDPOINT=http://127.0.0.1:8000 STRIPE_SECRET_KEY=sk_test_… STRIPE_WEBHOOK_SECRET=whsec_… npm run payouts
 */
import { ConfigError, loadConfig } from '../shared/config.js';
import { createDb } from '../shared/db/client.js';
import { createStripe } from '../shared/payments/stripe-client.js';
import { runPayouts } from '../shared/payouts/payout-run.js';
import { stripeTransfers } from '../shared/payouts/stripe-payouts.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
try {
  const config = loadConfig();
  if (!config.payments) throw new ConfigError('Payouts need Stripe: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET.');
  const db = createDb({ tableName: config.tableName, region: config.region, endpoint: config.dynamoEndpoint });
  const outcomes = await runPayouts(db, stripeTransfers(createStripe(config.payments)), { ...config.payouts, now: new Date() });
  for (const outcome of outcomes) {
    const detail = outcome.outcome === 'failed' ? outcome.error.message : `${(outcome.amountCents / 100).toFixed(2)} USD${outcome.outcome === 'paid' ? ` (${outcome.transferId})` : ''}`;
    process.stdout.write(`${outcome.publisherSlug}\t${outcome.outcome}\t${detail}\n`);
  }
  if (outcomes.length === 0) process.stdout.write('No publisher has a payout account yet.\n');
  if (outcomes.some((outcome) => outcome.outcome === 'failed')) process.exitCode = 1;
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).stack}\n`);
  process.exitCode = 1;
}
