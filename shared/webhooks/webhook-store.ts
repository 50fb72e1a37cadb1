/** Publishers' webhook endpoints: registration, secrets and their rotation, listing and removal. */
import { randomBytes } from 'node:crypto';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { conditionHeld } from '../db/conditional-write.js';
import { publisherPartition, WEBHOOK_EVENT_SK_PREFIX, WEBHOOK_SK_PREFIX, webhookDueKeys, webhookKey, webhookLogPk } from '../db/keys.js';
import { Conflict, NotFound } from '../errors.js';
import { newWebhookSecret } from './webhook-signature.js';
import type { WebhookEndpoint, WebhookEventType } from './webhook.js';

/** Endpoints a publisher may have. */
export const MAX_WEBHOOKS = 10;
/** How long a replaced secret still signs. */
export const SECRET_OVERLAP_MS = 24 * 3600_000;

const INTERNAL = ['PK', 'SK', 'type', 'GSI2PK', 'GSI2SK'];
const toEndpoint = (item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).filter(([name]) => !INTERNAL.includes(name))) as unknown as WebhookEndpoint;

export async function listWebhooks(db: Db, slug: string): Promise<WebhookEndpoint[]> {
  const { Items = [] } = await db.doc.send(
    new QueryCommand({ TableName: db.tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': publisherPartition(slug), ':prefix': WEBHOOK_SK_PREFIX }, ConsistentRead: true }),
  );
  return Items.map(toEndpoint);
}

export async function getWebhook(db: Db, slug: string, webhookId: string): Promise<WebhookEndpoint> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: webhookKey(slug, webhookId), ConsistentRead: true }));
  if (!Item) throw new NotFound('The webhook');
  return toEndpoint(Item);
}

/** A new endpoint, delivering events from now on; answers it with its secret (shown this once). */
export async function createWebhook(db: Db, input: { slug: string; url: string; events: WebhookEventType[]; now: Date }): Promise<WebhookEndpoint> {
  if ((await listWebhooks(db, input.slug)).length >= MAX_WEBHOOKS) throw new Conflict(`A publisher may have ${MAX_WEBHOOKS} webhook endpoints; remove one first.`);
  // From now on: its cursor starts at the end of the publisher's log as it is.
  const { Items = [] } = await db.doc.send(
    new QueryCommand({ TableName: db.tableName, KeyConditionExpression: 'PK = :pk AND begins_with(SK, :events)', ExpressionAttributeValues: { ':pk': webhookLogPk(input.slug), ':events': WEBHOOK_EVENT_SK_PREFIX }, ScanIndexForward: false, Limit: 1, ConsistentRead: true }),
  );
  const endpoint: WebhookEndpoint = {
    webhookId: `wh_${randomBytes(9).toString('base64url')}`,
    publisherSlug: input.slug,
    url: input.url,
    events: [...new Set(input.events)],
    secrets: [{ secret: newWebhookSecret() }],
    status: 'enabled',
    createdAt: input.now.toISOString(),
    ...(Items[0] ? { cursor: Items[0].SK as string } : {}),
  };
  await db.doc.send(new PutCommand({ TableName: db.tableName, Item: { ...webhookKey(input.slug, endpoint.webhookId), type: 'webhook', ...endpoint }, ConditionExpression: 'attribute_not_exists(PK)' }));
  return endpoint;
}

export async function deleteWebhook(db: Db, slug: string, webhookId: string): Promise<void> {
  const deleted = await conditionHeld(db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: webhookKey(slug, webhookId), ConditionExpression: 'attribute_exists(PK)' })));
  if (!deleted) throw new NotFound('The webhook');
}

/** A new secret in front; the previous one keeps signing for SECRET_OVERLAP_MS. Answers the new secret. */
export async function rotateWebhookSecret(db: Db, slug: string, webhookId: string, now: Date): Promise<string> {
  const endpoint = await getWebhook(db, slug, webhookId);
  const secret = newWebhookSecret();
  const current = endpoint.secrets.find((candidate) => !candidate.retiresAt);
  const secrets = [{ secret }, ...(current ? [{ secret: current.secret, retiresAt: new Date(now.getTime() + SECRET_OVERLAP_MS).toISOString() }] : [])];
  await db.doc.send(new UpdateCommand({ TableName: db.tableName, Key: webhookKey(slug, webhookId), UpdateExpression: 'SET secrets = :secrets', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':secrets': secrets } }));
  return secret;
}

/** Turns a disabled endpoint on again: deliveries resume from where they stopped. */
export async function enableWebhook(db: Db, slug: string, webhookId: string, now: Date): Promise<void> {
  // Due at once: what waited in the log goes out on the next delivery run.
  const due = webhookDueKeys(now.toISOString(), slug, webhookId);
  const enabled = await conditionHeld(
    db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: webhookKey(slug, webhookId),
        UpdateExpression: 'SET #status = :enabled, GSI2PK = :pk, GSI2SK = :sk REMOVE disabledAt, disabledReason, failingSince, attempts',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':enabled': 'enabled', ':pk': due.GSI2PK, ':sk': due.GSI2SK },
      }),
    ),
  );
  if (!enabled) throw new NotFound('The webhook');
}
