/**
 * Newsletters in AWS: EventBridge Scheduler wakes the newsletter worker every
 * minute to make the issues that are due; each issue becomes one job per
 * subscriber shard on a queue the same worker consumes, a job continuing
 * itself through the queue when its function time runs out. So a newsletter
 * of a million readers is queue depth, not one function's timeout. Mails go
 * to the mail queue (mail-delivery.ts); failed jobs end in the dead-letter
 * queue, alarmed like every other.
 */
import { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { PostwireFunction } from './postwire-function.js';
import { scheduledQueueWorker } from './scheduled-queue-worker.js';
import type { WorkQueue } from './work-queue.js';

/** Long enough for many pages per job; a job continues itself before it runs out. */
export const NEWSLETTER_TIMEOUT = Duration.minutes(5);

export interface NewsletterDeliveryProps {
  stage: string;
  table: TableV2;
  jwtSecret: ISecret;
  mailQueue: Queue;
  environment: Record<string, string>;
  shared: { logRetention: RetentionDays; tracing: boolean; logRemovalPolicy?: RemovalPolicy | undefined };
  reservedConcurrency: number | undefined;
  scheduleFailures: Queue;
}

export class NewsletterDelivery extends Construct {
  readonly jobs: WorkQueue;
  readonly worker: PostwireFunction;

  constructor(scope: Construct, id: string, props: NewsletterDeliveryProps) {
    super(scope, id);
    ({ jobs: this.jobs, worker: this.worker } = scheduledQueueWorker(this, {
      stage: props.stage,
      name: 'newsletter',
      entry: 'newsletter-worker',
      description: 'Makes newsletter issues on schedule and fans them out to subscribers, a page at a time',
      scheduleDescription: 'Makes the newsletter issues that are due',
      memorySize: 1024,
      timeout: NEWSLETTER_TIMEOUT,
      maxConcurrency: 4,
      environment: { ...props.environment, MAIL_QUEUE_URL: props.mailQueue.queueUrl, JWT_SECRET_ARN: props.jwtSecret.secretArn },
      queueUrlVariable: 'NEWSLETTER_QUEUE_URL',
      shared: props.shared,
      reservedConcurrency: props.reservedConcurrency,
      scheduleFailures: props.scheduleFailures,
    }));
    // It reads newsletters, subscribers, profiles and entitlements; writes issues, sent marks (a transaction of
    // conditional puts) and progress; nothing else. The unsubscribe links it signs need the reader-token key.
    props.table.grant(this.worker.fn, 'dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem');
    props.jwtSecret.grantRead(this.worker.fn);
    props.mailQueue.grantSendMessages(this.worker.fn);
  }
}
