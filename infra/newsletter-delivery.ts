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
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { RemovalPolicy } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PostwireFunction } from './postwire-function.js';
import { WorkQueue } from './work-queue.js';

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
    this.jobs = new WorkQueue(this, 'Jobs', { name: `postwire-${props.stage}-newsletter-jobs`, consumerTimeout: NEWSLETTER_TIMEOUT });
    this.worker = new PostwireFunction(this, 'Worker', {
      ...props.shared,
      reservedConcurrency: props.reservedConcurrency,
      entry: 'newsletter-worker',
      description: 'Makes newsletter issues on schedule and fans them out to subscribers, a page at a time',
      memorySize: 1024,
      timeout: NEWSLETTER_TIMEOUT,
      environment: { ...props.environment, NEWSLETTER_QUEUE_URL: this.jobs.queue.queueUrl, MAIL_QUEUE_URL: props.mailQueue.queueUrl, JWT_SECRET_ARN: props.jwtSecret.secretArn },
    });
    // It reads newsletters, subscribers, profiles and entitlements; writes issues, sent marks (a transaction of
    // conditional puts) and progress; nothing else. The unsubscribe links it signs need the reader-token key.
    props.table.grant(this.worker.fn, 'dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem');
    props.jwtSecret.grantRead(this.worker.fn);
    this.jobs.queue.grantSendMessages(this.worker.fn);
    props.mailQueue.grantSendMessages(this.worker.fn);
    // One job a batch: a job runs for minutes, and its continuation is a message of its own.
    this.worker.fn.addEventSource(new SqsEventSource(this.jobs.queue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: 4 }));
    new Schedule(this, 'Dispatch', {
      scheduleName: `postwire-${props.stage}-newsletter-dispatch`,
      description: 'Makes the newsletter issues that are due',
      schedule: ScheduleExpression.rate(Duration.minutes(1)),
      // A dispatch missed is made up by the next one a minute later.
      target: new LambdaInvoke(this.worker.fn, { retryAttempts: 2, maxEventAge: Duration.minutes(2), deadLetterQueue: props.scheduleFailures }),
    });
  }
}
