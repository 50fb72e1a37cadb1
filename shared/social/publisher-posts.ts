/**
 * A publisher's new articles become its posts, once each: the post id is derived
 * from the article id and written only if absent, so re-ingests, updates and
 * retries never post again. A first push of a long back catalogue announces
 * only its newest few, so followers' timelines are not flooded.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../articles/article.js';
import { MAX_ANNOUNCED_PER_INGEST } from '../articles/announcements.js';
import type { Db } from '../db/client.js';
import { publisherAccount } from '../db/keys.js';
import type { Post } from './post.js';
import { createPost } from './post-store.js';
import type { FanOutSink } from './fan-out-jobs.js';

export { MAX_ANNOUNCED_PER_INGEST };

export const articlePostId = (articleId: string): string => `a${createHash('sha256').update(articleId).digest('hex').slice(0, 24)}`;

/** The post announcing one article: its id derived from the article's, so it is written once whoever writes it. */
function announcementOf(publisherSlug: string, article: Pick<Article, 'id' | 'title'>, createdAt: string): Post {
  return {
    postId: articlePostId(article.id),
    author: publisherAccount(publisherSlug),
    authorHandle: publisherSlug,
    text: article.title,
    links: [],
    articleId: article.id,
    createdAt,
    likeCount: 0,
    replyCount: 0,
  };
}

/**
 * In AWS: the posts of articles the table's stream reports as inserted with an
 * `announceRank`, dated when the article was first seen, a millisecond apart by
 * rank. A redelivered record finds its post written and writes nothing; the new
 * posts' own inserts then start their fan-out.
 */
export async function announceFromInsertedArticles(db: Db, articles: Array<Pick<Article, 'id' | 'title' | 'publisherSlug' | 'firstSeenAt' | 'announceRank'>>): Promise<number> {
  const posts = articles
    .filter((article) => article.announceRank !== undefined)
    .map((article) => announcementOf(article.publisherSlug, article, new Date(Date.parse(article.firstSeenAt) - article.announceRank!).toISOString()));
  const created = await Promise.all(posts.map((post) => createPost(db, post)));
  return created.filter(Boolean).length;
}

/** On one machine: the same posts written right after the ingest, and fanned out inline. */
export async function announceNewArticles(
  db: Db,
  publisherSlug: string,
  articles: Array<Pick<Article, 'id' | 'title' | 'publishedAt'>>,
  now: Date,
  fanOut: FanOutSink,
): Promise<number> {
  const author = publisherAccount(publisherSlug);
  // Newest article first, each a millisecond apart, so timelines keep the publisher's order.
  const candidates: Post[] = articles.slice(0, MAX_ANNOUNCED_PER_INGEST).map((article, i) => announcementOf(publisherSlug, article, new Date(now.getTime() - i).toISOString()));
  const created = await Promise.all(candidates.map((post) => createPost(db, post)));
  const fresh = candidates.filter((_, i) => created[i]);
  await fanOut.postsWritten({ author, posts: fresh });
  return fresh.length;
}
