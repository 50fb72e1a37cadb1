/**
 * Delivering a publisher's events to one endpoint, in order: from the
 * endpoint's cursor in the publisher's log, each event it subscribed to is
 * POSTed, signed; a 2xx moves the cursor on (a conditional update, so two
 * workers never both move it), anything else stops the endpoint and schedules
 * a retry with growing pauses. After three days of failures the endpoint is
 * disabled and says why. Each endpoint is its own queue: a slow or failing one
 * delays no one else. The URL passes the same address guard as feed URLs,
 * checked again at every connection.
 */
import { WEBHOOK_POST_TIMEOUT_MS } from '../job-margins.js';
import http from 'node:http';
import https from 'node:https';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { conditionHeld } from '../db/conditional-write.js';
import { INDEX, WEBHOOK_EVENT_SK_PREFIX, WEBHOOKS_DUE_PK, webhookDeliveryKey, webhookDueKeys, webhookKey, webhookLogPk } from '../db/keys.js';
import { TTL_ATTRIBUTE } from '../db/table-schema.js';
import { NotFound } from '../errors.js';
import { guardedLookup, type AddressGate, type Resolver } from '../feeds/fetch/guarded-lookup.js';
import { signatureHeaders } from './webhook-signature.js';
import { getWebhook } from './webhook-store.js';
import { RETRY_FOR_MS, retryDelayMs, type WebhookEndpoint } from './webhook.js';

export interface DeliveryOptions extends AddressGate {
  now: () => Date;
  timeoutMs?: number;
  resolver?: Resolver;
  /** Stop before this moment (epoch ms), leaving the endpoint due: a Lambda stops before its timeout. */
  deadline?: number | undefined;
}

export interface DeliveryAttempt {
  ok: boolean;
  status?: number | undefined;
  error?: string | undefined;
  ms: number;
}

/** Delivery records are kept a month: what the publisher lists and may replay. */
const DELIVERY_KEPT_SECONDS = 30 * 86400;
/** Events read from the log at a time. */
const PAGE = 25;
/** A claimed endpoint is someone's for this long. */
const LEASE_MS = 5 * 60_000;

/** One signed POST, refused before connecting when the address is not public. */
export async function postEvent(url: string, body: string, headers: Record<string, string>, options: DeliveryOptions): Promise<DeliveryAttempt> {
  const started = performance.now();
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const done = (attempt: Omit<DeliveryAttempt, 'ms'>) => resolve({ ...attempt, ms: Math.round(performance.now() - started) });
    const request = client.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'postwire-webhooks/1' },
        lookup: guardedLookup(options, options.resolver),
        timeout: options.timeoutMs ?? WEBHOOK_POST_TIMEOUT_MS,
      },
      (response) => {
        // The answer's body is not needed: drain it and keep only the status.
        response.resume();
        const status = response.statusCode ?? 0;
        response.on('end', () => done(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `HTTP ${status}` }));
        response.on('error', (error) => done({ ok: false, status, error: error.message }));
      },
    );
    // The socket's idle timeout alone lets a receiver that trickles a byte at a time hold the run: the whole request is bounded too.
    const timeoutMs = options.timeoutMs ?? WEBHOOK_POST_TIMEOUT_MS;
    const whole = setTimeout(() => request.destroy(new Error(`no complete answer within ${timeoutMs} ms`)), timeoutMs);
    request.on('close', () => clearTimeout(whole));
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error) => done({ ok: false, error: error.message }));
    request.end(body);
  });
}

const bodyOf = (event: Record<string, unknown>, slug: string) =>
  JSON.stringify({ id: event.eventId, type: event.eventType, createdAt: event.at, publisher: slug, data: event.data });

async function send(db: Db, endpoint: WebhookEndpoint, event: Record<string, unknown>, options: DeliveryOptions, replay = false): Promise<DeliveryAttempt> {
  const now = options.now();
  const body = bodyOf(event, endpoint.publisherSlug);
  const secrets = endpoint.secrets.filter((secret) => !secret.retiresAt || secret.retiresAt > now.toISOString()).map((secret) => secret.secret);
  const attempt = await postEvent(endpoint.url, body, signatureHeaders(secrets, event.eventId as string, Math.floor(now.getTime() / 1000), body), options);
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...webhookDeliveryKey(endpoint.publisherSlug, endpoint.webhookId, now.toISOString(), event.eventId as string),
        type: 'webhook_delivery',
        eventId: event.eventId,
        eventType: event.eventType,
        eventKey: event.SK,
        at: now.toISOString(),
        ok: attempt.ok,
        ...(attempt.status ? { status: attempt.status } : {}),
        ...(attempt.error ? { error: attempt.error.slice(0, 300) } : {}),
        ms: attempt.ms,
        ...(replay ? { replay: true } : {}),
        [TTL_ATTRIBUTE]: Math.floor(now.getTime() / 1000) + DELIVERY_KEPT_SECONDS,
      },
    }),
  );
  return attempt;
}

/**
 * Delivers what is pending for one endpoint, in order, until done or a failure; answers how many were
 * delivered. `lease` is the due mark this worker claimed: only while it still stands is the endpoint taken
 * off the due list at the end (a newer mark means events arrived meanwhile).
 */
export async function deliverEndpoint(db: Db, slug: string, webhookId: string, options: DeliveryOptions, lease: string): Promise<number> {
  let endpoint = await getWebhook(db, slug, webhookId);
  let delivered = 0;
  for (;;) {
    if (endpoint.status !== 'enabled') return delivered;
    if (pastDeadline(options)) {
      await markDue(db, endpoint, options.now());
      return delivered;
    }
    const { Items: events = [] } = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: endpoint.cursor ? 'PK = :pk AND SK BETWEEN :after AND :last' : 'PK = :pk AND begins_with(SK, :events)',
        ExpressionAttributeValues: { ':pk': webhookLogPk(slug), ...(endpoint.cursor ? { ':after': `${endpoint.cursor}\u0000`, ':last': `${WEBHOOK_EVENT_SK_PREFIX}\uffff` } : { ':events': WEBHOOK_EVENT_SK_PREFIX }) },
        Limit: PAGE,
        ConsistentRead: true,
      }),
    );
    for (const event of events) {
      // Checked before every delivery, not every page: a page of slow endpoints' answers would run far past it.
      if (pastDeadline(options)) {
        await markDue(db, endpoint, options.now());
        return delivered;
      }
      const wanted = endpoint.events.includes(event.eventType as WebhookEndpoint['events'][number]);
      const attempt = wanted ? await send(db, endpoint, event, options) : { ok: true, ms: 0 };
      if (!attempt.ok) {
        await scheduleRetry(db, endpoint, attempt, options.now());
        return delivered;
      }
      if (!(await moveCursor(db, endpoint, event.SK as string))) return delivered; // another worker has it
      endpoint = { ...endpoint, cursor: event.SK as string, failingSince: undefined, attempts: 0 };
      if (wanted) delivered++;
    }
    if (events.length < PAGE) {
      await settle(db, endpoint, lease);
      return delivered;
    }
  }
}

/** The function's own time is real time (Lambda's remaining time), whatever clock the domain is given. */
function pastDeadline(options: DeliveryOptions): boolean {
  return options.deadline !== undefined && Date.now() > options.deadline;
}

async function moveCursor(db: Db, endpoint: WebhookEndpoint, to: string): Promise<boolean> {
  return conditionHeld(
    db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: webhookKey(endpoint.publisherSlug, endpoint.webhookId),
        UpdateExpression: 'SET #cursor = :to REMOVE failingSince, attempts, lastError',
        ConditionExpression: endpoint.cursor ? '#cursor = :from' : 'attribute_not_exists(#cursor)',
        ExpressionAttributeNames: { '#cursor': 'cursor' },
        ExpressionAttributeValues: { ':to': to, ...(endpoint.cursor ? { ':from': endpoint.cursor } : {}) },
      }),
    ),
  );
}

/** Nothing left: the endpoint leaves the due list, unless an event arrived meanwhile (it marked the endpoint due anew). */
async function settle(db: Db, endpoint: WebhookEndpoint, lease: string): Promise<void> {
  await conditionHeld(
    db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: webhookKey(endpoint.publisherSlug, endpoint.webhookId),
        UpdateExpression: 'REMOVE GSI2PK, GSI2SK',
        ConditionExpression: 'GSI2SK = :lease',
        ExpressionAttributeValues: { ':lease': lease },
      }),
    ),
  );
}

async function scheduleRetry(db: Db, endpoint: WebhookEndpoint, attempt: DeliveryAttempt, now: Date): Promise<void> {
  const failingSince = endpoint.failingSince ?? now.toISOString();
  const attempts = (endpoint.attempts ?? 0) + 1;
  const key = webhookKey(endpoint.publisherSlug, endpoint.webhookId);
  if (now.getTime() - Date.parse(failingSince) >= RETRY_FOR_MS) {
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: key,
        UpdateExpression: 'SET #status = :disabled, disabledAt = :now, disabledReason = :why, lastError = :error REMOVE GSI2PK, GSI2SK',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':disabled': 'disabled', ':now': now.toISOString(), ':why': `Deliveries failed for 3 days (last: ${attempt.error ?? 'no answer'}); events are kept 7 days: enable it again to receive them.`, ':error': attempt.error ?? 'no answer' },
      }),
    );
    return;
  }
  const due = webhookDueKeys(new Date(now.getTime() + retryDelayMs(attempts)).toISOString(), endpoint.publisherSlug, endpoint.webhookId);
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: key,
      UpdateExpression: 'SET failingSince = :since, attempts = :attempts, lastError = :error, GSI2PK = :pk, GSI2SK = :sk',
      ExpressionAttributeValues: { ':since': failingSince, ':attempts': attempts, ':error': attempt.error ?? 'no answer', ':pk': due.GSI2PK, ':sk': due.GSI2SK },
    }),
  );
}

/** Out of time with events left: due again at once, for the next run. */
async function markDue(db: Db, endpoint: WebhookEndpoint, now: Date): Promise<void> {
  const due = webhookDueKeys(now.toISOString(), endpoint.publisherSlug, endpoint.webhookId);
  await db.doc.send(new UpdateCommand({ TableName: db.tableName, Key: webhookKey(endpoint.publisherSlug, endpoint.webhookId), UpdateExpression: 'SET GSI2PK = :pk, GSI2SK = :sk', ExpressionAttributeValues: { ':pk': due.GSI2PK, ':sk': due.GSI2SK } }));
}

export interface DueEndpoint {
  slug: string;
  webhookId: string;
  /** The due mark this claim set: see deliverEndpoint. */
  lease: string;
}

/** Claims the endpoints due now, each for a lease, so no two workers deliver to one endpoint at once. */
export async function claimDueWebhooks(db: Db, now: Date): Promise<DueEndpoint[]> {
  const { Items = [] } = await db.doc.send(
    new QueryCommand({ TableName: db.tableName, IndexName: INDEX.global, KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK <= :now', ExpressionAttributeValues: { ':pk': WEBHOOKS_DUE_PK, ':now': `${now.toISOString()}#~` }, Limit: 100 }),
  );
  const claimed: DueEndpoint[] = [];
  for (const item of Items) {
    const [, slug, webhookId] = (item.GSI2SK as string).split('#') as [string, string, string];
    const lease = webhookDueKeys(new Date(now.getTime() + LEASE_MS).toISOString(), slug, webhookId);
    const mine = await conditionHeld(
      db.doc.send(new UpdateCommand({ TableName: db.tableName, Key: webhookKey(slug, webhookId), UpdateExpression: 'SET GSI2SK = :lease', ConditionExpression: 'GSI2SK = :seen', ExpressionAttributeValues: { ':lease': lease.GSI2SK, ':seen': item.GSI2SK } })),
    );
    if (mine) claimed.push({ slug, webhookId, lease: lease.GSI2SK });
  }
  return claimed;
}

/** On one machine: claims the endpoints due and delivers to each, in parallel (a slow one holds up only itself); answers the events delivered. */
export async function deliverDueWebhooks(db: Db, options: DeliveryOptions): Promise<number> {
  const claimed = await claimDueWebhooks(db, options.now());
  const counts = await Promise.all(claimed.map(({ slug, webhookId, lease }) => deliverEndpoint(db, slug, webhookId, options, lease).catch(() => 0)));
  return counts.reduce((sum, count) => sum + count, 0);
}

/** Sends one logged event again, now, whatever the endpoint's cursor (the publisher asked). */
export async function replayEvent(db: Db, slug: string, webhookId: string, eventKey: string, options: DeliveryOptions): Promise<DeliveryAttempt & { eventId: string; eventType: string }> {
  const endpoint = await getWebhook(db, slug, webhookId);
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: { PK: webhookLogPk(slug), SK: eventKey } }));
  if (!Item) throw new NotFound('The event (events are kept 7 days)');
  return { ...(await send(db, endpoint, Item, options, true)), eventId: Item.eventId as string, eventType: Item.eventType as string };
}
