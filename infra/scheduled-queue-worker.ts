/**
 * The shape newsletters and webhooks share in AWS: a worker that EventBridge
 * Scheduler wakes each minute to find what is due, and that consumes a queue
 * of that work (with its dead-letter queue), one message at a time. Built
 * into the caller's construct (children `Jobs`, `Worker`, `Dispatch`), so the
 * caller's name stays in every resource's.
 */
import { Duration, type RemovalPolicy } from 'aws-cdk-lib';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { PostwireFunction } from './postwire-function.js';
import { WorkQueue } from './work-queue.js';

export interface ScheduledQueueWorkerProps {
  stage: string;
  /** Names the queue (`postwire-<stage>-<name>-jobs`) and the schedule (`postwire-<stage>-<name>-dispatch`). */
  name: string;
  entry: string;
  description: string;
  scheduleDescription: string;
  memorySize: number;
  timeout: Duration;
  /** Messages handled at once. */
  maxConcurrency: number;
  /** The function's environment; the queue's URL is added as `queueUrlVariable`. */
  environment: Record<string, string>;
  queueUrlVariable: string;
  shared: { logRetention: RetentionDays; tracing: boolean; logRemovalPolicy?: RemovalPolicy | undefined };
  reservedConcurrency: number | undefined;
  scheduleFailures: Queue;
}

export function scheduledQueueWorker(scope: Construct, props: ScheduledQueueWorkerProps): { jobs: WorkQueue; worker: PostwireFunction } {
  const jobs = new WorkQueue(scope, 'Jobs', { name: `postwire-${props.stage}-${props.name}-jobs`, consumerTimeout: props.timeout });
  const worker = new PostwireFunction(scope, 'Worker', {
    ...props.shared,
    reservedConcurrency: props.reservedConcurrency,
    entry: props.entry,
    description: props.description,
    memorySize: props.memorySize,
    timeout: props.timeout,
    environment: { ...props.environment, [props.queueUrlVariable]: jobs.queue.queueUrl },
  });
  jobs.queue.grantSendMessages(worker.fn);
  // One message a batch: each is a whole job (a shard of an issue, an endpoint's backlog).
  worker.fn.addEventSource(new SqsEventSource(jobs.queue, { batchSize: 1, reportBatchItemFailures: true, maxConcurrency: props.maxConcurrency }));
  new Schedule(scope, 'Dispatch', {
    scheduleName: `postwire-${props.stage}-${props.name}-dispatch`,
    description: props.scheduleDescription,
    schedule: ScheduleExpression.rate(Duration.minutes(1)),
    // A dispatch missed is made up by the next one a minute later.
    target: new LambdaInvoke(worker.fn, { retryAttempts: 2, maxEventAge: Duration.minutes(2), deadLetterQueue: props.scheduleFailures }),
  });
  return { jobs, worker };
}
