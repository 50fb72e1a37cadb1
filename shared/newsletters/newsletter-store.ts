/**
 * Newsletters and who receives them. A subscription is double opt-in: the
 * reader's request writes a pending record and mails a link; only the link
 * makes them a subscriber (their record turns active and they join the
 * newsletter's subscriber shards, in one transaction with its count).
 * Unsubscribing undoes all of that in one transaction, and is idempotent.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { conditionHeld } from '../db/conditional-write.js';
import {
  INDEX,
  newsletterDueKeys,
  newsletterIssueKey,
  newsletterKey,
  newsletterSubscriberKey,
  publisherNewsletterKeys,
  publisherNewslettersPk,
  readerNewsletterKey,
} from '../db/keys.js';
import { collectAll } from '../db/query-all.js';
import { transactWrite, transactWriteRetryingConflicts, type TransactItem } from '../db/transactions.js';
import { Conflict, Contention, NotFound } from '../errors.js';
import type { Newsletter } from './newsletter.js';

const INTERNAL = ['PK', 'SK', 'type', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK'];
export function toNewsletter(item: Record<string, unknown>): Newsletter {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !INTERNAL.includes(name))) as unknown as Newsletter;
}

export async function createNewsletter(db: Db, newsletter: Newsletter): Promise<void> {
  const created = await conditionHeld(
    db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: {
          ...newsletterKey(newsletter.newsletterId),
          ...publisherNewsletterKeys(newsletter.publisherSlug, newsletter.newsletterId),
          ...newsletterDueKeys(newsletter.nextSendAt, newsletter.newsletterId),
          type: 'newsletter',
          ...newsletter,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    ),
  );
  if (!created) throw new Conflict(`The newsletter "${newsletter.newsletterId}" exists already.`);
}

export async function getNewsletter(db: Db, newsletterId: string): Promise<Newsletter> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: newsletterKey(newsletterId) }));
  if (!Item) throw new NotFound('The newsletter');
  return toNewsletter(Item);
}

/** A publisher's newsletters (a few per publisher: one index query and one batch read). */
export async function listNewsletters(db: Db, publisherSlug: string): Promise<Newsletter[]> {
  const keys = await collectAll(db, { partition: publisherNewslettersPk(publisherSlug), index: INDEX.byPublisher });
  const items = await batchGetAll(db, keys.map((item) => newsletterKey(item.GSI1SK as string)));
  return items.map(toNewsletter).sort((a, b) => a.name.localeCompare(b.name));
}

export type SubscriptionState = 'pending' | 'active';

/** The reader's state with this newsletter, if any. */
export async function newsletterSubscriptionOf(db: Db, userId: string, newsletterId: string): Promise<SubscriptionState | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: readerNewsletterKey(userId, newsletterId), ConsistentRead: true }));
  return Item?.status as SubscriptionState | undefined;
}

/** Records the request (pending until the link is used); answers 'active' when the reader is subscribed already. */
export async function requestNewsletterSubscription(db: Db, input: { userId: string; newsletter: Newsletter; now: Date }): Promise<SubscriptionState> {
  const requested = await conditionHeld(
    db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: {
          ...readerNewsletterKey(input.userId, input.newsletter.newsletterId),
          type: 'newsletter_subscription',
          newsletterId: input.newsletter.newsletterId,
          publisherSlug: input.newsletter.publisherSlug,
          name: input.newsletter.name,
          status: 'pending',
          requestedAt: input.now.toISOString(),
        },
        ConditionExpression: 'attribute_not_exists(PK) OR #status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending' },
      }),
    ),
  );
  return requested ? 'pending' : 'active';
}

/** The double opt-in's second half; answers false when the reader was subscribed already. */
export async function confirmNewsletterSubscription(db: Db, input: { userId: string; newsletterId: string; now: Date }): Promise<boolean> {
  const result = await transactWriteRetryingConflicts(db, [
    {
      Update: {
        TableName: db.tableName,
        Key: readerNewsletterKey(input.userId, input.newsletterId),
        UpdateExpression: 'SET #status = :active, confirmedAt = :at',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':active': 'active', ':pending': 'pending', ':at': input.now.toISOString() },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    },
    { Put: { TableName: db.tableName, Item: { ...newsletterSubscriberKey(input.newsletterId, input.userId), type: 'newsletter_subscriber', since: input.now.toISOString() } } },
    countChange(db, input.newsletterId, 1),
  ]);
  if (result.committed) return true;
  const current = result.reasons[0]?.item?.status;
  if (current === 'active') return false;
  if (result.reasons[0]?.code === 'ConditionalCheckFailed') throw new NotFound('A subscription request for this newsletter');
  throw new Contention();
}

/** Ends the subscription (or a pending request); answers whether there was one. `issueId` counts the unsubscribe for that issue. */
export async function unsubscribeNewsletter(db: Db, input: { userId: string; newsletterId: string; issueId?: string | undefined }): Promise<boolean> {
  const state = await newsletterSubscriptionOf(db, input.userId, input.newsletterId);
  if (!state) return false;
  const items: TransactItem[] = [
    {
      Delete: {
        TableName: db.tableName,
        Key: readerNewsletterKey(input.userId, input.newsletterId),
        ConditionExpression: '#status = :state',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':state': state },
      },
    },
  ];
  if (state === 'active') {
    items.push({ Delete: { TableName: db.tableName, Key: newsletterSubscriberKey(input.newsletterId, input.userId) } }, countChange(db, input.newsletterId, -1));
    if (input.issueId) {
      items.push({ Update: { TableName: db.tableName, Key: newsletterIssueKey(input.issueId), UpdateExpression: 'ADD unsubscribed :one', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':one': 1 } } });
    }
  }
  const result = await transactWrite(db, items);
  if (result.committed) return true;
  // A stale issue id (the issue expired) must not keep the reader subscribed.
  if (input.issueId && result.reasons.at(-1)?.code === 'ConditionalCheckFailed') return unsubscribeNewsletter(db, { ...input, issueId: undefined });
  if (result.reasons[0]?.code === 'ConditionalCheckFailed') return unsubscribeNewsletter(db, input);
  throw new Contention();
}

function countChange(db: Db, newsletterId: string, delta: number): TransactItem {
  return {
    Update: {
      TableName: db.tableName,
      Key: newsletterKey(newsletterId),
      UpdateExpression: 'ADD subscriberCount :delta',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':delta': delta },
    },
  };
}

/** Moves the newsletter's next send to `nextSendAt` and records the issue made now, only if nobody did meanwhile. */
export async function claimIssue(db: Db, newsletter: Newsletter, madeAt: string, nextSendAt: string): Promise<boolean> {
  return conditionHeld(
    db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: newsletterKey(newsletter.newsletterId),
        UpdateExpression: 'SET lastIssueAt = :made, nextSendAt = :next, GSI2SK = :due',
        ConditionExpression: 'nextSendAt = :seen',
        ExpressionAttributeValues: { ':made': madeAt, ':next': nextSendAt, ':due': newsletterDueKeys(nextSendAt, newsletter.newsletterId).GSI2SK, ':seen': newsletter.nextSendAt },
      }),
    ),
  );
}

/**
 * Records an issue as the newsletter's last when its turn was taken by another
 * writer (a send-now or a schedule change) after its jobs were queued: the next
 * issue then starts after it instead of repeating its articles. Answers false
 * when the newsletter already records this issue (or a later one).
 */
export async function recordIssueSent(db: Db, newsletterId: string, madeAt: string): Promise<boolean> {
  return conditionHeld(
    db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: newsletterKey(newsletterId),
        UpdateExpression: 'SET lastIssueAt = :made',
        ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(lastIssueAt) OR lastIssueAt < :made)',
        ExpressionAttributeValues: { ':made': madeAt },
      }),
    ),
  );
}
