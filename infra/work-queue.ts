/**
 * A work queue with its dead-letter queue: encrypted, TLS only, a visibility
 * timeout of six times its consumer's timeout (AWS's guidance for Lambda
 * consumers), and three receives before a job is parked.
 */
import { Duration } from 'aws-cdk-lib';
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
