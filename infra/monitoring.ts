/**
 * Alarms for the failures that matter, to one SNS topic, and a dashboard that
 * shows the same signals side by side.
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
  functions: Array<{ name: string; fn: LambdaFunction; timeout: Duration }>;
  /** Work queues with their dead-letter queues, and how old a waiting message may get. */
  queues: Array<{ name: string; queue: Queue; deadLetters: Queue; maxAge: Duration }>;
  /** Stream consumers, where their given-up batches go, and how far behind they may fall. */
  streams: Array<{ name: string; fn: LambdaFunction; failures: Queue; maxIteratorAge: Duration }>;
  api: HttpApi;
  table: TableV2;
}

const FIVE_MINUTES = Duration.minutes(5);

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

    for (const { name, fn, timeout } of props.functions) {
      alarm(`${name}Errors`, `${name}: function errors`, fn.metricErrors({ period: FIVE_MINUTES }), 0);
      alarm(`${name}Throttles`, `${name}: invocations throttled`, fn.metricThrottles({ period: FIVE_MINUTES }), 0);
      alarm(
        `${name}DurationNearTimeout`,
        `${name}: p99 duration above 80% of the ${timeout.toSeconds()} s timeout`,
        fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99' }),
        timeout.toMilliseconds() * 0.8,
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
