/**
 * In AWS, secrets arrive as Secrets Manager ids (ARNs, or names for those the
 * operator creates) in the environment and are read once per cold start;
 * locally they are plain environment variables. The Stripe keys are optional:
 * until the operator has created both, payments are off, and the functions
 * that use them look again while they run (payments/payments-setup.ts).
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { Logger } from './api/app-env.js';

/** A value an operator may store to turn payments off again: treated as not configured. */
export const UNSET_SECRET = 'unset';

/** Environment variable → the variable naming the secret (ARN or name) that holds its value. */
const SECRET_VARIABLES = {
  ADMIN_TOKEN: 'ADMIN_TOKEN_SECRET_ARN',
  CURSOR_SECRET: 'CURSOR_SECRET_ARN',
  JWT_SECRET: 'JWT_SECRET_ARN',
  ENTITLEMENT_KEYS: 'ENTITLEMENT_KEYS_SECRET_ARN',
  CLIENT_ADDRESS_KEY: 'CLIENT_ADDRESS_KEY_SECRET_ARN',
  // By name: the operator creates them (docs/OPERATIONS.md); until then payments are off.
  STRIPE_SECRET_KEY: 'STRIPE_SECRET_KEY_SECRET_ID',
  STRIPE_WEBHOOK_SECRET: 'STRIPE_WEBHOOK_SECRET_SECRET_ID',
} as const;

/** Secrets that may not exist yet, read as a pair: until both exist (and neither holds `unset`), neither is set. */
const OPTIONAL_SECRETS: ReadonlySet<string> = new Set(['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']);

/**
 * How a lookup of an optional secret that does not exist yet fails. A grant by
 * name (CDK's `fromSecretNameV2`) covers `name-??????`, the ARN the secret gets
 * once created; before that, Secrets Manager refuses the lookup instead of
 * answering that it found nothing.
 */
const NOT_THERE: ReadonlySet<string> = new Set(['ResourceNotFoundException', 'AccessDeniedException']);

export interface SecretEnv {
  env: Record<string, string | undefined>;
  /** Ids of the optional secrets that do not exist yet (or that this function may not read). */
  missing: string[];
}

/** The environment with every secret it names read in; a missing optional secret is left unset and listed. Other failures throw. */
export async function readSecretEnv(env: Record<string, string | undefined>): Promise<SecretEnv> {
  const wanted = Object.entries(SECRET_VARIABLES).filter(([name, idVariable]) => !env[name] && env[idVariable]);
  if (wanted.length === 0) return { env, missing: [] };
  const client = new SecretsManagerClient({});
  try {
    const read = await Promise.all(
      wanted.map(async ([name, idVariable]) => {
        const secretId = env[idVariable]!;
        try {
          const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
          if (!SecretString) throw new Error(`The secret named by ${idVariable} is empty.`);
          return { name, secretId, value: SecretString === UNSET_SECRET ? undefined : SecretString, missing: false };
        } catch (error) {
          if (OPTIONAL_SECRETS.has(name) && NOT_THERE.has((error as Error).name)) return { name, secretId, value: undefined, missing: true };
          throw error;
        }
      }),
    );
    const values: Record<string, string | undefined> = Object.fromEntries(read.map(({ name, value }) => [name, value]));
    // One Stripe key without the other is no configuration: both stay unset until both can be read.
    if (read.some(({ name, value }) => OPTIONAL_SECRETS.has(name) && value === undefined)) {
      for (const { name } of read) if (OPTIONAL_SECRETS.has(name)) values[name] = undefined;
    }
    return { env: { ...env, ...values }, missing: read.filter((secret) => secret.missing).map((secret) => secret.secretId) };
  } finally {
    client.destroy();
  }
}

/** The environment with its secrets read in (see readSecretEnv), with one warning line for each optional secret that is missing. */
export async function resolveSecretEnv(env: Record<string, string | undefined> = process.env, logger?: Pick<Logger, 'warn'>): Promise<Record<string, string | undefined>> {
  const { env: resolved, missing } = await readSecretEnv(env);
  for (const secretId of missing) logger?.warn(missingSecretMessage(secretId), { secretId });
  return resolved;
}

function missingSecretMessage(secretId: string): string {
  return `The secret ${secretId} does not exist yet, or this function may not read it: payments are off until the operator creates it (docs/OPERATIONS.md, "Turning on payments"); it is looked for again at most once a minute.`;
}
