/**
 * The publisher API's routes as data: paths, schemas and responses. The publisher
 * function serves them (publisher-routes.ts); the main API function only lists
 * them in the OpenAPI document, and the CDK stack routes them to their function,
 * so all three always agree without the main API carrying feed parsing.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { errorResponses, IdempotencyHeader, PageQuery, pageOf, jsonResponse } from '../schemas/common.js';
import { ApiKeySchema, CreateFeedBody, FeedSchema, IngestSummarySchema, PublisherSchema, PublisherSettingsBody, PublisherStatsSchema, PayoutBalanceSchema, PayoutSchema, RefreshResultSchema, StatementFormatQuery, StatementParams, StatementSchema, StatsQuery } from '../schemas/publishers.js';

export const FEED_MEDIA_TYPES = ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml'];
/** Pushed with no type, or one that says nothing: read if the body looks like XML. */
export const SNIFFED_MEDIA_TYPES = ['', 'text/plain', 'application/octet-stream'];
const FeedIdParam = z.object({ feedId: z.string().openapi({ param: { name: 'feedId', in: 'path' } }) });
const common = { tags: ['publisher'], security: [{ bearer: [] }] };

export const publisherRouteSpecs = {
  get: createRoute({ operationId: 'getOwnPublisher', summary: 'The publisher’s own settings', ...common, method: 'get', path: '/v1/publisher', responses: { 200: jsonResponse(PublisherSchema, 'This publisher'), ...errorResponses(401) } }),

  updateSettings: createRoute({ operationId: 'updatePublisher', summary: 'Change prices, the free meter, plans and other settings',
    ...common,
    method: 'patch',
    path: '/v1/publisher',
    request: { headers: IdempotencyHeader, body: { required: true, content: { 'application/json': { schema: PublisherSettingsBody } } } },
    responses: { 200: jsonResponse(PublisherSchema, 'Updated settings'), ...errorResponses(400, 401) },
  }),

  rotateKey: createRoute({ operationId: 'rotateApiKey', summary: 'Replace the publisher’s API key',
    ...common,
    method: 'post',
    path: '/v1/publisher/keys/rotate',
    request: { headers: IdempotencyHeader },
    responses: { 200: jsonResponse(ApiKeySchema, 'The new key; the old one stops working now'), ...errorResponses(401) },
  }),

  createFeed: createRoute({ operationId: 'registerFeed', summary: 'Register a feed URL to poll',
    ...common,
    method: 'post',
    path: '/v1/publisher/feeds',
    request: { headers: IdempotencyHeader, body: { required: true, content: { 'application/json': { schema: CreateFeedBody } } } },
    responses: { 201: jsonResponse(z.object({ feed: FeedSchema }), 'Registered; the first fetch is due now'), ...errorResponses(400, 401, 409) },
  }),

  listFeeds: createRoute({ operationId: 'listFeeds', summary: 'Registered feeds with their fetch status',
    ...common,
    method: 'get',
    path: '/v1/publisher/feeds',
    responses: { 200: jsonResponse(z.object({ items: z.array(FeedSchema), nextCursor: z.null() }), 'Feeds with their fetch status'), ...errorResponses(401) },
  }),

  deleteFeed: createRoute({ operationId: 'deleteFeed', summary: 'Stop polling a feed',
    ...common,
    method: 'delete',
    path: '/v1/publisher/feeds/{feedId}',
    request: { headers: IdempotencyHeader, params: FeedIdParam },
    responses: { 204: { description: 'Deleted; its articles stay' }, ...errorResponses(401, 404) },
  }),

  refreshFeed: createRoute({ operationId: 'refreshFeed', summary: 'Fetch a feed now',
    ...common,
    method: 'post',
    path: '/v1/publisher/feeds/{feedId}/refresh',
    request: { headers: IdempotencyHeader, params: FeedIdParam },
    responses: { 200: jsonResponse(RefreshResultSchema, 'Fetched now (a paused feed is retried too)'), ...errorResponses(401, 404) },
  }),

  ingest: createRoute({ operationId: 'ingestFeed', summary: 'Push a feed document',
    ...common,
    method: 'post',
    path: '/v1/publisher/ingest',
    description: 'Push a whole RSS 2.0, RSS 0.9x, RDF or Atom document. New items are created, changed ones updated, unchanged ones cost nothing.',
    request: {
      headers: IdempotencyHeader,
      body: {
        required: true,
        content: Object.fromEntries(FEED_MEDIA_TYPES.map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }])),
      },
    },
    responses: { 200: jsonResponse(IngestSummarySchema, 'What the push changed'), ...errorResponses(401, 413, 415, 422) },
  }),

  stats: createRoute({ operationId: 'getPublisherStats', summary: 'Unlocks, earnings, subscribers and top articles for a period',
    ...common,
    method: 'get',
    path: '/v1/publisher/stats',
    request: { query: StatsQuery },
    responses: { 200: jsonResponse(PublisherStatsSchema, 'Unlocks, earnings, refunds, subscribers and top articles for a period'), ...errorResponses(400, 401) },
  }),

  payoutBalance: createRoute({ operationId: 'getPayoutBalance', summary: 'Earnings held, available and paid out',
    ...common,
    method: 'get',
    path: '/v1/publisher/balance',
    description: 'Earnings in US cents (1 point = 1 cent): held (refunds and disputes may still take them back), available for the next payout, in flight, and paid out so far.',
    responses: { 200: jsonResponse(PayoutBalanceSchema, 'The balance'), ...errorResponses(401) },
  }),

  statement: createRoute({ operationId: 'getStatement', summary: 'A month’s statement, in JSON or CSV',
    ...common,
    method: 'get',
    path: '/v1/publisher/statements/{month}',
    description:
      'The month’s statement in US cents: opening + earned − reversed − paid out = closing, with every entry. `Accept: text/csv` (or `?format=csv`, for a link) answers it as a spreadsheet.',
    request: { params: StatementParams, query: StatementFormatQuery },
    responses: {
      200: { description: 'The statement', content: { 'application/json': { schema: StatementSchema }, 'text/csv': { schema: z.string() } } },
      ...errorResponses(400, 401),
    },
  }),

  listPayouts: createRoute({ operationId: 'listPayouts', summary: 'Payouts, newest first',
    ...common,
    method: 'get',
    path: '/v1/publisher/payouts',
    request: { query: PageQuery },
    responses: { 200: jsonResponse(pageOf(PayoutSchema, 'PayoutPage'), 'Payouts, newest first'), ...errorResponses(400, 401) },
  }),
};
