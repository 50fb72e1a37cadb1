/**
 * What became of an issue's mails, counted on the issue: deliveries and
 * permanent bounces (from SES events in AWS, the SMTP answer on one machine).
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { newsletterIssueKey } from '../db/keys.js';

export async function recordIssueDelivery(db: Db, issueId: string, outcome: 'delivered' | 'bounced'): Promise<void> {
  await db.doc
    .send(new UpdateCommand({ TableName: db.tableName, Key: newsletterIssueKey(issueId), UpdateExpression: `ADD ${outcome} :one`, ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':one': 1 } }))
    .catch((error: Error) => {
      // An issue past its retention has nothing left to count on.
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
}

/** What the local mail queue reports, counted on the issue a mail belongs to (a mail that failed for good counts as bounced). */
export const countIssueOutcome = (db: Db) => async (message: { tags?: Record<string, string> | undefined }, outcome: 'delivered' | 'failed') => {
  const issueId = message.tags?.issue;
  if (issueId) await recordIssueDelivery(db, issueId, outcome === 'delivered' ? 'delivered' : 'bounced');
};
