/**
 * Addresses postwire no longer mails: SES reported a permanent bounce or a
 * complaint for them. The mail worker checks before every send; the list is
 * fed from the SES configuration set's events.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { mailSuppressionKey } from '../db/keys.js';

export type SuppressionReason = 'bounce' | 'complaint';

/** Which of these addresses are suppressed (lower-cased), in one batch read. */
export async function suppressedAmong(db: Db, addresses: string[]): Promise<Set<string>> {
  const keys = [...new Set(addresses.map((address) => address.toLowerCase()))].map(mailSuppressionKey);
  const found = await batchGetAll(db, keys, ['address']);
  return new Set(found.map((item) => item.address as string));
}

export async function suppress(db: Db, address: string, reason: SuppressionReason, at: string): Promise<void> {
  await db.doc.send(new PutCommand({ TableName: db.tableName, Item: { ...mailSuppressionKey(address), type: 'mail_suppression', address: address.toLowerCase(), reason, at } }));
}

/**
 * The addresses an SES event (delivered through SNS) says to stop mailing:
 * every recipient of a complaint, and of a permanent bounce. Transient bounces
 * (a full mailbox) are tried again another day.
 */
export function suppressionsOf(sesEvent: unknown): Array<{ address: string; reason: SuppressionReason }> {
  const event = sesEvent as {
    eventType?: string;
    notificationType?: string;
    bounce?: { bounceType?: string; bouncedRecipients?: Array<{ emailAddress?: string }> };
    complaint?: { complainedRecipients?: Array<{ emailAddress?: string }> };
  };
  const type = event.eventType ?? event.notificationType;
  if (type === 'Bounce' && event.bounce?.bounceType === 'Permanent') {
    return (event.bounce.bouncedRecipients ?? []).flatMap((recipient) => (recipient.emailAddress ? [{ address: recipient.emailAddress, reason: 'bounce' as const }] : []));
  }
  if (type === 'Complaint') {
    return (event.complaint?.complainedRecipients ?? []).flatMap((recipient) => (recipient.emailAddress ? [{ address: recipient.emailAddress, reason: 'complaint' as const }] : []));
  }
  return [];
}
