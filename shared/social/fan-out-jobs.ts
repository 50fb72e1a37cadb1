/**
 * Who copies new posts into followers' timelines. In AWS it is the table's
 * stream: the fan-out worker Lambda reacts to every inserted post, so the writer
 * has nothing to do. On one machine (and in most tests) the same fan-out runs
 * inline, right after the post is written.
 */
import type { Db } from '../db/client.js';
import type { AccountKey } from '../db/keys.js';
import type { Post } from './post.js';
import { fanOutPosts, type TimelineOptions } from './timeline.js';

export type FanOutMode = 'inline' | 'stream';

export interface FanOutJob {
  author: AccountKey;
  posts: Post[];
}

export interface FanOutSink {
  /** Called after the posts are committed. */
  postsWritten(job: FanOutJob): Promise<void>;
}

export function inlineFanOut(db: Db, options: TimelineOptions): FanOutSink {
  return { postsWritten: async (job) => void (await fanOutPosts(db, job.author, job.posts, options)) };
}

/** The stream delivers the committed posts to the fan-out worker. */
export const streamFanOut: FanOutSink = { postsWritten: async () => {} };

export function fanOutFor(mode: FanOutMode, db: Db, options: TimelineOptions): FanOutSink {
  return mode === 'stream' ? streamFanOut : inlineFanOut(db, options);
}
