/** The mail queue in AWS: each mail is one SQS message, sent by the mail worker at the rate its concurrency allows. */
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { MailMessage } from './mail-message.js';

/** Queues these mails, ten to a request; throws if any could not be queued (the caller's batch is then tried again). */
export async function queueMails(queueUrl: string, messages: MailMessage[], client: SQSClient): Promise<void> {
  for (let start = 0; start < messages.length; start += 10) {
    const batch = messages.slice(start, start + 10);
    const result = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: batch.map((message, i) => ({ Id: String(i), MessageBody: JSON.stringify(message) })) }));
    if (result.Failed?.length) throw new Error(`${result.Failed.length} mails could not be queued: ${result.Failed[0]?.Message ?? 'unknown'}`);
  }
}
