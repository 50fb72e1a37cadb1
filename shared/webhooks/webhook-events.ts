/**
 * Webhook events from the table's stream, so no event is lost when a request
 * dies after its write: an unlock (a new entitlement), an earnings entry (undo,
 * tip, payout), a gift redeemed, or a subscription that started, renewed or
 * ended becomes an event
 * in its publisher's log, once (a conditional put keyed by an id derived from
 * the item, so a redelivered batch adds nothing). Endpoints subscribed to the
 * event's type are then marked due. Readers appear only by the pseudonym
 * their publisher knows them by.
 */
import { createHash } from 'node:crypto';
import type { AttributeValue as StreamAttributeValue, DynamoDBRecord } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { readerPseudonym } from '../access/reader-pseudonym.js';
import type { Db } from '../db/client.js';
import { conditionHeld } from '../db/conditional-write.js';
import { publisherOfEarningPk, publisherOfPartition, webhookDueKeys, webhookEventClaimKey, webhookEventKey, webhookKey, webhookLogCounterKey } from '../db/keys.js';
import { transactWrite } from '../db/transactions.js';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TTL_ATTRIBUTE } from '../db/table-schema.js';
import { accessOfSubscription, type Subscription } from '../subscriptions/subscription.js';
import type { WebhookEvent, WebhookEventType } from './webhook.js';
import { listWebhooks } from './webhook-store.js';

/** Events are kept a week: three days of retries, and time to replay. */
const EVENT_KEPT_SECONDS = 7 * 86400;
// Unlocks come from the reader's new entitlement (points, the free meter or the spend cap alike); the earning
// entry of a points unlock would miss the free ones. Undos, tips and payouts come from the earnings ledger.
const EARNING_EVENTS: Record<string, WebhookEventType> = { reversal: 'article.unlock_undone', tip: 'tip.received', payout: 'payout.paid' };
const UNLOCK_VIAS = new Set(['points', 'meter', 'cap']);

const imageOf = (image: Record<string, StreamAttributeValue> | undefined) => (image ? unmarshall(image as Record<string, AttributeValue>) : undefined);
const eventIdOf = (...parts: string[]) => `evt_${createHash('sha256').update(parts.join('|')).digest('base64url').slice(0, 24)}`;

/** The events these records mean (the caller's secret names readers by their per-publisher pseudonym). */
export function webhookEventsIn(records: DynamoDBRecord[], secret: string): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  for (const record of records) {
    const item = imageOf(record.dynamodb?.NewImage);
    const old = imageOf(record.dynamodb?.OldImage);
    const type = (item ?? old)?.type;
    if (record.eventName === 'INSERT' && type === 'earning' && item && EARNING_EVENTS[item.kind as string]) {
      const publisherSlug = publisherOfEarningPk(item.PK as string);
      events.push({
        eventId: eventIdOf('earning', item.entryId as string),
        type: EARNING_EVENTS[item.kind as string]!,
        publisherSlug,
        at: item.at as string,
        data: {
          ...(item.articleId ? { articleId: item.articleId } : {}),
          ...(item.title ? { title: item.title } : {}),
          ...(item.readerId ? { reader: readerPseudonym(secret, item.readerId as string, publisherSlug) } : {}),
          ...(item.gross !== undefined ? { grossPoints: item.gross } : {}),
          points: item.points,
          ...(item.payoutId ? { payoutId: item.payoutId } : {}),
        },
      });
    }
    if (record.eventName === 'INSERT' && type === 'entitlement' && item && UNLOCK_VIAS.has(item.via as string)) {
      const publisherSlug = item.publisherSlug as string;
      const userId = (item.PK as string).slice('USER#'.length);
      events.push({
        eventId: eventIdOf('unlock', item.PK as string, item.SK as string, item.grantedAt as string),
        type: 'article.unlocked',
        publisherSlug,
        at: item.grantedAt as string,
        data: { articleId: item.articleId, via: item.via, reader: readerPseudonym(secret, userId, publisherSlug), grossPoints: item.charged ?? 0, points: item.earned ?? 0 },
      });
    }
    if (record.eventName === 'INSERT' && type === 'gift_event' && item?.event === 'redeemed') {
      const publisherSlug = publisherOfPartition(item.PK as string);
      events.push({
        eventId: eventIdOf('gift', item.PK as string, item.SK as string),
        type: 'gift.redeemed',
        publisherSlug,
        at: (item.SK as string).split('#')[1]!,
        data: { articleId: item.articleId, reader: readerPseudonym(secret, item.readerId as string, publisherSlug) },
      });
    }
    if (type === 'subscription') {
      const change = subscriptionChange(old as Subscription | undefined, item as Subscription | undefined);
      const subscription = (item ?? old) as Subscription & { PK: string; updatedAt: string };
      if (change) {
        const userId = (subscription.PK as string).slice('USER#'.length);
        events.push({
          eventId: eventIdOf('subscription', subscription.PK, subscription.publisherSlug, change, subscription.updatedAt ?? '', subscription.currentPeriodEnd),
          type: change,
          publisherSlug: subscription.publisherSlug,
          at: subscription.updatedAt ?? new Date().toISOString(),
          data: { reader: readerPseudonym(secret, userId, subscription.publisherSlug), plan: subscription.planId, kind: subscription.kind, status: subscription.status, periodEnd: subscription.currentPeriodEnd },
        });
      }
    }
  }
  return events;
}

/** What a change of a subscription record means to its publisher, judged by access (the record's own view of it). */
function subscriptionChange(old: Subscription | undefined, current: Subscription | undefined): WebhookEventType | undefined {
  // Judged as of the change itself, not of now: a replayed stream record means what it meant then.
  const at = (subscription: Subscription | undefined) => (subscription ? new Date(subscription.updatedAt) : new Date(0));
  const before = old !== undefined && accessOfSubscription(old, at(old)) !== undefined;
  const after = current !== undefined && accessOfSubscription(current, at(current)) !== undefined;
  if (!before && after) return 'subscription.started';
  if (before && !after) return 'subscription.ended';
  if (before && after && old && current && current.currentPeriodEnd > old.currentPeriodEnd) return 'subscription.renewed';
  return undefined;
}

/** Adds the records' events to their publishers' logs (once each) and marks the endpoints that want them due. */
export async function captureWebhookEvents(db: Db, records: DynamoDBRecord[], secret: string, now: Date): Promise<number> {
  const events = webhookEventsIn(records, secret);
  const fresh: WebhookEvent[] = [];
  const expiresAt = Math.floor(now.getTime() / 1000) + EVENT_KEPT_SECONDS;
  for (const event of events) {
    // The next number first, then the event and its id's claim together: a redelivered event finds its claim and
    // leaves only a gap in the numbers; a crash between the two leaves a gap too, never a lost or doubled event.
    const { Attributes } = await db.doc.send(
      new UpdateCommand({ TableName: db.tableName, Key: webhookLogCounterKey(event.publisherSlug), UpdateExpression: 'ADD #seq :one', ExpressionAttributeNames: { '#seq': 'seq' }, ExpressionAttributeValues: { ':one': 1 }, ReturnValues: 'UPDATED_NEW' }),
    );
    const result = await transactWrite(db, [
      { Put: { TableName: db.tableName, Item: { ...webhookEventClaimKey(event.publisherSlug, event.eventId), type: 'webhook_event_claim', [TTL_ATTRIBUTE]: expiresAt }, ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { TableName: db.tableName, Item: { ...webhookEventKey(event.publisherSlug, Attributes!.seq as number), type: 'webhook_event', eventId: event.eventId, eventType: event.type, at: event.at, data: event.data, [TTL_ATTRIBUTE]: expiresAt } } },
    ]);
    if (result.committed) fresh.push(event);
    else if (result.reasons[0]?.code !== 'ConditionalCheckFailed') throw new Error(`Logging webhook event ${event.eventId} failed: ${result.reasons.map((reason) => reason.code).join(', ')}`);
  }
  const bySlug = new Map<string, Set<WebhookEventType>>();
  for (const event of fresh) bySlug.set(event.publisherSlug, (bySlug.get(event.publisherSlug) ?? new Set()).add(event.type));
  for (const [slug, types] of bySlug) {
    for (const endpoint of await listWebhooks(db, slug)) {
      if (endpoint.status !== 'enabled' || !endpoint.events.some((type) => types.has(type))) continue;
      // Due now (a delivery in progress then finds it due again when it ends), unless it is waiting out a retry: that schedule stands, and order is kept.
      const due = webhookDueKeys(now.toISOString(), slug, endpoint.webhookId);
      await conditionHeld(
        db.doc.send(
          new UpdateCommand({
            TableName: db.tableName,
            Key: webhookKey(slug, endpoint.webhookId),
            UpdateExpression: 'SET GSI2PK = :pk, GSI2SK = :sk',
            ConditionExpression: '#status = :enabled AND attribute_not_exists(failingSince)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pk': due.GSI2PK, ':sk': due.GSI2SK, ':enabled': 'enabled' },
          }),
        ),
      );
    }
  }
  return fresh.length;
}
