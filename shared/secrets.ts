/**
 * In AWS, secrets arrive as Secrets Manager ARNs in the environment and are read
 * once per cold start; locally they are plain environment variables.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** The value of a secret created empty by the stack: treated as not configured (payments stay off). */
export const UNSET_SECRET = 'unset';

/** Environment variable → the variable naming the ARN of the secret that holds its value. */
const SECRET_VARIABLES = {
  ADMIN_TOKEN: 'ADMIN_TOKEN_SECRET_ARN',
  CURSOR_SECRET: 'CURSOR_SECRET_ARN',
  JWT_SECRET: 'JWT_SECRET_ARN',
  ENTITLEMENT_KEYS: 'ENTITLEMENT_KEYS_SECRET_ARN',
  STRIPE_SECRET_KEY: 'STRIPE_SECRET_KEY_ARN',
  STRIPE_WEBHOOK_SECRET: 'STRIPE_WEBHOOK_SECRET_ARN',
} as const;

export async function resolveSecretEnv(env: Record<string, string | undefined> = process.env): Promise<Record<string, string | undefined>> {
  const wanted = Object.entries(SECRET_VARIABLES).filter(([name, arnVariable]) => !env[name] && env[arnVariable]);
  if (wanted.length === 0) return env;
  const client = new SecretsManagerClient({});
  try {
    const values = await Promise.all(
      wanted.map(async ([name, arnVariable]) => {
        const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: env[arnVariable] }));
        if (!SecretString) throw new Error(`The secret named by ${arnVariable} is empty.`);
        return [name, SecretString === UNSET_SECRET ? undefined : SecretString] as const;
      }),
    );
    return { ...env, ...Object.fromEntries(values) };
  } finally {
    client.destroy();
  }
}
