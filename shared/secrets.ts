/**
 * In AWS, secrets arrive as Secrets Manager ids (ARNs, or names for those the
 * operator creates) in the environment and are read once per cold start;
 * locally they are plain environment variables.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** A value an operator may store to turn payments off again: treated as not configured. */
export const UNSET_SECRET = 'unset';

/** Environment variable → the variable naming the secret (ARN or name) that holds its value. */
const SECRET_VARIABLES = {
  ADMIN_TOKEN: 'ADMIN_TOKEN_SECRET_ARN',
  CURSOR_SECRET: 'CURSOR_SECRET_ARN',
  JWT_SECRET: 'JWT_SECRET_ARN',
  ENTITLEMENT_KEYS: 'ENTITLEMENT_KEYS_SECRET_ARN',
  // By name: the operator creates them (docs/OPERATIONS.md); until then payments are off.
  STRIPE_SECRET_KEY: 'STRIPE_SECRET_KEY_SECRET_ID',
  STRIPE_WEBHOOK_SECRET: 'STRIPE_WEBHOOK_SECRET_SECRET_ID',
} as const;

/** Secrets that may not exist yet: a missing one is read as "not configured", not as a failure. */
const OPTIONAL_SECRETS: ReadonlySet<string> = new Set(['STRIPE_SECRET_KEY', 'STRIPE_WEBHOOK_SECRET']);

export async function resolveSecretEnv(env: Record<string, string | undefined> = process.env): Promise<Record<string, string | undefined>> {
  const wanted = Object.entries(SECRET_VARIABLES).filter(([name, arnVariable]) => !env[name] && env[arnVariable]);
  if (wanted.length === 0) return env;
  const client = new SecretsManagerClient({});
  try {
    const values = await Promise.all(
      wanted.map(async ([name, arnVariable]) => {
        try {
          const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: env[arnVariable] }));
          if (!SecretString) throw new Error(`The secret named by ${arnVariable} is empty.`);
          return [name, SecretString === UNSET_SECRET ? undefined : SecretString] as const;
        } catch (error) {
          if (OPTIONAL_SECRETS.has(name) && (error as Error).name === 'ResourceNotFoundException') return [name, undefined] as const;
          throw error;
        }
      }),
    );
    return { ...env, ...Object.fromEntries(values) };
  } finally {
    client.destroy();
  }
}
