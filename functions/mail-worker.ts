/**
 * Mail in AWS, three event sources, one function:
 * - the table's stream (new mail items only): queue each mail in SQS;
 * - the mail queue: send through Amazon SES, skipping suppressed addresses;
 * - SES's bounce and complaint events (SNS): record suppressions.
 * Reserved concurrency keeps the send rate within the account's SES quota.
 */
import type { DynamoDBStreamEvent, SNSEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
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

type MailWorkerEvent = DynamoDBStreamEvent | SQSEvent | SNSEvent;

export const handler = flushed(async (event: MailWorkerEvent): Promise<SQSBatchResponse | void> => {
  const first = event.Records[0];
  if (!first) return;
  if ('Sns' in first) {
    const suppressed = await recordMailEvents(db, (event as SNSEvent).Records.map((record) => ({ message: record.Sns.Message, at: record.Sns.Timestamp })));
    if (suppressed > 0) logger.info('Addresses suppressed', { suppressed });
    metrics.count('MailSuppressed', suppressed);
    return;
  }
  if ('dynamodb' in first) {
    if (!config.mailQueueUrl) throw new Error('MAIL_QUEUE_URL is not set.');
    const mails = mailsInStream((event as DynamoDBStreamEvent).Records);
    // A failure throws: the stream hands the batch over again (a mail queued twice is sent twice at worst).
    await queueMails(config.mailQueueUrl, mails, sqs);
    metrics.count('MailQueued', mails.length);
    return;
  }
  const outcome = await sendQueuedMails(db, transport, config.mailFrom, (event as SQSEvent).Records.map((record) => ({ messageId: record.messageId, body: record.body })));
  metrics.count('MailSent', outcome.sent);
  metrics.count('MailSkippedSuppressed', outcome.suppressed);
  if (outcome.failed.length > 0) logger.warn('Some mails were not sent; SQS tries them again', { failed: outcome.failed.length });
  return { batchItemFailures: outcome.failed.map((itemIdentifier) => ({ itemIdentifier })) };
});
