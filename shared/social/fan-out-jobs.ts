/**
 * Who turns new articles into publisher posts, and copies new posts into
 * followers' timelines. In AWS it is the table's stream: the fan-out worker
 * Lambda reacts to every inserted post and every announced article, so the
 * writer has nothing to do, and nothing is lost if it dies after its write. On
 * one machine (and in most tests) the same work runs inline, right after.
 */
import type { Db } from '../db/client.js';
import type { AccountKey } from '../db/keys.js';
import type { Article } from '../articles/article.js';
import type { Post } from './post.js';
import { announceNewArticles } from './publisher-posts.js';
import { fanOutPosts, type TimelineOptions } from './timeline.js';

export type FanOutMode = 'inline' | 'stream';

export interface FanOutJob {
  author: AccountKey;
  posts: Post[];
}

export interface FanOutSink {
  /** Called after the posts are committed. */
  postsWritten(job: FanOutJob): Promise<void>;
  /** Called after an ingest committed its articles, the newest new ones marked with `announceRank`. */
  articlesCreated(publisherSlug: string, articles: Array<Pick<Article, 'id' | 'title' | 'publishedAt'>>, now: Date): Promise<void>;
}

export function inlineFanOut(db: Db, options: TimelineOptions): FanOutSink {
  const sink: FanOutSink = {
    postsWritten: async (job) => void (await fanOutPosts(db, job.author, job.posts, options)),
    articlesCreated: async (publisherSlug, articles, now) => void (await announceNewArticles(db, publisherSlug, articles, now, sink)),
  };
  return sink;
}

/** The stream delivers the committed posts, and the announced articles, to the fan-out worker. */
export const streamFanOut: FanOutSink = { postsWritten: async () => {}, articlesCreated: async () => {} };

export function fanOutFor(mode: FanOutMode, db: Db, options: TimelineOptions): FanOutSink {
  return mode === 'stream' ? streamFanOut : inlineFanOut(db, options);
}
