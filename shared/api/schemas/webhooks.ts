/** Publishers' webhooks and their deliveries. The OpenAPI document is generated from these same objects. */
import { z } from '@hono/zod-openapi';
import { WEBHOOK_EVENTS } from '../../webhooks/webhook.js';
import { httpUrl } from './common.js';

export const WebhookSchema = z
  .object({
    webhookId: z.string().openapi({ example: 'wh_3kT9aQ2x' }),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    status: z.enum(['enabled', 'disabled']),
    createdAt: z.string(),
    failingSince: z.string().optional().openapi({ description: 'Deliveries have failed since then; they are retried with growing pauses for 3 days.' }),
    attempts: z.number().int().optional(),
    lastError: z.string().optional(),
    disabledAt: z.string().optional(),
    disabledReason: z.string().optional().openapi({ description: 'Why deliveries stopped; `POST …/enable` resumes them from where they stopped.' }),
    secretRetiresAt: z.string().optional().openapi({ description: 'While a replaced secret still signs (beside the new one): until then.' }),
  })
  .openapi('Webhook');

export const CreateWebhookBody = z
  .object({
    url: httpUrl.openapi({ example: 'https://hooks.worldwire.example/postwire' }),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length),
  })
  .strict()
  .openapi('CreateWebhook');

export const WebhookSecretSchema = z.object({ secret: z.string().openapi({ description: 'Shown once: `whsec_` and the key in base64 (Standard Webhooks).', example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }) });

export const WebhookDeliverySchema = z
  .object({
    deliveryId: z.string().openapi({ description: 'Names the event for `…/deliveries/{deliveryId}/replay`.' }),
    eventId: z.string(),
    eventType: z.string(),
    at: z.string(),
    ok: z.boolean(),
    status: z.number().int().optional(),
    error: z.string().optional(),
    ms: z.number().int(),
    replay: z.boolean().optional(),
  })
  .openapi('WebhookDelivery');

export const WebhookIdParam = z.object({ id: z.string().max(40).openapi({ param: { name: 'id', in: 'path' } }) });
