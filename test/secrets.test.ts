/**
 * How functions read their secrets in AWS, against a local stand-in for
 * Secrets Manager that speaks its JSON protocol to the real SDK: the Stripe
 * keys, which the operator creates, are optional (missing means payments off);
 * every other secret must exist.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSecretEnv } from '../shared/secrets.js';

const stored = new Map<string, string>([
  ['postwire/prod/jwt-secret', 'j'.repeat(40)],
  ['postwire/prod/admin-token', 'a'.repeat(40)],
  ['postwire/prod/stripe-webhook-secret', 'unset'],
]);
let server: Server;
const saved = { ...process.env };

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk)).on('end', () => {
      const { SecretId } = JSON.parse(body) as { SecretId: string };
      const value = stored.get(SecretId);
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      if (request.headers['x-amz-target'] !== 'secretsmanager.GetSecretValue' || value === undefined) {
        response.writeHead(400).end(JSON.stringify({ __type: 'com.amazonaws.secretsmanager#ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." }));
        return;
      }
      response.writeHead(200).end(JSON.stringify({ ARN: `arn:aws:secretsmanager:eu-west-1:123456789012:secret:${SecretId}-AbCdEf`, Name: SecretId, SecretString: value }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SECRETS_MANAGER: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    AWS_REGION: 'eu-west-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  });
});

afterAll(async () => {
  process.env = saved;
  await new Promise<void>((resolve) => server.close(() => resolve()));
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
});
