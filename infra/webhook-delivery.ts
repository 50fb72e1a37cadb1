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
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PostwireFunction } from './postwire-function.js';
import { WorkQueue } from './work-queue.js';

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
    this.jobs = new WorkQueue(this, 'Jobs', { name: `postwire-${props.stage}-webhook-jobs`, consumerTimeout: WEBHOOK_TIMEOUT });
    this.worker = new PostwireFunction(this, 'Worker', {
      ...props.shared,
      reservedConcurrency: props.reservedConcurrency,
      entry: 'webhook-worker',
      description: 'Delivers publishers’ webhook events, one endpoint per message, in order, with retries',
      memorySize: 256,
      timeout: WEBHOOK_TIMEOUT,
      environment: { ...props.environment, WEBHOOK_QUEUE_URL: this.jobs.queue.queueUrl },
    });
    // It claims due endpoints, reads their events, and records cursors, retries and deliveries; nothing else.
    props.table.grant(this.worker.fn, 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem');
    this.jobs.queue.grantSendMessages(this.worker.fn);
    // Ten endpoints at a time at most: each waits on someone else's server.
    this.worker.fn.addEventSource(new SqsEventSource(this.jobs.queue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: 10 }));
    new Schedule(this, 'Dispatch', {
      scheduleName: `postwire-${props.stage}-webhook-dispatch`,
      description: 'Queues the webhook endpoints with deliveries due',
      schedule: ScheduleExpression.rate(Duration.minutes(1)),
      target: new LambdaInvoke(this.worker.fn, { retryAttempts: 2, maxEventAge: Duration.minutes(2), deadLetterQueue: props.scheduleFailures }),
    });
  }
}
