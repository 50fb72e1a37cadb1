/**
 * Mail in AWS, three event sources, one function (infra/mail-delivery.ts says
 * why they no longer wait on one another):
 * - the table's stream (new mail items only): queue each mail in SQS;
 * - the mail queue: send through Amazon SES, skipping suppressed addresses;
 * - the SES events queue (the topic's messages, delivered raw): record
 *   suppressions and count newsletter deliveries.
 * The two queues are told apart by the mail queue's name.
 */
import type { DynamoDBStreamEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { loadConfig } from '../shared/config.js';
import { recordMailEvents, sendQueuedMails } from '../shared/mail/mail-worker.js';
import { sesTransport } from '../shared/mail/ses-transport.js';
import { queueMails } from '../shared/mail/mail-queue.js';
import { mailsInStream } from '../shared/mail/table-outbox.js';
import { createFeedDeps } from '../shared/runtime.js';
import { createLambdaLogger } from './lambda-logger.js';
import { createLambdaMetrics } from './lambda-metrics.js';

const logger = createLambdaLogger('postwire-mail-worker');
const { metrics, flushed } = createLambdaMetrics('postwire-mail-worker');
const config = loadConfig();
const { db } = createFeedDeps(config);
const transport = sesTransport(config.mailConfigurationSet);
const sqs = new SQSClient({});
if (!config.mailQueueUrl) throw new Error('MAIL_QUEUE_URL is not set.');
const mailQueueUrl = config.mailQueueUrl;
/** An SQS record's source ARN ends with its queue's name, as the queue URL does. */
const mailQueueArnEnd = `:${mailQueueUrl.split('/').pop()}`;

const failures = (ids: string[]): SQSBatchResponse => ({ batchItemFailures: ids.map((itemIdentifier) => ({ itemIdentifier })) });

export const handler = flushed(async (event: DynamoDBStreamEvent | SQSEvent): Promise<SQSBatchResponse | void> => {
  const first = event.Records[0];
  if (!first) return;
  if ('dynamodb' in first) {
    const mails = mailsInStream((event as DynamoDBStreamEvent).Records);
    // A failure throws: the stream hands the batch over again (a mail queued twice is sent twice at worst).
    await queueMails(mailQueueUrl, mails, sqs);
    metrics.count('MailQueued', mails.length);
    return;
  }
  const records = (event as SQSEvent).Records;
  if (!records[0]!.eventSourceARN.endsWith(mailQueueArnEnd)) {
    const outcome = await recordMailEvents(db, records.map((record) => ({ messageId: record.messageId, body: record.body, at: new Date(Number(record.attributes.SentTimestamp)).toISOString() })));
    for (const notice of outcome.notices) logger.info('SES notice on the events topic acknowledged', { notice });
    if (outcome.suppressed > 0) logger.info('Addresses suppressed', { suppressed: outcome.suppressed });
    if (outcome.unreadable.length > 0) logger.error('SES events queue messages not understood; SQS tries them again, then parks them', { messageIds: outcome.unreadable });
    metrics.count('MailSuppressed', outcome.suppressed);
    return failures(outcome.unreadable);
  }
  const outcome = await sendQueuedMails(db, transport, config.mailFrom, records.map((record) => ({ messageId: record.messageId, body: record.body })));
  metrics.count('MailSent', outcome.sent);
  metrics.count('MailSkippedSuppressed', outcome.suppressed);
  // SES's own words for each failure (the recipient's domain, not the address), so a refused identity or quota shows in the log.
  for (const failure of outcome.failed) logger.warn('Mail not sent; SQS tries it again', { ...failure });
  return failures(outcome.failed.map((failure) => failure.messageId));
});
