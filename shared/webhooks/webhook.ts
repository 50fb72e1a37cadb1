/** Access webhooks: what a publisher may subscribe to, and an endpoint as stored. */

export const WEBHOOK_EVENTS = [
  'article.unlocked',
  'article.unlock_undone',
  'subscription.started',
  'subscription.renewed',
  'subscription.ended',
  'gift.redeemed',
  'tip.received',
  'payout.paid',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

export interface WebhookEvent {
  /** Stable for the event whatever retries or redeliveries: receivers deduplicate by it. */
  eventId: string;
  type: WebhookEventType;
  publisherSlug: string;
  /** When it happened. */
  at: string;
  data: Record<string, unknown>;
}

export interface WebhookSecret {
  secret: string;
  /** Absent for the current secret; a replaced secret still signs until then (the overlap). */
  retiresAt?: string | undefined;
}

export interface WebhookEndpoint {
  webhookId: string;
  publisherSlug: string;
  url: string;
  events: WebhookEventType[];
  secrets: WebhookSecret[];
  status: 'enabled' | 'disabled';
  createdAt: string;
  /** The log position (sort key) of the last event delivered, or passed over as not subscribed. */
  cursor?: string | undefined;
  /** Since when deliveries fail; cleared by a success. */
  failingSince?: string | undefined;
  attempts?: number | undefined;
  lastError?: string | undefined;
  disabledAt?: string | undefined;
  disabledReason?: string | undefined;
}

/** Retries go on for three days; then the endpoint is disabled and the publisher told. */
export const RETRY_FOR_MS = 3 * 86400_000;
/** The pause before retry n: 30 s, 1 min, 2 min … at most 6 hours. */
export const retryDelayMs = (attempt: number): number => Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 6 * 3600_000);
