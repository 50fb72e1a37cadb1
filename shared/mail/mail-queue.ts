/** The mail queue in AWS: each mail is one SQS message, sent by the mail worker at the rate its concurrency allows. */
import { SendMessageBatchCommand, type SendMessageBatchCommandOutput } from '@aws-sdk/client-sqs';
import type { MailMessage } from './mail-message.js';

/** The one request the mail queue makes of SQS: an `SQSClient`, or a stand-in that fails it. */
export interface QueueClient {
  send(command: SendMessageBatchCommand): Promise<SendMessageBatchCommandOutput>;
}

/** Some mails were not queued: which ones (so a caller can give back what it claimed for them), and SQS's reason. */
export class MailsNotQueued extends Error {
  constructor(
    readonly unqueued: MailMessage[],
    reason: string,
  ) {
    super(`Mails not queued: ${unqueued.length} (${reason})`);
    this.name = 'MailsNotQueued';
  }
}

/**
 * Queues these mails, ten to a request. Throws MailsNotQueued naming the mails
 * SQS refused, or, once a request fails outright, that one's and all after it
 * (it stops there rather than press a failing queue).
 */
export async function queueMails(queueUrl: string, messages: MailMessage[], client: QueueClient): Promise<void> {
  const unqueued: MailMessage[] = [];
  let reason = '';
  for (let start = 0; start < messages.length; start += 10) {
    const batch = messages.slice(start, start + 10);
    let result: SendMessageBatchCommandOutput;
    try {
      result = await client.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: batch.map((message, i) => ({ Id: String(i), MessageBody: JSON.stringify(message) })) }));
    } catch (error) {
      throw new MailsNotQueued([...unqueued, ...messages.slice(start)], (error as Error).message);
    }
    for (const failed of result.Failed ?? []) {
      unqueued.push(batch[Number(failed.Id)]!);
      reason ||= failed.Message ?? failed.Code ?? 'unknown';
    }
  }
  if (unqueued.length > 0) throw new MailsNotQueued(unqueued, reason);
}
