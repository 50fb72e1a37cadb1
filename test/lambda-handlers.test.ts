/**
 * The Lambda entry points, called the way Lambda calls them, against DynamoDB
 * Local and the fixture server.
 */
import type { SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertJava } from '../scripts/dynamodb-local.js';
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

function sqsEvent(bodies: string[]): SQSEvent {
  return {
    Records: bodies.map((body, i) => ({
      messageId: `m-${i}`,
      receiptHandle: `r-${i}`,
      body,
      attributes: { ApproximateReceiveCount: '1', SentTimestamp: '0', SenderId: 's', ApproximateFirstReceiveTimestamp: '0' },
      messageAttributes: {},
      md5OfBody: '',
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-west-1:123456789012:feed-jobs',
      awsRegion: 'eu-west-1',
    })),
  };
}

describe('the feed worker Lambda', () => {
  it('polls one feed per message and reports only the messages it could not process', async () => {
    const feedId = await registerFixtureFeed('worker-pub', '/worker.xml', rss2(articleItems(2, 'worker')));
    process.env.TABLE_NAME = stack.deps.config.tableName;
    process.env.DYNAMODB_ENDPOINT = stack.deps.config.dynamoEndpoint;
    process.env.ADMIN_TOKEN = ADMIN_TOKEN;
    process.env.FEED_ALLOW_PRIVATE_HOSTS = 'true';
    const { handler } = await import('../functions/feed-worker.js');
    const result = await handler(sqsEvent([JSON.stringify({ publisherSlug: 'worker-pub', feedId }), 'not json']));
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm-1' }] });
    const articles = (await (await stack.request('/v1/articles?publisher=worker-pub')).json()) as { items: unknown[] };
    expect(articles.items).toHaveLength(2);
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
      /^DynamoDB Local needs Java 17 or newer and none was found: install it with "sudo apt-get install -y default-jre-headless"/,
    );
  });
});
