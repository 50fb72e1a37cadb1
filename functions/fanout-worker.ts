/** SQS → timelines: each message is one author's new posts, copied to their followers' timelines. */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { loadConfig } from '../shared/config.js';
import { createFeedDeps } from '../shared/runtime.js';
import type { FanOutJob } from '../shared/social/fan-out-jobs.js';
import { fanOutPosts } from '../shared/social/timeline.js';
import { createLambdaLogger } from './lambda-logger.js';
import { createLambdaMetrics } from './lambda-metrics.js';

const logger = createLambdaLogger('postwire-fanout-worker');
const { metrics, flushed } = createLambdaMetrics('postwire-fanout-worker');
const config = loadConfig();
const { db } = createFeedDeps(config);

export const handler = flushed(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const results = await Promise.allSettled(
    event.Records.map(async (record) => {
      const job = JSON.parse(record.body) as FanOutJob;
      const written = await fanOutPosts(db, job.author, job.posts, config.social);
      logger.info('Fanned out', { author: job.author, posts: job.posts.length, entries: written });
      metrics.count('TimelineEntriesWritten', written);
    }),
  );
  const batchItemFailures = results.flatMap((result, i) => {
    if (result.status === 'fulfilled') return [];
    logger.error('Fan-out failed', { messageId: event.Records[i]!.messageId, error: String(result.reason) });
    return [{ itemIdentifier: event.Records[i]!.messageId }];
  });
  return { batchItemFailures };
});
