/** Scheduled: claim the feeds that are due and queue one message per feed; turn free the articles whose time has come. */
import { createLambdaLogger } from './lambda-logger.js';
import { createLambdaMetrics } from './lambda-metrics.js';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { loadConfig } from '../shared/config.js';
import { turnFreeArticles } from '../shared/access/turn-free.js';
import { DEFAULT_DISPATCH, dispatchDueFeeds, type FeedJobSink } from '../shared/feeds/feed-dispatcher.js';
import { feedJobBody } from '../shared/feeds/feed-job.js';
import { createFeedDeps } from '../shared/runtime.js';

const logger = createLambdaLogger('postwire-feed-dispatcher');
const { metrics, flushed } = createLambdaMetrics('postwire-feed-dispatcher');
const config = loadConfig();
const { db } = createFeedDeps(config);
const sqs = new SQSClient({});
const queueUrl = config.feedQueueUrl;

/** SQS takes ten messages per batch call. */
const sink: FeedJobSink = {
  async enqueue(jobs) {
    for (let start = 0; start < jobs.length; start += 10) {
      const entries = jobs.slice(start, start + 10).map((job, i) => ({ Id: String(i), MessageBody: feedJobBody(job) }));
      const result = await sqs.send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
      // Feeds that could not be queued keep their lease and come back when it ends.
      if (result.Failed?.length) logger.warn('Some feeds were not queued', { failed: result.Failed.length });
    }
  },
};

export const handler = flushed(async (): Promise<{ dispatched: number }> => {
  if (!queueUrl) throw new Error('FEED_QUEUE_URL is not set.');
  // Every shard of the due list, each drained up to its share of a run.
  const dispatched = await dispatchDueFeeds(db, sink, new Date(), DEFAULT_DISPATCH);
  // Articles whose feed set a time to turn free (postwire:freeAfter), on the same beat.
  const turnedFree = await turnFreeArticles(db, new Date());
  logger.info('Feeds dispatched', { dispatched, turnedFree });
  metrics.count('FeedsDispatched', dispatched);
  return { dispatched };
});
