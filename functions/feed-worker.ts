/**
 * SQS → one feed per message. Fetch and feed failures are recorded on the feed
 * by pollFeed; only our own failures (DynamoDB, a bug) and messages that are not
 * feed jobs are reported as batch item failures, so SQS retries them and, in
 * the end, parks them in the DLQ, where the alarm points an operator at them.
 */
import { createLambdaLogger } from './lambda-logger.js';
import { createLambdaMetrics } from './lambda-metrics.js';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { loadConfig } from '../shared/config.js';
import { parseFeedJob } from '../shared/feeds/feed-job.js';
import { pollFeed } from '../shared/feeds/poll-feed.js';
import { createFeedDeps } from '../shared/runtime.js';

const logger = createLambdaLogger('postwire-feed-worker');
const { metrics, flushed } = createLambdaMetrics('postwire-feed-worker');
const config = loadConfig();
const { feedRuntime } = createFeedDeps(config, { metrics });

export const handler = flushed(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const results = await Promise.allSettled(
    event.Records.map(async (record) => {
      const { publisherSlug, feedId } = parseFeedJob(record.body);
      const result = await pollFeed(feedRuntime, publisherSlug, feedId);
      if (result.outcome === 'failed') logger.warn('Feed fetch failed', { publisherSlug, feedId, error: result.error });
      else logger.info('Feed polled', { publisherSlug, feedId, outcome: result.outcome });
    }),
  );
  const batchItemFailures = results.flatMap((result, i) => {
    if (result.status === 'fulfilled') return [];
    // The Error itself, so the log carries its name, message and stack.
    logger.error('Feed job failed', { messageId: event.Records[i]!.messageId, error: result.reason });
    return [{ itemIdentifier: event.Records[i]!.messageId }];
  });
  return { batchItemFailures };
});
