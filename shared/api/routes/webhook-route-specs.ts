/** A publisher's webhooks as route data: the publisher function serves them, the main API documents them. */
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, jsonResponse } from '../schemas/common.js';
import { CreateWebhookBody, WebhookDeliverySchema, WebhookIdParam, WebhookSchema, WebhookSecretSchema } from '../schemas/webhooks.js';

const common = { tags: ['publisher'], security: [{ bearer: [] }] };
const DeliveryParams = WebhookIdParam.extend({ deliveryId: z.string().max(200).openapi({ param: { name: 'deliveryId', in: 'path' } }) });

export const webhookRouteSpecs = {
  create: createRoute({ operationId: 'createWebhook', summary: 'Register a webhook endpoint',
    ...common,
    method: 'post',
    path: '/v1/publisher/webhooks',
    description:
      'Events from now on are POSTed as JSON `{id, type, createdAt, publisher, data}`, signed as Standard Webhooks do: `webhook-id`, `webhook-timestamp`, and `webhook-signature: v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`. Delivery is at least once (deduplicate by `id`), in order per publisher; failures are retried with growing pauses for 3 days, then the endpoint is disabled. The URL must be on a public address, checked now and at every delivery. The secret is shown once.',
    request: { body: { required: true, content: { 'application/json': { schema: CreateWebhookBody } } } },
    responses: { 201: jsonResponse(z.object({ webhook: WebhookSchema, secret: WebhookSecretSchema.shape.secret }), 'Registered'), ...errorResponses(400, 401, 409) },
  }),
  list: createRoute({ operationId: 'listWebhooks', summary: 'The publisher’s webhook endpoints and their state', ...common, method: 'get', path: '/v1/publisher/webhooks', responses: { 200: jsonResponse(z.object({ items: z.array(WebhookSchema) }), 'Endpoints'), ...errorResponses(401) } }),
  remove: createRoute({ operationId: 'deleteWebhook', summary: 'Remove a webhook endpoint', ...common, method: 'delete', path: '/v1/publisher/webhooks/{id}', request: { params: WebhookIdParam }, responses: { 204: { description: 'Removed' }, ...errorResponses(401, 404) } }),
  rotate: createRoute({ operationId: 'rotateWebhookSecret', summary: 'A new signing secret; the old one signs too for 24 hours',
    ...common,
    method: 'post',
    path: '/v1/publisher/webhooks/{id}/rotate-secret',
    request: { params: WebhookIdParam },
    responses: { 200: jsonResponse(WebhookSecretSchema, 'The new secret, shown once'), ...errorResponses(401, 404) },
  }),
  enable: createRoute({ operationId: 'enableWebhook', summary: 'Resume a disabled endpoint from where it stopped', ...common, method: 'post', path: '/v1/publisher/webhooks/{id}/enable', request: { params: WebhookIdParam }, responses: { 200: jsonResponse(z.object({ webhook: WebhookSchema }), 'Enabled'), ...errorResponses(401, 404) } }),
  deliveries: createRoute({ operationId: 'listWebhookDeliveries', summary: 'Recent delivery attempts to an endpoint', ...common, method: 'get', path: '/v1/publisher/webhooks/{id}/deliveries', request: { params: WebhookIdParam }, responses: { 200: jsonResponse(z.object({ items: z.array(WebhookDeliverySchema) }), 'The newest 50 attempts, newest first (kept 30 days)'), ...errorResponses(401, 404) } }),
  replay: createRoute({ operationId: 'replayWebhookDelivery', summary: 'Send one event to the endpoint again, now',
    ...common,
    method: 'post',
    path: '/v1/publisher/webhooks/{id}/deliveries/{deliveryId}/replay',
    request: { params: DeliveryParams },
    responses: { 200: jsonResponse(WebhookDeliverySchema, 'The attempt'), ...errorResponses(401, 404) },
  }),
};
