/**
 * Whether payments are on, asked when they are needed rather than fixed at
 * start-up. In AWS the operator creates the Stripe secrets after the first
 * deploy (docs/OPERATIONS.md): a function that started without them looks
 * again, at most once a minute, so creating them turns payments on without a
 * redeploy. Once found, the keys are kept for the life of the process, like
 * every other secret (a new key needs a recycle: "Rotating secrets").
 * No Stripe SDK here: every API function loads this at cold start.
 */
import type { Logger } from '../api/app-env.js';
import { loadPaymentsConfig, type PaymentsConfig } from '../config.js';
import { readSecretEnv } from '../secrets.js';

/** Payments as configured now; undefined while Stripe is not configured. */
export type PaymentsSetup = () => Promise<PaymentsConfig | undefined>;

export const PAYMENTS_RECHECK_MS = 60_000;

/** Payments as configured at start, for good: the local server and the tests, where configuration is the environment. */
export const fixedPayments =
  (payments: PaymentsConfig | undefined): PaymentsSetup =>
  async () =>
    payments;

/**
 * Payments from the Stripe secrets named in `env`, an environment whose
 * secrets were read at start-up (secrets.ts); while they are missing, looked
 * up again at most once per `recheckMs`.
 */
export function paymentsFromSecrets(
  env: Record<string, string | undefined>,
  logger: Logger,
  options: { recheckMs?: number; now?: () => number } = {},
): PaymentsSetup {
  const { recheckMs = PAYMENTS_RECHECK_MS, now = Date.now } = options;
  let payments = loadPaymentsConfig(env);
  let checkedAt = now();
  const lookAgain = async () => {
    try {
      payments = loadPaymentsConfig((await readSecretEnv(env)).env);
      if (payments) logger.info('Stripe secrets found: payments are on');
    } catch (error) {
      // At start-up this stops the function; later a request is no place to fail: payments stay off until the next look.
      logger.error('Reading the Stripe secrets failed; payments stay off', { error: { name: (error as Error).name, message: (error as Error).message } });
    }
  };
  return async () => {
    if (payments || now() - checkedAt < recheckMs) return payments;
    // Only the first caller after the interval waits for the lookup; others meanwhile answer "not configured".
    checkedAt = now();
    await lookAgain();
    return payments;
  };
}
