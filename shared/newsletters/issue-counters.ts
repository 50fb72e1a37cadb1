/**
 * What became of an issue's mails, counted on the issue: deliveries and
 * permanent bounces (from SES events in AWS, the SMTP answer on one machine).
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { newsletterIssueKey } from '../db/keys.js';

/** Adds these counts to the issue's (a batch of SES events counts an issue once). */
export async function recordIssueDeliveries(db: Db, issueId: string, counts: { delivered?: number; bounced?: number }): Promise<void> {
  const added = Object.entries(counts).filter(([, n]) => n && n > 0);
  if (added.length === 0) return;
  await db.doc
    .send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: newsletterIssueKey(issueId),
        UpdateExpression: `ADD ${added.map(([name]) => `${name} :${name}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: Object.fromEntries(added.map(([name, n]) => [`:${name}`, n])),
      }),
    )
    .catch((error: Error) => {
      // An issue past its retention has nothing left to count on.
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}

/** What the local mail queue reports, counted on the issue a mail belongs to (a mail that failed for good counts as bounced). */
export const countIssueOutcome = (db: Db) => async (message: { tags?: Record<string, string> | undefined }, outcome: 'delivered' | 'failed') => {
  const issueId = message.tags?.issue;
  if (issueId) await recordIssueDeliveries(db, issueId, outcome === 'delivered' ? { delivered: 1 } : { bounced: 1 });
};
