/**
 * Table stream → timelines: every newly inserted post is copied to its author's
 * followers' timelines. When an author's posts fail, their first sequence
 * number is reported so Lambda retries from there (timeline writes are
 * idempotent puts, so the retry repeats nothing harmful).
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { loadConfig } from '../shared/config.js';
import { createFeedDeps } from '../shared/runtime.js';
import { fanOutNewPosts } from '../shared/social/post-stream.js';
import { createLambdaLogger } from './lambda-logger.js';
import { createLambdaMetrics } from './lambda-metrics.js';

const logger = createLambdaLogger('postwire-fanout-worker');
const { metrics, flushed } = createLambdaMetrics('postwire-fanout-worker');
const config = loadConfig();
const { db } = createFeedDeps(config);

export const handler = flushed(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
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
  return { batchItemFailures };
});
