/**
 * Table stream → publisher posts and timelines: every article inserted with an
 * announce rank becomes its publisher's post (written once: its id comes from
 * the article's), and every newly inserted post is copied to its author's
 * followers' timelines. When something fails, the first sequence number
 * concerned is reported so Lambda retries from there (both writes are
 * idempotent, so the retry repeats nothing harmful). Earnings entries and
 * gift events are added to the publisher's stats rollup, each exactly once;
 * they and subscription changes become webhook events in their publisher's
 * log, each once (readers named by pseudonym, hence the reader-token key).
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { loadConfig } from '../shared/config.js';
import { createFeedDeps } from '../shared/runtime.js';
import { rollUpStats } from '../shared/publishers/stats-rollup.js';
import { resolveSecretEnv } from '../shared/secrets.js';
import { captureWebhookEvents } from '../shared/webhooks/webhook-events.js';
import { announceFromStream, fanOutNewPosts } from '../shared/social/post-stream.js';
import { createLambdaLogger } from './lambda-logger.js';
import { createLambdaMetrics } from './lambda-metrics.js';

const logger = createLambdaLogger('postwire-fanout-worker');
const { metrics, flushed } = createLambdaMetrics('postwire-fanout-worker');
const env = await resolveSecretEnv();
const config = loadConfig(env);
const { db } = createFeedDeps(config);

export const handler = flushed(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const announced = await announceFromStream(db, event.Records);
  if (announced.ok) {
    if (announced.created > 0) metrics.count('PublisherPostsCreated', announced.created);
  } else logger.error('Announcing new articles failed', { error: announced.error });
  const fanOuts = await fanOutNewPosts(db, event.Records, config.social);
  const batchItemFailures = fanOuts.flatMap(({ author, posts, sequenceNumbers, outcome }) => {
    if (outcome.ok) {
      logger.info('Fanned out', { author, posts: posts.length, entries: outcome.written });
      metrics.count('TimelineEntriesWritten', outcome.written);
      return [];
    }
    logger.error('Fan-out failed', { author, posts: posts.length, error: outcome.error });
    return [{ itemIdentifier: sequenceNumbers[0]! }];
  });
  if (!announced.ok) batchItemFailures.push({ itemIdentifier: announced.sequenceNumber });
  const rolledUp = await rollUpStats(db, event.Records);
  if (rolledUp.ok) {
    if (rolledUp.counted > 0) metrics.count('StatsEntriesRolledUp', rolledUp.counted);
  } else {
    logger.error('Stats rollup failed', { error: rolledUp.error });
    batchItemFailures.push({ itemIdentifier: rolledUp.sequenceNumber });
  }
  try {
    const logged = await captureWebhookEvents(db, event.Records, env.JWT_SECRET ?? '', new Date());
    if (logged > 0) metrics.count('WebhookEventsLogged', logged);
  } catch (error) {
    logger.error('Logging webhook events failed', { error: (error as Error).message });
    const first = event.Records[0]?.dynamodb?.SequenceNumber;
    if (first) batchItemFailures.push({ itemIdentifier: first });
  }
  return { batchItemFailures };
});
