/**
 * A publisher's new articles become its posts, once each: the post id is derived
 * from the article id and written only if absent, so re-ingests, updates and
 * retries never post again. A first push of a long back catalogue announces
 * only its newest few, so followers' timelines are not flooded.
 */
import { createHash } from 'node:crypto';
import type { Article } from '../articles/article.js';
import type { Db } from '../db/client.js';
import { publisherAccount } from '../db/keys.js';
import type { Post } from './post.js';
import { createPost } from './post-store.js';
import type { FanOutSink } from './fan-out-jobs.js';

export const MAX_ANNOUNCED_PER_INGEST = 20;

export const articlePostId = (articleId: string): string => `a${createHash('sha256').update(articleId).digest('hex').slice(0, 24)}`;

export async function announceNewArticles(
  db: Db,
  publisherSlug: string,
  articles: Array<Pick<Article, 'id' | 'title' | 'publishedAt'>>,
  now: Date,
  fanOut: FanOutSink,
): Promise<number> {
  const author = publisherAccount(publisherSlug);
  // Newest article first, each a millisecond apart, so timelines keep the publisher's order.
  const candidates: Post[] = articles.slice(0, MAX_ANNOUNCED_PER_INGEST).map((article, i) => ({
    postId: articlePostId(article.id),
    author,
    authorHandle: publisherSlug,
    text: article.title,
    links: [],
    articleId: article.id,
    createdAt: new Date(now.getTime() - i).toISOString(),
    likeCount: 0,
    replyCount: 0,
  }));
  const created = await Promise.all(candidates.map((post) => createPost(db, post)));
  const fresh = candidates.filter((_, i) => created[i]);
  await fanOut.postsWritten({ author, posts: fresh });
  return fresh.length;
}
