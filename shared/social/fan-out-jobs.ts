/**
 * Where fan-out work goes. In AWS new posts are queued (SQS) and the fan-out
 * worker Lambda writes the timelines, so posting never waits on followers; on
 * one machine the same fan-out runs inline.
 */
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Db } from '../db/client.js';
import type { AccountKey } from '../db/keys.js';
import type { Post } from './post.js';
import { fanOutPosts, type TimelineOptions } from './timeline.js';

export interface FanOutJob {
  author: AccountKey;
  posts: Post[];
}

export interface FanOutSink {
  enqueue(job: FanOutJob): Promise<void>;
}

export function inlineFanOut(db: Db, options: TimelineOptions): FanOutSink {
  return { enqueue: async (job) => void (await fanOutPosts(db, job.author, job.posts, options)) };
}

export function queuedFanOut(queueUrl: string): FanOutSink {
  const sqs = new SQSClient({});
  return {
    async enqueue(job) {
      if (job.posts.length > 0) await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(job) }));
    },
  };
}
