/** Stored records → the shapes of the public contract. */
import { priceAt } from '../access/article-price.js';
import type { ArticleCardFields } from '../articles/article-store.js';
import type { Feed } from '../feeds/feed.js';
import type { Publisher } from '../publishers/publisher.js';
import type { Subscription } from '../subscriptions/subscription.js';

/** A card: the article as every list shows it, priced as of `now` (articles turn free). */
export function toCard(article: ArticleCardFields, publisher: Publisher | undefined, defaultPrice: number, now: Date) {
  return {
    id: article.id,
    publisher: { slug: article.publisherSlug, name: publisher?.name ?? article.publisherName },
    title: article.title,
    ...(article.dek ? { dek: article.dek } : {}),
    ...(article.author ? { author: article.author } : {}),
    ...(article.section ? { section: article.section } : {}),
    url: article.url,
    ...(article.imageUrl ? { imageUrl: article.imageUrl } : {}),
    publishedAt: article.publishedAt,
    price: priceAt(article, publisher, defaultPrice, now),
    readingMinutes: article.readingMinutes,
  };
}

export function toFeedView(feed: Feed) {
  return {
    feedId: feed.feedId,
    url: feed.url,
    ...(feed.section ? { section: feed.section } : {}),
    createdAt: feed.createdAt,
    lastFetchedAt: feed.lastFetchedAt ?? null,
    lastStatus: feed.lastStatus,
    lastHttpStatus: feed.lastHttpStatus ?? null,
    lastError: feed.lastError ?? null,
    consecutiveFailures: feed.consecutiveFailures,
    nextFetchAt: feed.lastStatus === 'paused' ? null : feed.nextFetchAt,
    pausedReason: feed.pausedReason ?? null,
    lastSummary: feed.lastSummary ?? null,
  };
}

export function toSummaryView(summary: { created: number; updated: number; unchanged: number; rejected: Array<{ guid?: string | undefined; reason: string }> }) {
  return {
    created: summary.created,
    updated: summary.updated,
    unchanged: summary.unchanged,
    rejected: summary.rejected.map(({ guid, reason }) => (guid ? { guid, reason } : { reason })),
  };
}

/** Stripe's own ids stay inside. */
export const toSubscriptionView = ({ stripeSubscriptionId: _id, ...subscription }: Subscription) => subscription;
