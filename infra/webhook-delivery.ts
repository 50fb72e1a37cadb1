/**
 * Webhook deliveries in AWS: EventBridge Scheduler wakes the webhook worker
 * every minute to claim the endpoints with deliveries due; each becomes one
 * message on a queue the same worker consumes, so every endpoint is delivered
 * on its own and a slow or failing one delays no other. Failed messages end
 * in the dead-letter queue, alarmed; failed deliveries are retried by the
 * endpoint's own schedule (3 days), not by SQS.
 */
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { PostwireFunction } from './postwire-function.js';
import { scheduledQueueWorker } from './scheduled-queue-worker.js';
import type { WorkQueue } from './work-queue.js';

/** One endpoint's backlog at a time; a delivery stops 15 s before this and leaves the endpoint due. */
export const WEBHOOK_TIMEOUT = Duration.minutes(2);

export interface WebhookDeliveryProps {
  stage: string;
  table: TableV2;
  environment: Record<string, string>;
  shared: { logRetention: RetentionDays; tracing: boolean; logRemovalPolicy?: RemovalPolicy | undefined };
  reservedConcurrency: number | undefined;
  scheduleFailures: Queue;
}

export class WebhookDelivery extends Construct {
  readonly jobs: WorkQueue;
  readonly worker: PostwireFunction;

  constructor(scope: Construct, id: string, props: WebhookDeliveryProps) {
    super(scope, id);
    ({ jobs: this.jobs, worker: this.worker } = scheduledQueueWorker(this, {
      stage: props.stage,
      name: 'webhook',
      entry: 'webhook-worker',
      description: 'Delivers publishers’ webhook events, one endpoint per message, in order, with retries',
      scheduleDescription: 'Queues the webhook endpoints with deliveries due',
      memorySize: 256,
      timeout: WEBHOOK_TIMEOUT,
      // Ten endpoints at a time at most: each waits on someone else's server.
      maxConcurrency: 10,
      environment: props.environment,
      queueUrlVariable: 'WEBHOOK_QUEUE_URL',
      shared: props.shared,
      reservedConcurrency: props.reservedConcurrency,
      scheduleFailures: props.scheduleFailures,
    }));
    // It claims due endpoints, reads their events, and records cursors, retries and deliveries; nothing else.
    props.table.grant(this.worker.fn, 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem');
  }
}
