/**
 * The mail worker's two jobs in AWS: send the mails queued in SQS (skipping
 * suppressed addresses), and turn SES bounce and complaint events into
 * suppressions. A mail that cannot be sent is reported back to SQS, which
 * tries it again and after five receives moves it to the dead-letter queue.
 */
import type { Db } from '../db/client.js';
import type { MailMessage, MailTransport } from './mail-message.js';
import { recordIssueDelivery } from '../newsletters/issue-counters.js';
import { suppress, suppressedAmong, suppressionsOf } from './suppression.js';

export interface QueuedMail {
  /** The queue's id for the message, to report it failed. */
  messageId: string;
  body: string;
}

export interface SendOutcome {
  sent: number;
  suppressed: number;
  /** Queue message ids to try again. */
  failed: string[];
}

export async function sendQueuedMails(db: Db, transport: MailTransport, from: string, queued: QueuedMail[]): Promise<SendOutcome> {
  const outcome: SendOutcome = { sent: 0, suppressed: 0, failed: [] };
  const readable: Array<{ messageId: string; message: MailMessage }> = [];
  for (const { messageId, body } of queued) {
    try {
      readable.push({ messageId, message: JSON.parse(body) as MailMessage });
    } catch {
      outcome.failed.push(messageId);
    }
  }
  const suppressed = await suppressedAmong(db, readable.map(({ message }) => message.to));
  await Promise.all(
    readable.map(async ({ messageId, message }) => {
      if (suppressed.has(message.to.toLowerCase())) {
        outcome.suppressed++;
        return;
      }
      try {
        await transport.send(message, from);
        outcome.sent++;
      } catch {
        outcome.failed.push(messageId);
      }
    }),
  );
  return outcome;
}

/**
 * SES events as SNS delivers them (each record's message is the event's JSON):
 * permanent bounces and complaints suppress the address; deliveries and
 * permanent bounces of a newsletter's mail are counted on its issue. Answers
 * how many addresses were suppressed.
 */
export async function recordMailEvents(db: Db, messages: Array<{ message: string; at: string }>): Promise<number> {
  let count = 0;
  for (const { message, at } of messages) {
    const event = JSON.parse(message) as { eventType?: string; bounce?: { bounceType?: string }; mail?: { tags?: Record<string, string[]> } };
    for (const { address, reason } of suppressionsOf(event)) {
      await suppress(db, address, reason, at);
      count++;
    }
    const issueId = event.mail?.tags?.issue?.[0];
    if (issueId && event.eventType === 'Delivery') await recordIssueDelivery(db, issueId, 'delivered');
    if (issueId && event.eventType === 'Bounce' && event.bounce?.bounceType === 'Permanent') await recordIssueDelivery(db, issueId, 'bounced');
  }
  return count;
}
