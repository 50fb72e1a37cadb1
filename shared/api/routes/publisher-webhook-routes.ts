/** A publisher managing its webhook endpoints. Served by the publisher function. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { webhookDeliveriesPk } from '../../db/keys.js';
import { NotFound, ValidationFailed } from '../../errors.js';
import { refusalOfFeedUrl } from '../../feeds/fetch/feed-url-check.js';
import { fetchPolicyOf } from '../../feeds/poll-feed.js';
import { replayEvent } from '../../webhooks/webhook-delivery.js';
import { createWebhook, deleteWebhook, enableWebhook, getWebhook, listWebhooks, rotateWebhookSecret } from '../../webhooks/webhook-store.js';
import type { WebhookEndpoint } from '../../webhooks/webhook.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { requirePublisher } from '../auth.js';
import { webhookRouteSpecs as spec } from './webhook-route-specs.js';

/** An endpoint as its publisher sees it: never its secrets. */
function shown(endpoint: WebhookEndpoint) {
  const { secrets, cursor: _cursor, publisherSlug: _slug, ...rest } = endpoint;
  const retiring = secrets.find((secret) => secret.retiresAt)?.retiresAt;
  return { ...rest, ...(retiring ? { secretRetiresAt: retiring } : {}) };
}

export function registerPublisherWebhookRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const auth = requirePublisher(deps);
  const gate = () => fetchPolicyOf(deps.feedRuntime);
  const delivery = () => ({ ...gate(), now: deps.now });

  app.openapi({ ...spec.create, middleware: auth }, async (c) => {
    const { url, events } = c.req.valid('json');
    const policy = gate();
    const refusal = await refusalOfFeedUrl(url, policy, policy.resolver);
    if (refusal) {
      const message = refusal.replace('Feeds on non-public addresses cannot be fetched', 'Webhooks cannot be sent to non-public addresses').replace('Feed URLs', 'Webhook URLs').replace('feeds must be readable by anyone', 'sign with the secret instead');
      throw new ValidationFailed(message, [{ field: 'url', message }]);
    }
    const endpoint = await createWebhook(deps.db, { slug: c.get('publisher').slug, url, events, now: deps.now() });
    return c.json({ webhook: shown(endpoint), secret: endpoint.secrets[0]!.secret }, 201);
  });

  app.openapi({ ...spec.list, middleware: auth }, async (c) => c.json({ items: (await listWebhooks(deps.db, c.get('publisher').slug)).map(shown) }, 200));

  app.openapi({ ...spec.remove, middleware: auth }, async (c) => {
    await deleteWebhook(deps.db, c.get('publisher').slug, c.req.valid('param').id);
    return c.body(null, 204);
  });

  app.openapi({ ...spec.rotate, middleware: auth }, async (c) => c.json({ secret: await rotateWebhookSecret(deps.db, c.get('publisher').slug, c.req.valid('param').id, deps.now()) }, 200));

  app.openapi({ ...spec.enable, middleware: auth }, async (c) => {
    const slug = c.get('publisher').slug;
    await enableWebhook(deps.db, slug, c.req.valid('param').id, deps.now());
    return c.json({ webhook: shown(await getWebhook(deps.db, slug, c.req.valid('param').id)) }, 200);
  });

  app.openapi({ ...spec.deliveries, middleware: auth }, async (c) => {
    const slug = c.get('publisher').slug;
    const { id } = c.req.valid('param');
    await getWebhook(deps.db, slug, id);
    const { Items = [] } = await deps.db.doc.send(new QueryCommand({ TableName: deps.db.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': webhookDeliveriesPk(slug, id) }, ScanIndexForward: false, Limit: 50 }));
    const items = Items.map((item) => ({
      deliveryId: Buffer.from(item.eventKey as string).toString('base64url'),
      eventId: item.eventId as string,
      eventType: item.eventType as string,
      at: item.at as string,
      ok: item.ok as boolean,
      ...(item.status ? { status: item.status as number } : {}),
      ...(item.error ? { error: item.error as string } : {}),
      ms: item.ms as number,
      ...(item.replay ? { replay: true } : {}),
    }));
    return c.json({ items }, 200);
  });

  app.openapi({ ...spec.replay, middleware: auth }, async (c) => {
    const { id, deliveryId } = c.req.valid('param');
    const eventKey = Buffer.from(deliveryId, 'base64url').toString('utf8');
    if (!/^E#\d{12}$/.test(eventKey)) throw new NotFound('The delivery');
    const attempt = await replayEvent(deps.db, c.get('publisher').slug, id, eventKey, delivery());
    return c.json({ deliveryId, eventId: attempt.eventId, eventType: attempt.eventType, at: deps.now().toISOString(), ok: attempt.ok, ...(attempt.status ? { status: attempt.status } : {}), ...(attempt.error ? { error: attempt.error } : {}), ms: attempt.ms, replay: true }, 200);
  });
}
