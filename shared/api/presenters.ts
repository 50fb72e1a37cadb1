/** Stored records → the shapes of the public contract. */
import type { Article } from '../articles/article.js';
import type { ArticleCardFields } from '../articles/article-store.js';
import type { Feed } from '../feeds/feed.js';
import type { Publisher } from '../publishers/publisher.js';
import type { Subscription } from '../subscriptions/subscription.js';

export function priceOf(article: Pick<Article, 'priceOverride'>, publisher: Pick<Publisher, 'articlePrice'> | undefined, fallback: number): number {
  return article.priceOverride ?? publisher?.articlePrice ?? fallback;
}

export function toCard(article: ArticleCardFields, publisher: Publisher | undefined, defaultPrice: number) {
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
    price: priceOf(article, publisher, defaultPrice),
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
