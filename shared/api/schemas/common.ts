/** What every route's schemas share: the error shape and its responses, pages and their query, the idempotency header. The OpenAPI document is generated from these same objects. */
import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      details: z.unknown().optional(),
      requestId: z.string().optional(),
    }),
  })
  .openapi('Error');

export const httpUrl = z
  .string()
  .max(2048)
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'must be an http or https URL');

/** Security of routes open to everyone where a reader token adds the viewer's own state. */
export const OPTIONAL_READER: Array<Record<string, string[]>> = [{}, { bearer: [] }];

/** A JSON response entry for a route's `responses`. */
export const jsonResponse = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

export const pageOf = <T extends z.ZodTypeAny>(item: T, name: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20).openapi({ param: { name: 'limit', in: 'query' } }),
  cursor: z.string().max(2048).optional().openapi({ param: { name: 'cursor', in: 'query' } }),
});

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

export const errorResponses = (...statuses: ErrorStatus[]) =>
  Object.fromEntries(
    statuses.map((status) => [status, { description: ERROR_DESCRIPTIONS[status], content: { 'application/json': { schema: ErrorSchema } } }]),
  );

/** The same entries for a generated document (no zod left in it): the error shape by reference. */
export const errorResponseDocs = (...statuses: ErrorStatus[]) =>
  Object.fromEntries(
    statuses.map((status) => [status, { description: ERROR_DESCRIPTIONS[status], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]),
  );

const ERROR_DESCRIPTIONS = {
  400: 'Validation failed',
  401: 'Missing or invalid credentials',
  403: 'Credentials not allowed here',
  404: 'Not found',
  409: 'Conflict',
  413: 'Body too large',
  415: 'Unsupported media type',
  422: 'Not a readable feed',
  429: 'Rate limited',
  500: 'Unexpected failure: the same error shape, never a stack trace',
  503: 'Contention: nothing changed; retry after the Retry-After seconds',
} as const;

export const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description: 'Makes retries safe: a replay within 24 hours returns the first response and changes nothing.',
    }),
});
