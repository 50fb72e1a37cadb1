/** Scheduled: claim the feeds that are due and queue one message per feed; turn free the articles whose time has come. */
import { createLambdaLogger } from './lambda-logger.js';
import { createLambdaMetrics } from './lambda-metrics.js';
import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { loadConfig } from '../shared/config.js';
import { turnFreeArticles } from '../shared/access/turn-free.js';
import { DEFAULT_DISPATCH, dispatchDueFeeds, type FeedJobSink } from '../shared/feeds/feed-dispatcher.js';
import { feedJobBody } from '../shared/feeds/feed-job.js';
import { createDb } from '../shared/db/client.js';

const logger = createLambdaLogger('postwire-feed-dispatcher');
const { metrics, flushed } = createLambdaMetrics('postwire-feed-dispatcher');
const config = loadConfig();
// The table only: the dispatcher polls nothing itself, so the feed runtime (and its fan-out) stay out of its cold start.
const db = createDb({ tableName: config.tableName, region: config.region, endpoint: config.dynamoEndpoint });
// Made on the first batch to queue: most runs find nothing due and never need it.
let sqs: SQSClient | undefined;
const queueUrl = config.feedQueueUrl;

/** SQS takes ten messages per batch call. */
const sink: FeedJobSink = {
  async enqueue(jobs) {
    for (let start = 0; start < jobs.length; start += 10) {
      const entries = jobs.slice(start, start + 10).map((job, i) => ({ Id: String(i), MessageBody: feedJobBody(job) }));
      const result = await (sqs ??= new SQSClient({})).send(new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: entries }));
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
