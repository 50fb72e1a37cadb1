/**
 * Signing deliveries the way Standard Webhooks (and Stripe, in its own
 * header) do: an HMAC-SHA256 over `<id>.<timestamp>.<body>` with the
 * endpoint's secret (`whsec_` + base64 key bytes), sent as
 * `webhook-signature: v1,<base64>`; during a secret's rotation the old and
 * the new secret both sign, space-separated, so receivers switch without a gap.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64')}`;

const keyOf = (secret: string) => Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
const signatureOf = (secret: string, id: string, timestamp: number, body: string) => createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');

export function signatureHeaders(secrets: string[], id: string, timestamp: number, body: string): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': secrets.map((secret) => `v1,${signatureOf(secret, id, timestamp, body)}`).join(' '),
  };
}

/** What a receiver runs: true when one signature matches and the timestamp is within `toleranceSeconds` of now. */
export function verifyWebhookSignature(secret: string, headers: { id: string; timestamp: string; signature: string }, body: string, now = Date.now(), toleranceSeconds = 300): boolean {
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureOf(secret, headers.id, timestamp, body));
  return headers.signature.split(' ').some((entry) => {
    const [version, value] = entry.split(',');
    const given = Buffer.from(value ?? '');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}
