/**
 * Webhook deliveries in AWS, two triggers, one function:
 * - every minute (EventBridge Scheduler): claim the endpoints with events due
 *   (or a retry due) and queue one message per endpoint;
 * - the queue: deliver to one endpoint, in order, until it is done, fails (a
 *   retry is scheduled) or the function's time is nearly up (it stays due).
 * Each endpoint is its own message, so a slow or failing endpoint delays no
 * other publisher's.
 */
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { loadConfig } from '../shared/config.js';
import { WEBHOOK_DELIVERY_MARGIN_MS } from '../shared/job-margins.js';
import { createFeedDeps } from '../shared/runtime.js';
import { claimDueWebhooks, deliverEndpoint, type DueEndpoint } from '../shared/webhooks/webhook-delivery.js';
import { createLambdaLogger } from './lambda-logger.js';
import { createLambdaMetrics } from './lambda-metrics.js';

const logger = createLambdaLogger('postwire-webhook-worker');
const { metrics, flushed } = createLambdaMetrics('postwire-webhook-worker');
const config = loadConfig();
const { db } = createFeedDeps(config);
const sqs = new SQSClient({});

export const handler = flushed(async (event: SQSEvent | Record<string, unknown>, context: Context): Promise<SQSBatchResponse | { claimed: number }> => {
  if (!config.webhookQueueUrl) throw new Error('WEBHOOK_QUEUE_URL is not set.');
  if (!('Records' in event)) {
    const claimed = await claimDueWebhooks(db, new Date());
    for (let start = 0; start < claimed.length; start += 10) {
      const entries = claimed.slice(start, start + 10).map((endpoint, i) => ({ Id: String(i), MessageBody: JSON.stringify(endpoint) }));
      const result = await sqs.send(new SendMessageBatchCommand({ QueueUrl: config.webhookQueueUrl, Entries: entries }));
      // An endpoint not queued keeps its lease and is claimed again when the lease ends.
      if (result.Failed?.length) logger.warn('Some webhook endpoints were not queued', { failed: result.Failed.length });
    }
    metrics.count('WebhookEndpointsDue', claimed.length);
    return { claimed: claimed.length };
  }
  const failures: string[] = [];
  for (const record of (event as SQSEvent).Records) {
    try {
      const { slug, webhookId, lease } = JSON.parse(record.body) as DueEndpoint;
      const delivered = await deliverEndpoint(db, slug, webhookId, {
        allowPrivateHosts: false,
        now: () => new Date(),
        deadline: Date.now() + context.getRemainingTimeInMillis() - WEBHOOK_DELIVERY_MARGIN_MS,
      }, lease);
      metrics.count('WebhookEventsDelivered', delivered);
    } catch (error) {
      logger.error('Webhook delivery failed; SQS tries it again', { messageId: record.messageId, error: (error as Error).message });
      failures.push(record.messageId);
    }
  }
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
});
