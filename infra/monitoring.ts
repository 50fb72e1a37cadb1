/**
 * Alarms for the failures that matter, to one SNS topic, and a dashboard that
 * shows the same signals side by side. An alarm fires on what the design does
 * not do: each threshold is derived from the figure of the design it watches
 * (a job's margin before its timeout, a queue's drain time), so that running
 * as designed never pages anyone.
 */
import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PAYMENTS_SERVICE } from '../shared/metrics.js';

export interface MonitoringProps {
  stage: string;
  topic: ITopic;
  functions: Array<{
    name: string;
    fn: LambdaFunction;
    timeout: Duration;
    /**
     * Invoked synchronously by the HTTP API: a throttle is an error a reader saw, so it is alarmed. Every other
     * function's throttles are retried (SQS keeps the message, the stream its place, asynchronous invocations
     * are queued) and, with concurrency capped, happen by design when work backs up: queue and iterator age say
     * when that goes too far.
     */
    servesRequests?: boolean;
    /** A self-continuing job's margin: it stops taking work this long before its timeout (shared/job-margins.ts). */
    stopsBefore?: Duration;
  }>;
  /** Work queues with their dead-letter queues, and how old a waiting message may get. */
  queues: Array<{ name: string; queue: Queue; deadLetters: Queue; maxAge: Duration }>;
  /** Stream consumers, where their given-up batches go, and how far behind they may fall. */
  streams: Array<{ name: string; fn: LambdaFunction; failures: Queue; maxIteratorAge: Duration }>;
  /** Where EventBridge Scheduler parks an invocation that failed its retries. */
  scheduleFailures: Queue;
  api: HttpApi;
  table: TableV2;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * SES reviews an account whose bounce rate reaches 5 % or complaint rate 0.1 %, and may pause its sending at 10 % or
 * 0.5 % (SES developer guide, "Reputation metrics messages": docs.aws.amazon.com/ses/latest/dg/reputationdashboardmessages.html;
 * AWS asks senders to stay under 2 % and 0.1 %). The alarms fire before the review line, while there is time to act:
 * at AWS's 2 % for bounces and at half the review line for complaints.
 */
export const SES_BOUNCE_RATE_ALARM = 0.02;
export const SES_COMPLAINT_RATE_ALARM = 0.0005;

/**
 * Where a function's p99 duration means trouble. Most functions finish their work well inside the timeout, so
 * 80 % of it is near. A self-continuing job runs up to its deadline (the timeout less its margin) by design, plus
 * the step it was in; one still running when half the margin is gone is eating the time it kept to end cleanly.
 */
export function durationAlarmThreshold(timeout: Duration, stopsBefore?: Duration): number {
  return stopsBefore ? timeout.toMilliseconds() - stopsBefore.toMilliseconds() / 2 : timeout.toMilliseconds() * 0.8;
}

export class Monitoring extends Construct {
  constructor(scope: Construct, id: string, props: MonitoringProps) {
    super(scope, id);
    const action = new SnsAction(props.topic);
    const alarm = (name: string, description: string, metric: IMetric, threshold: number, periods = 1) =>
      new Alarm(this, name, {
        alarmName: `postwire-${props.stage}-${name}`,
        alarmDescription: description,
        metric,
        threshold,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: periods,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(action);

    for (const { name, fn, timeout, servesRequests, stopsBefore } of props.functions) {
      alarm(`${name}Errors`, `${name}: function errors`, fn.metricErrors({ period: FIVE_MINUTES }), 0);
      if (servesRequests) alarm(`${name}Throttles`, `${name}: requests throttled, answered with an error`, fn.metricThrottles({ period: FIVE_MINUTES }), 0);
      const threshold = durationAlarmThreshold(timeout, stopsBefore);
      alarm(
        `${name}DurationNearTimeout`,
        stopsBefore
          ? `${name}: p99 duration above ${threshold / 1000} s: past its deadline (${timeout.toSeconds() - stopsBefore.toSeconds()} s) by more than half the ${stopsBefore.toSeconds()} s it keeps before the ${timeout.toSeconds()} s timeout`
          : `${name}: p99 duration above 80% of the ${timeout.toSeconds()} s timeout`,
        fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99' }),
        threshold,
        2,
      );
    }
    for (const { name, queue, deadLetters, maxAge } of props.queues) {
      alarm(`${name}DeadLetters`, `${name}: jobs failed three times and were parked in the DLQ`, deadLetters.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES }), 0);
      alarm(`${name}OldestMessage`, `${name}: a job has waited more than ${maxAge.toMinutes()} minutes`, queue.metricApproximateAgeOfOldestMessage({ period: FIVE_MINUTES }), maxAge.toSeconds(), 2);
    }

    const iteratorAge = (fn: LambdaFunction) => fn.metric('IteratorAge', { period: FIVE_MINUTES, statistic: 'Maximum' });
    for (const { name, fn, failures, maxIteratorAge } of props.streams) {
      alarm(`${name}StreamFailures`, `${name}: a stream batch failed every retry; replay it (docs/OPERATIONS.md)`, failures.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES }), 0);
      alarm(`${name}IteratorAge`, `${name}: stream records wait more than ${maxIteratorAge.toMinutes()} minutes`, iteratorAge(fn), maxIteratorAge.toMilliseconds(), 2);
    }

    alarm(
      'ScheduleFailures',
      'A scheduled run (feed dispatch, payouts, newsletters, webhooks) failed its retries and was parked; see docs/OPERATIONS.md',
      props.scheduleFailures.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES }),
      0,
    );

    // Account-wide (SES judges the account, not a configuration set); SES publishes them once there is a bounce or complaint.
    const sesReputation = (metricName: string) => new Metric({ namespace: 'AWS/SES', metricName, period: Duration.hours(1), statistic: 'Maximum' });
    alarm('SesBounceRate', `SES: bounce rate above ${SES_BOUNCE_RATE_ALARM * 100} %; SES reviews the account at 5 % and may pause its sending at 10 %`, sesReputation('Reputation.BounceRate'), SES_BOUNCE_RATE_ALARM);
    alarm('SesComplaintRate', `SES: complaint rate above ${SES_COMPLAINT_RATE_ALARM * 100} %; SES reviews the account at 0.1 % and may pause its sending at 0.5 %`, sesReputation('Reputation.ComplaintRate'), SES_COMPLAINT_RATE_ALARM);

    const apiMetric = (metricName: string, statistic: string) =>
      new Metric({ namespace: 'AWS/ApiGateway', metricName, dimensionsMap: { ApiId: props.api.apiId }, period: FIVE_MINUTES, statistic });
    const serverErrorRate = new MathExpression({
      expression: '100 * errors / MAX([requests, 1])',
      usingMetrics: { errors: apiMetric('5xx', 'Sum'), requests: apiMetric('Count', 'Sum') },
      label: 'API 5xx %',
      period: FIVE_MINUTES,
    });
    alarm('Api5xxRate', 'API: more than 1% of requests answered 5xx', serverErrorRate, 1, 2);
    alarm('ApiLatencyP99', 'API: p99 latency above 2 s', apiMetric('Latency', 'p99'), 2000, 3);

    const orphanedPayments = new Metric({
      namespace: 'postwire',
      metricName: 'StripeEvents',
      dimensionsMap: { service: PAYMENTS_SERVICE, outcome: 'orphaned' },
      period: FIVE_MINUTES,
      statistic: 'Sum',
    });
    alarm('OrphanedPayments', 'Stripe: a paid purchase names an account with no wallet; it was recorded, not credited (docs/OPERATIONS.md)', orphanedPayments, 0);

    const tableMetric = (metricName: string) =>
      new Metric({ namespace: 'AWS/DynamoDB', metricName, dimensionsMap: { TableName: props.table.tableName }, period: FIVE_MINUTES, statistic: 'Sum' });
    alarm('TableThrottles', 'DynamoDB: throttled requests', tableMetric('ThrottledRequests'), 0);
    alarm('TableSystemErrors', 'DynamoDB: system errors', tableMetric('SystemErrors'), 0);

    new Dashboard(this, 'Dashboard', {
      dashboardName: `postwire-${props.stage}`,
      widgets: [
        [
          new GraphWidget({ title: 'API requests and 5xx', left: [apiMetric('Count', 'Sum'), apiMetric('5xx', 'Sum'), apiMetric('4xx', 'Sum')], width: 12 }),
          new GraphWidget({ title: 'API latency p50 / p99', left: [apiMetric('Latency', 'p50'), apiMetric('Latency', 'p99')], width: 12 }),
        ],
        [
          new GraphWidget({ title: 'Function errors', left: props.functions.map(({ fn }) => fn.metricErrors({ period: FIVE_MINUTES })), width: 12 }),
          new GraphWidget({ title: 'Function p99 duration', left: props.functions.map(({ fn }) => fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99' })), width: 12 }),
        ],
        [
          new GraphWidget({
            title: 'Queue depth and DLQs',
            left: props.queues.flatMap(({ queue, deadLetters }) => [queue.metricApproximateNumberOfMessagesVisible(), deadLetters.metricApproximateNumberOfMessagesVisible()]),
            width: 12,
          }),
          new GraphWidget({ title: 'Oldest waiting job (s)', left: props.queues.map(({ queue }) => queue.metricApproximateAgeOfOldestMessage()), width: 12 }),
        ],
        [
          new GraphWidget({ title: 'Stream iterator age (ms)', left: props.streams.map(({ fn }) => iteratorAge(fn)), width: 12 }),
          new GraphWidget({ title: 'Stream batches given up', left: props.streams.map(({ failures }) => failures.metricApproximateNumberOfMessagesVisible()), width: 12 }),
        ],
        [
          new GraphWidget({ title: 'DynamoDB throttles and system errors', left: [tableMetric('ThrottledRequests'), tableMetric('SystemErrors')], width: 12 }),
          new GraphWidget({ title: 'DynamoDB consumed capacity', left: [tableMetric('ConsumedReadCapacityUnits'), tableMetric('ConsumedWriteCapacityUnits')], width: 12 }),
        ],
      ],
    });
  }
}
