/**
 * How functions read their secrets in AWS, against a local stand-in for
 * Secrets Manager that speaks its JSON protocol to the real SDK: the Stripe
 * keys, which the operator creates, are optional (missing means payments off,
 * and a running function finds them once created); every other secret must
 * exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../shared/api/app-env.js';
import { paymentsFromSecrets } from '../shared/payments/payments-setup.js';
import { resolveSecretEnv } from '../shared/secrets.js';
import { secretsManagerEnv, startSecretsManagerStub, type SecretsManagerStub } from './support/secrets-manager-stub.js';

let secrets: SecretsManagerStub;
let stored: Map<string, string>;
let lookups: string[];
const saved = { ...process.env };

/** A logger that keeps what it was told. */
function recordingLogger(): Logger & { lines: Array<{ level: string; message: string }> } {
  const lines: Array<{ level: string; message: string }> = [];
  const keep = (level: string) => (message: string) => void lines.push({ level, message });
  return { lines, info: keep('info'), warn: keep('warn'), error: keep('error') };
}

beforeAll(async () => {
  secrets = await startSecretsManagerStub();
  ({ stored, lookups } = secrets);
  stored.set('postwire/prod/jwt-secret', 'j'.repeat(40));
  stored.set('postwire/prod/admin-token', 'a'.repeat(40));
  stored.set('postwire/prod/stripe-webhook-secret', 'unset');
  // The Stripe secrets of the "stage" stage are granted by name and not created yet.
  secrets.grantedByName.add('postwire/stage/stripe-secret-key');
  secrets.grantedByName.add('postwire/stage/stripe-webhook-secret');
  secrets.undecryptable.add('postwire/broken/stripe-secret-key');
  Object.assign(process.env, secretsManagerEnv(secrets));
});

afterAll(async () => {
  process.env = saved;
  await secrets.close();
});

describe('secrets in AWS', () => {
  it('reads the secrets it is pointed at, and reads Stripe keys the operator has not created, or marked unset, as payments off', async () => {
    const env = await resolveSecretEnv({
      JWT_SECRET_ARN: 'postwire/prod/jwt-secret',
      ADMIN_TOKEN_SECRET_ARN: 'postwire/prod/admin-token',
      STRIPE_SECRET_KEY_SECRET_ID: 'postwire/prod/stripe-secret-key',
      STRIPE_WEBHOOK_SECRET_SECRET_ID: 'postwire/prod/stripe-webhook-secret',
    });
    expect(env).toMatchObject({ JWT_SECRET: 'j'.repeat(40), ADMIN_TOKEN: 'a'.repeat(40) });
    expect(env.STRIPE_SECRET_KEY).toBeUndefined();
    expect(env.STRIPE_WEBHOOK_SECRET).toBeUndefined();
  });

  it('stops at start-up when a secret the stack created is missing', async () => {
    await expect(resolveSecretEnv({ CURSOR_SECRET_ARN: 'postwire/prod/cursor-secret' })).rejects.toThrow(/can't find/);
  });

  it('reads Stripe secrets that do not exist yet under a grant by name (refused, not "not found") as payments off, with one warning line naming each', async () => {
    const logger = recordingLogger();
    const env = await resolveSecretEnv({ STRIPE_SECRET_KEY_SECRET_ID: 'postwire/stage/stripe-secret-key', STRIPE_WEBHOOK_SECRET_SECRET_ID: 'postwire/stage/stripe-webhook-secret' }, logger);
    expect(env.STRIPE_SECRET_KEY).toBeUndefined();
    expect(env.STRIPE_WEBHOOK_SECRET).toBeUndefined();
    expect(logger.lines).toEqual([
      { level: 'warn', message: expect.stringMatching(/^The secret postwire\/stage\/stripe-secret-key does not exist yet, or this function may not read it: payments are off until the operator creates it \(docs\/OPERATIONS.md/) },
      { level: 'warn', message: expect.stringContaining('postwire/stage/stripe-webhook-secret') },
    ]);
  });

  it('reads one Stripe key without the other as payments off, not as a broken configuration', async () => {
    stored.set('postwire/stage/stripe-secret-key', 'sk_live_half');
    try {
      const env = await resolveSecretEnv({ STRIPE_SECRET_KEY_SECRET_ID: 'postwire/stage/stripe-secret-key', STRIPE_WEBHOOK_SECRET_SECRET_ID: 'postwire/stage/stripe-webhook-secret' });
      expect(env.STRIPE_SECRET_KEY).toBeUndefined();
      expect(env.STRIPE_WEBHOOK_SECRET).toBeUndefined();
    } finally {
      stored.delete('postwire/stage/stripe-secret-key');
    }
  });

  it('still stops at start-up when a Stripe secret exists but cannot be read', async () => {
    await expect(resolveSecretEnv({ STRIPE_SECRET_KEY_SECRET_ID: 'postwire/broken/stripe-secret-key' })).rejects.toThrow(/can't decrypt/);
  });

  it('turns payments on in a running function within a minute of the operator creating the secrets', async () => {
    let clock = 0;
    const logger = recordingLogger();
    const ids = { STRIPE_SECRET_KEY_SECRET_ID: 'postwire/stage/stripe-secret-key', STRIPE_WEBHOOK_SECRET_SECRET_ID: 'postwire/stage/stripe-webhook-secret' };
    const payments = paymentsFromSecrets(await resolveSecretEnv(ids), logger, { now: () => clock });
    expect(await payments()).toBeUndefined();

    stored.set('postwire/stage/stripe-secret-key', 'sk_live_created');
    stored.set('postwire/stage/stripe-webhook-secret', 'whsec_created');
    try {
      lookups.length = 0;
      clock = 30_000;
      expect(await payments()).toBeUndefined();
      expect(lookups).toEqual([]);
      clock = 61_000;
      expect(await payments()).toMatchObject({ stripeSecretKey: 'sk_live_created', stripeWebhookSecret: 'whsec_created' });
      expect(logger.lines).toEqual([{ level: 'info', message: 'Stripe secrets found: payments are on' }]);
      // Found once, kept: no lookup per request.
      lookups.length = 0;
      clock = 10 * 61_000;
      expect(await payments()).toMatchObject({ stripeSecretKey: 'sk_live_created' });
      expect(lookups).toEqual([]);
    } finally {
      stored.delete('postwire/stage/stripe-secret-key');
      stored.delete('postwire/stage/stripe-webhook-secret');
    }
  });
});
