/**
 * The mail worker's two jobs in AWS: send the mails queued in SQS (skipping
 * suppressed addresses), and read SES's events from their own queue, turning
 * bounces and complaints into suppressions and counting a newsletter issue's
 * deliveries. A mail or an event that fails is reported back to SQS, which
 * tries it again and after three receives parks it in that queue's
 * dead-letter queue.
 */
import type { Db } from '../db/client.js';
import type { MailMessage, MailTransport } from './mail-message.js';
import { recordIssueDeliveries } from '../newsletters/issue-counters.js';
import { sendFailure, type SendFailure } from './send-failure.js';
import { suppress, suppressedAmong, suppressionsOf } from './suppression.js';

export interface QueuedMail {
  /** The queue's id for the message, to report it failed. */
  messageId: string;
  body: string;
}

export interface SendOutcome {
  sent: number;
  suppressed: number;
  /** What went wrong with each mail to try again (the queue message ids hand them back). */
  failed: SendFailure[];
}

export async function sendQueuedMails(db: Db, transport: MailTransport, from: string, queued: QueuedMail[]): Promise<SendOutcome> {
  const outcome: SendOutcome = { sent: 0, suppressed: 0, failed: [] };
  const readable: Array<{ messageId: string; message: MailMessage }> = [];
  for (const { messageId, body } of queued) {
    try {
      readable.push({ messageId, message: JSON.parse(body) as MailMessage });
    } catch {
      outcome.failed.push({ messageId, code: 'Unreadable', message: 'The queue message is not a mail as JSON.' });
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
      } catch (error) {
        outcome.failed.push(sendFailure(messageId, message, error, from));
      }
    }),
  );
  return outcome;
}

/** One message of the SES events queue: SNS delivers the topic's message raw, so the body is SES's own. */
export interface EventMessage {
  messageId: string;
  body: string;
  /** When SNS handed it to the queue. */
  at: string;
}

export interface EventsOutcome {
  suppressed: number;
  /** SES's plain-text notes on the topic (one when the event destination is made): acknowledged, not events. */
  notices: string[];
  /** Queue message ids of bodies that are neither an SES event nor a note: tried again, then parked. */
  unreadable: string[];
}

/** What SES publishes on the topic as plain text, not JSON, when it takes the topic as an event destination. */
const SES_NOTICE = /^Successfully validated SNS topic for Amazon SES event publishing\.?$/;

interface SesEvent {
  eventType?: string;
  bounce?: { bounceType?: string };
  mail?: { tags?: Record<string, string[]> };
}

/**
 * SES events: permanent bounces and complaints suppress the address; a
 * newsletter mail's deliveries and permanent bounces are counted on its issue,
 * once per issue for the whole batch (an issue's deliveries arrive together,
 * and one item takes only so many writes a second). A batch that fails to
 * write is tried again whole: suppressing twice is harmless, a count may
 * then include a few deliveries twice.
 */
export async function recordMailEvents(db: Db, messages: EventMessage[]): Promise<EventsOutcome> {
  const outcome: EventsOutcome = { suppressed: 0, notices: [], unreadable: [] };
  const counts = new Map<string, { delivered: number; bounced: number }>();
  const suppressions: Array<{ address: string; reason: 'bounce' | 'complaint'; at: string }> = [];
  for (const { messageId, body, at } of messages) {
    const text = body.trim();
    if (SES_NOTICE.test(text)) {
      outcome.notices.push(text);
      continue;
    }
    let event: SesEvent;
    try {
      event = JSON.parse(text) as SesEvent;
    } catch {
      outcome.unreadable.push(messageId);
      continue;
    }
    suppressions.push(...suppressionsOf(event).map((suppression) => ({ ...suppression, at })));
    const issueId = event.mail?.tags?.issue?.[0];
    const outcomeOf = event.eventType === 'Delivery' ? 'delivered' : event.eventType === 'Bounce' && event.bounce?.bounceType === 'Permanent' ? 'bounced' : undefined;
    if (issueId && outcomeOf) {
      const count = counts.get(issueId) ?? { delivered: 0, bounced: 0 };
      count[outcomeOf]++;
      counts.set(issueId, count);
    }
  }
  for (const { address, reason, at } of suppressions) await suppress(db, address, reason, at);
  outcome.suppressed = suppressions.length;
  await Promise.all([...counts].map(([issueId, count]) => recordIssueDeliveries(db, issueId, count)));
  return outcome;
}
