/**
 * Whether card payments work now, as the API says (`GET /v1/payments/status`),
 * kept for half a minute: pages offer buying and subscribing only while they
 * would work. Until the operator has set up Stripe (docs/OPERATIONS.md) the
 * answer is no; it turns yes without redeploying the web app.
 */
import type { Logger } from '../api/app-env.js';
import type { ApiClient, ApiErrorBody } from './api-client.js';

export const PAYMENTS_STATUS_TTL_MS = 30_000;

export interface PaymentsStatus {
  available(): Promise<boolean>;
  /** The API refused a payment as not set up: believe it now, not at the next look. */
  refused(): void;
}

export function paymentsStatus(api: ApiClient, logger: Logger, options: { ttlMs?: number; now?: () => number } = {}): PaymentsStatus {
  const { ttlMs = PAYMENTS_STATUS_TTL_MS, now = Date.now } = options;
  let known: { available: boolean; at: number } | undefined;
  let asking: Promise<boolean> | undefined;
  const ask = async () => {
    try {
      const { data, response } = await api.GET('/v1/payments/status');
      if (!data) throw new Error(`The API answered ${response.status}.`);
      known = { available: data.configured, at: now() };
    } catch (error) {
      // One failed look changes nothing on the pages (no buttons when nothing is known yet); the next look is after the same pause.
      logger.warn('Could not learn whether payments are available', { error: (error as Error).message });
      known = { available: known?.available ?? false, at: now() };
    }
    return known.available;
  };
  return {
    available() {
      if (known && now() - known.at < ttlMs) return Promise.resolve(known.available);
      asking ??= ask().finally(() => (asking = undefined));
      return asking;
    },
    refused() {
      known = { available: false, at: now() };
    },
  };
}

/** A payment call the API refused because Stripe is not set up (503 `payments_not_configured`). */
export function paymentsNotConfigured(result: { error?: unknown; response: Response }): boolean {
  return result.response.status === 503 && (result.error as Partial<ApiErrorBody> | undefined)?.error?.code === 'payments_not_configured';
}
