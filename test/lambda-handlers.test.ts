/**
 * The Lambda entry points, called the way Lambda calls them, against DynamoDB
 * Local and the fixture server.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { httpEvent, sqsEvent } from './support/lambda-events.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertJava } from '../scripts/dynamodb-local.js';
import { ALL_ROUTES } from '../shared/api/all-routes.js';
import { createDeps } from '../shared/api/api-deps.js';
import { buildApp } from '../shared/api/app.js';
import { loadApiConfig } from '../shared/config.js';
import { feedJobBody, parseFeedJob } from '../shared/feeds/feed-job.js';
import { startLocalPoller } from '../shared/feeds/local-poller.js';
import { createConsoleLogger } from '../shared/logger.js';
import { articleItems, rss2 } from './support/feeds.js';
import { FIXTURE_HOST, serve, startFixtureServer, type FixtureServer } from './support/fixture-server.js';
import { ADMIN_TOKEN, createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
let fixtures: FixtureServer;

beforeAll(async () => {
  fixtures = await startFixtureServer();
  stack = await createTestStack({ env: { FEED_ALLOW_PRIVATE_HOSTS: 'true' } });
});

afterAll(async () => {
  await fixtures.close();
});

async function registerFixtureFeed(slug: string, path: string, body: string) {
  fixtures.route(path, serve(body));
  const { auth } = await stack.createPublisher(slug);
  const response = await stack.request('/v1/publisher/feeds', {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ url: fixtures.url(path) }),
  });
  return ((await response.json()) as { feed: { feedId: string } }).feed.feedId;
}

describe('the feed worker Lambda', () => {
  it('polls one feed per message and reports only the messages it could not process', async () => {
    const feedId = await registerFixtureFeed('worker-pub', '/worker.xml', rss2(articleItems(2, 'worker')));
    process.env.TABLE_NAME = stack.deps.config.tableName;
    process.env.DYNAMODB_ENDPOINT = stack.deps.config.dynamoEndpoint;
    process.env.ADMIN_TOKEN = ADMIN_TOKEN;
    process.env.FEED_ALLOW_PRIVATE_HOSTS = 'true';
    const { handler } = await import('../functions/feed-worker.js');
    const result = await handler(
      sqsEvent([
        JSON.stringify({ publisherSlug: 'worker-pub', feedId }),
        'not json',
        JSON.stringify({ publisherSlug: '../etc', feedId }),
        JSON.stringify({ publisherSlug: 'worker-pub' }),
      ]),
    );
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }, { itemIdentifier: 'm-2' }, { itemIdentifier: 'm-3' }] });
    const articles = (await (await stack.request('/v1/articles?publisher=worker-pub')).json()) as { items: unknown[] };
    expect(articles.items).toHaveLength(2);
  });
});

describe('the three API functions behind one HTTP API', () => {
  it('each answers its own routes, and the main API documents all of them', async () => {
    const { auth } = await stack.createPublisher('split-pub');
    Object.assign(process.env, {
      TABLE_NAME: stack.deps.config.tableName,
      DYNAMODB_ENDPOINT: stack.deps.config.dynamoEndpoint,
      ADMIN_TOKEN,
      STRIPE_SECRET_KEY: 'sk_test_split',
      STRIPE_WEBHOOK_SECRET: 'whsec_split',
    });
    const functions = {
      api: () => import('../functions/api.js'),
      'publisher-api': () => import('../functions/publisher-api.js'),
      'payments-api': () => import('../functions/payments-api.js'),
    };
    const call = async (fn: keyof typeof functions, event: APIGatewayProxyEventV2) => {
      const { handler } = (await functions[fn]()) as unknown as { handler: (event: APIGatewayProxyEventV2, context: unknown) => Promise<APIGatewayProxyStructuredResultV2> };
      const result = await handler(event, {});
      return { status: result.statusCode, body: JSON.parse(result.body ?? 'null') };
    };

    const pushed = await call('publisher-api', httpEvent('POST', '/v1/publisher/ingest', { ...auth, 'content-type': 'application/rss+xml' }, rss2(articleItems(2, 'split'))));
    expect(pushed).toMatchObject({ status: 200, body: { created: 2, updated: 0 } });
    const articles = await call('api', httpEvent('GET', '/v1/articles'));
    expect(articles.body.items.map((item: { title: string }) => item.title)).toEqual(expect.arrayContaining(['Story number 0 from the wires']));
    const webhook = await call('payments-api', httpEvent('POST', '/v1/webhooks/stripe', { 'content-type': 'application/json' }, '{"type":"checkout.session.completed"}'));
    expect(webhook).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });

    // Each function answers only its share: a mis-routed request is a clear 404, not a half-built handler.
    expect((await call('api', httpEvent('POST', '/v1/publisher/ingest', auth, '<rss/>'))).status).toBe(404);
    expect((await call('publisher-api', httpEvent('GET', '/v1/articles'))).status).toBe(404);
    expect((await call('payments-api', httpEvent('GET', '/v1/publisher', auth))).status).toBe(404);

    const documented = await call('api', httpEvent('GET', '/openapi.json'));
    // The same configuration as the functions, every route in one app: what the three serve together.
    const whole = buildApp(createDeps(loadApiConfig(process.env), createConsoleLogger('test', true)), ALL_ROUTES);
    const everything = (await (await whole.request('/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = (paths: Record<string, Record<string, unknown>>) => Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`)).sort();
    expect(operations(documented.body.paths)).toEqual(operations(everything.paths));
    expect(documented.body.paths['/v1/publisher/ingest'].post.requestBody.content).toHaveProperty(['application/rss+xml']);
  });
});

describe('the local poller', () => {
  it('fetches due feeds in-process on the same path as the Lambda functions', async () => {
    await registerFixtureFeed('local-pub', '/local.xml', rss2(articleItems(3, 'local')));
    const poller = startLocalPoller(
      { ...stack.deps.feedRuntime, trustedAddresses: [FIXTURE_HOST] },
      createConsoleLogger('test', true),
      { intervalMs: 60_000, concurrency: 2 },
    );
    await poller.tick();
    await poller.stop();
    const articles = (await (await stack.request('/v1/articles?publisher=local-pub')).json()) as { items: unknown[] };
    expect(articles.items).toHaveLength(3);
  });
});

describe('starting without Java', () => {
  it('says in one sentence how to install it', () => {
    expect(() => assertJava('java-that-does-not-exist')).toThrow(
      /^DynamoDB Local needs Java 17 or newer and none was found\. Install it with sudo apt-get install -y default-jre-headless/,
    );
  });
});

describe('feed job messages', () => {
  it('are read with a schema that says what is wrong with a message that is not one', () => {
    expect(parseFeedJob(feedJobBody({ publisherSlug: 'worker-pub', feedId: '0123456789abcdef' }))).toEqual({ publisherSlug: 'worker-pub', feedId: '0123456789abcdef' });
    expect(() => parseFeedJob('not json')).toThrow(/not JSON/);
    expect(() => parseFeedJob(JSON.stringify({ publisherSlug: 'Bad Slug', feedId: 'xyz' }))).toThrow(/publisherSlug must be a publisher slug; feedId must be a feed id/);
  });
});
