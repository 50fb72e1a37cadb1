/**
 * A work queue with its dead-letter queue: encrypted, TLS only, a visibility
 * timeout of six times its consumer's timeout (AWS's guidance for Lambda
 * consumers), and three receives before a job is parked.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export class WorkQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: { name: string; consumerTimeout: Duration }) {
    super(scope, id);
    this.deadLetters = new Queue(this, 'DeadLetters', {
      queueName: `${props.name}-dlq`,
      retentionPeriod: Duration.days(14),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    this.queue = new Queue(this, 'Queue', {
      queueName: props.name,
      visibilityTimeout: Duration.seconds(props.consumerTimeout.toSeconds() * 6),
      // SQS's default, said explicitly: a job older than this is dropped, and the oldest-message alarm fires long before.
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.deadLetters, maxReceiveCount: 3 },
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
  }
}

/**
 * A queue where failures are parked for an operator, 14 days: a dead-letter
 * queue in all but name, which nothing consumes (so cdk-nag's "has no DLQ of
 * its own" finding is acknowledged, with the reason given).
 */
export function parkingQueue(scope: Construct, id: string, props: { name: string; why: string }): Queue {
  const queue = new Queue(scope, id, { queueName: props.name, retentionPeriod: Duration.days(14), encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true });
  Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: props.why });
  return queue;
}
