/**
 * Mail in AWS: the API writes each mail as an item of the table; the table's
 * stream (filtered to new mail items) hands it to the mail worker, which
 * queues it in SQS; from the queue the same worker sends it through Amazon
 * SES, and a mail that fails three receives stays in the dead-letter queue
 * (alarmed). The SES configuration set publishes bounces, complaints and
 * deliveries to an SNS topic, so suppressed addresses are never mailed again
 * and a newsletter issue's deliveries are counted.
 *
 * The worker has three sources, and none waits for another's turn: each queue
 * mapping has a ceiling of its own and the stream has its shards, where one
 * reserved concurrency of 2 used to hold all three. SES's events reach the
 * worker through a queue of their own (SNS delivers the topic's messages to it
 * raw), not by SNS invoking it: SNS invokes a function once per event, which
 * is once per delivered mail (a newsletter issue's worth at once), and a
 * throttled invocation from SNS is retried for a while and then dropped. From
 * the queue the worker takes up to a hundred events a batch, two batches at a
 * time, and an event it cannot record ends in that queue's dead-letter queue
 * (its failure destination). One function still, as its three jobs share the
 * table, the configuration and the bundle; two more would be two more cold
 * starts and log groups for a few invocations a minute.
 *
 * Who the mail is from: `no-reply@<mailDomain>` when the stage has a domain
 * SES verifies through DNS (prod must). A stage without one sends from the
 * address in `-c mailFrom=me@example.com`, an identity verified by hand in
 * SES (the address, or its whole domain). Without either, the sender is
 * `no-reply@postwire.invalid`, which SES refuses: every mail fails and waits
 * in the dead-letter queue, and synth warns. In the SES sandbox the
 * recipients must be verified identities too.
 */
import { Annotations, CfnOutput, Duration, Stack, Token, Validations, type RemovalPolicy } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ConfigurationSet, EmailIdentity, EmailSendingEvent, EventDestination, Identity, SuppressionReasons } from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { SqsSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import { PostwireFunction } from './postwire-function.js';
import { MAIL_ITEM_TYPE } from '../shared/mail/table-outbox.js';
import { parkingQueue, WorkQueue } from './work-queue.js';

export const MAIL_TIMEOUT = Duration.seconds(30);
/** Batches of ten mails sent at once: SES's default quota is 14 mails a second. */
const SENDING_BATCHES = 2;
/** Batches of SES events recorded at once. */
const EVENT_BATCHES = 2;
/** A reservation below this would make the sources wait on each other again: both queues' ceilings and one stream shard. */
const LEAST_RESERVATION = SENDING_BATCHES + EVENT_BATCHES + 1;

export interface MailDeliveryProps {
  stage: string;
  mailDomain: string | undefined;
  /** The sender's address, verified by hand in SES, for a stage without a mail domain (or an address at it). */
  mailFrom?: string | undefined;
  table: TableV2;
  environment: Record<string, string>;
  shared: { logRetention: RetentionDays; tracing: boolean; logRemovalPolicy?: RemovalPolicy | undefined };
  /** Concurrency reserved for the worker, if the operator wants one: at least both queues' ceilings and a stream shard (5). */
  reservedConcurrency: number | undefined;
}

export class MailDelivery extends Construct {
  readonly queue: WorkQueue;
  /** SES's events (bounces, complaints, deliveries) on their way to the worker, with the dead-letter queue they fail to. */
  readonly events: WorkQueue;
  readonly worker: PostwireFunction;
  /** Where the stream mapping parks a batch of new mail items it could not queue. */
  readonly streamFailures: Queue;
  /** The sender every function that makes mail uses. */
  readonly from: string;

  constructor(scope: Construct, id: string, props: MailDeliveryProps) {
    super(scope, id);
    if (props.reservedConcurrency !== undefined && props.reservedConcurrency < LEAST_RESERVATION) {
      throw new Error(`The mail worker's reserved concurrency must be at least ${LEAST_RESERVATION} (two sending batches, two event batches, a stream shard), not ${props.reservedConcurrency}.`);
    }
    const sender = senderOf(props.mailDomain, props.mailFrom);
    this.from = `postwire <${sender}>`;
    this.queue = new WorkQueue(this, 'Queue', { name: `postwire-${props.stage}-mail`, consumerTimeout: MAIL_TIMEOUT });
    const topic = new Topic(this, 'Events', { topicName: `postwire-${props.stage}-mail-events`, enforceSSL: true });
    this.events = new WorkQueue(this, 'EventQueue', { name: `postwire-${props.stage}-mail-events`, consumerTimeout: MAIL_TIMEOUT });
    // Raw: the queue's message is SES's own (its event's JSON, or its plain-text note that it validated the topic).
    topic.addSubscription(new SqsSubscription(this.events.queue, { rawMessageDelivery: true }));
    const configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: `postwire-${props.stage}`,
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    configurationSet.addEventDestination('BouncesAndComplaints', {
      destination: EventDestination.snsTopic(topic),
      // Deliveries too: they count a newsletter issue's delivered mails.
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.DELIVERY],
    });
    if (props.mailDomain) {
      const identity = new EmailIdentity(this, 'Identity', { identity: Identity.domain(props.mailDomain), configurationSet });
      // SES verifies the domain (and signs its mail) once these CNAME records are in its DNS.
      identity.dkimRecords.forEach((record, i) => new CfnOutput(this, `DkimRecord${i + 1}`, { value: `${record.name} CNAME ${record.value}`, description: `DNS record ${i + 1} of 3 that verifies ${props.mailDomain} for SES` }));
    } else if (!props.mailFrom) {
      Annotations.of(this).addWarningV2('postwire:mail-sender', `Mail from this stage comes from ${sender}, which SES refuses: pass -c mailFrom=<an address verified in SES> or -c mailDomain=<a domain>.`);
    }
    const known = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
    Validations.of(this).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:${known(Stack.of(this).region, 'Region')}:${known(Stack.of(this).account, 'AccountId')}:identity/*]`,
      reason:
        'In the SES sandbox (every new account) SES also authorizes a send against each recipient\'s verified identity, so the grant names every identity; the ses:FromAddress condition keeps the sender to the mail domain or -c mailFrom.',
    });

    this.worker = new PostwireFunction(this, 'Worker', {
      ...props.shared,
      reservedConcurrency: props.reservedConcurrency,
      entry: 'mail-worker',
      description: 'Sends queued mail through SES; records bounces and complaints as suppressions',
      memorySize: 256,
      timeout: MAIL_TIMEOUT,
      environment: { ...props.environment, MAIL_FROM: this.from, MAIL_CONFIGURATION_SET: configurationSet.configurationSetName, MAIL_QUEUE_URL: this.queue.queue.queueUrl },
    });
    this.queue.queue.grantSendMessages(this.worker.fn);
    // It reads a batch's suppressions and writes new ones, and counts deliveries and bounces on newsletter issues; nothing else of the table.
    props.table.grant(this.worker.fn, 'dynamodb:BatchGetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem');
    const stack = Stack.of(this);
    // SES authorizes a send against the sender's identity and, in the sandbox, each recipient's too: the grant names every
    // identity, and the condition says who the mail may be from (any address of the mail domain, or the one -c mailFrom names).
    const fromAddress = props.mailDomain ? `*@${props.mailDomain}` : props.mailFrom ? sender : undefined;
    this.worker.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' }),
          stack.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSet.configurationSetName }),
        ],
        ...(fromAddress ? { conditions: { StringLike: { 'ses:FromAddress': fromAddress } } } : {}),
      }),
    );
    this.worker.fn.addEventSource(new SqsEventSource(this.queue.queue, { batchSize: 10, reportBatchItemFailures: true, maxConcurrency: SENDING_BATCHES }));
    // Events wait up to five seconds to fill a batch: a count or a suppression a few seconds late costs nothing.
    this.worker.fn.addEventSource(new SqsEventSource(this.events.queue, { batchSize: 100, maxBatchingWindow: Duration.seconds(5), reportBatchItemFailures: true, maxConcurrency: EVENT_BATCHES }));
    this.streamFailures = parkingQueue(this, 'StreamFailures', {
      name: `postwire-${props.stage}-mail-stream-failures`,
      why: 'This queue is the mail stream mapping\'s on-failure destination: it keeps where a batch of mail items was in the stream; nothing consumes it.',
    });
    this.worker.fn.addEventSource(
      new DynamoEventSource(props.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        bisectBatchOnError: true,
        retryAttempts: 10,
        maxRecordAge: Duration.hours(6),
        onFailure: new SqsDlq(this.streamFailures),
        // Only new mail items wake it.
        filters: [FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { NewImage: { type: { S: FilterRule.isEqual(MAIL_ITEM_TYPE) } } } })],
      }),
    );
  }
}

/** The sender's address: checked here, as a stage that names a bad one would fail every mail it sends. */
function senderOf(mailDomain: string | undefined, mailFrom: string | undefined): string {
  if (!mailFrom) return `no-reply@${mailDomain ?? 'postwire.invalid'}`;
  if (!/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(mailFrom)) throw new Error(`-c mailFrom takes one address SES has verified, such as me@example.com, not "${mailFrom}".`);
  if (mailDomain && mailFrom.split('@')[1]!.toLowerCase() !== mailDomain.toLowerCase()) throw new Error(`-c mailFrom (${mailFrom}) must be an address at -c mailDomain (${mailDomain}), the identity this stage verifies.`);
  return mailFrom;
}
