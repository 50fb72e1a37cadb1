/** Publishers in DynamoDB. Slug uniqueness is a condition on the write, never a read-then-write. */
import { conditionHeld } from '../db/conditional-write.js';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { queryIndexPage } from '../db/index-page.js';
import type { PageKey } from '../db/cursor.js';
import { INDEX, PUBLISHER_LIST_PK, publisherKey, publisherListKeys } from '../db/keys.js';
import { Conflict, NotFound } from '../errors.js';
import { SLUG_PATTERN, type Publisher, type PublisherSettings } from './publisher.js';

export interface StoredPublisher extends Publisher {
  apiKeyHash: string;
}

const PUBLIC_FIELDS = ['slug', 'name', 'homepageUrl', 'articlePrice', 'freeArticlesPerMonth', 'plans', 'embedOrigins', 'freeAfterDays', 'sectionFreeAfterDays', 'createdAt', 'updatedAt'] as const;

export function toPublisher(item: Record<string, unknown>): Publisher {
  const publisher = Object.fromEntries(PUBLIC_FIELDS.filter((field) => item[field] !== undefined).map((field) => [field, item[field]])) as unknown as Publisher;
  // Plans stored before currencies and card trials existed were dollar plans with card-less trials.
  if (publisher.plans) publisher.plans = publisher.plans.map((plan) => ({ ...plan, currency: plan.currency ?? 'usd', trialRequiresCard: plan.trialRequiresCard ?? false }));
  return publisher;
}

export async function createPublisher(db: Db, publisher: StoredPublisher): Promise<void> {
  const created = await conditionHeld(
    db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...publisherKey(publisher.slug), ...publisherListKeys(publisher.slug), type: 'publisher', ...publisher },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    ),
  );
  if (!created) throw new Conflict(`The slug "${publisher.slug}" is already taken.`);
}

/** The publisher, if it exists; a slug that could never exist is answered without a read. */
export async function findPublisher(db: Db, slug: string): Promise<StoredPublisher | undefined> {
  if (!SLUG_PATTERN.test(slug)) return undefined;
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: publisherKey(slug) }));
  return Item ? ({ ...toPublisher(Item), apiKeyHash: Item.apiKeyHash as string } as StoredPublisher) : undefined;
}

/** The publisher, or 404. */
export async function getPublisher(db: Db, slug: string): Promise<Publisher> {
  const found = await findPublisher(db, slug);
  if (!found) throw new NotFound('The publisher');
  const { apiKeyHash: _hidden, ...publisher } = found;
  return publisher;
}

export async function getPublishers(db: Db, slugs: string[]): Promise<Map<string, Publisher>> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return new Map();
  const items = await batchGetAll(db, unique.map(publisherKey), [...PUBLIC_FIELDS]);
  return new Map(items.map((item) => [item.slug as string, toPublisher(item)]));
}

export async function listPublishers(db: Db, limit: number, startKey?: PageKey) {
  const page = await queryIndexPage(db, { index: INDEX.byPublisher, partition: PUBLISHER_LIST_PK, limit, startKey, ascending: true });
  return { items: page.items.map(toPublisher), lastKey: page.lastKey };
}

export async function updatePublisherSettings(db: Db, slug: string, settings: PublisherSettings, now: Date): Promise<Publisher> {
  // Sections match case-insensitively everywhere: their rules are kept by the lower-case name.
  const sections = settings.sectionFreeAfterDays && Object.fromEntries(Object.entries(settings.sectionFreeAfterDays).map(([section, days]) => [section.toLowerCase(), days]));
  const entries = Object.entries({ ...settings, ...(sections ? { sectionFreeAfterDays: sections } : {}), updatedAt: now.toISOString() }).filter(([, value]) => value !== undefined);
  const result = await db.doc
    .send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: publisherKey(slug),
        UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#f${i}`, name])),
        ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])),
        ConditionExpression: 'attribute_exists(PK)',
        ReturnValues: 'ALL_NEW',
      }),
    )
    .catch(rethrowMissing);
  db.publishers.delete(slug);
  return toPublisher(result.Attributes ?? {});
}

export async function replaceApiKeyHash(db: Db, slug: string, apiKeyHash: string, now: Date): Promise<void> {
  await db.doc
    .send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: publisherKey(slug),
        UpdateExpression: 'SET apiKeyHash = :hash, updatedAt = :now',
        ExpressionAttributeValues: { ':hash': apiKeyHash, ':now': now.toISOString() },
        ConditionExpression: 'attribute_exists(PK)',
      }),
    )
    .catch(rethrowMissing);
}

function rethrowMissing(error: unknown): never {
  if (error instanceof ConditionalCheckFailedException) throw new NotFound('The publisher');
  throw error;
}
