/**
 * What an article costs now. Its own price (from the feed's `postwire:price`)
 * or the publisher's, until it turns free: N days after publication by the
 * publisher's rule, or its section's (which wins), or at the moment the feed
 * gave (`postwire:freeAfter`, applied at ingest and by the sweep in
 * turn-free.ts, which sets the stored price to 0). Every channel that shows or
 * sells an article asks this, so cards, pages, the embed, unlocks, gifts and
 * newsletters agree.
 */
import type { Article } from '../articles/article.js';
import type { Publisher } from '../publishers/publisher.js';

export type PricedArticle = Pick<Article, 'priceOverride' | 'publishedAt' | 'section'>;
export type PricingPublisher = Pick<Publisher, 'articlePrice' | 'freeAfterDays' | 'sectionFreeAfterDays'>;

const DAY_MS = 86400_000;

/** When the publisher's rules make this article free (undefined: they never do). */
export function freeByRuleFrom(article: PricedArticle, publisher: PricingPublisher | undefined): string | undefined {
  const days = (article.section ? publisher?.sectionFreeAfterDays?.[article.section.toLowerCase()] : undefined) ?? publisher?.freeAfterDays ?? undefined;
  return days ? new Date(Date.parse(article.publishedAt) + days * DAY_MS).toISOString() : undefined;
}

export function priceAt(article: PricedArticle, publisher: PricingPublisher | undefined, fallback: number, now: Date): number {
  const freeFrom = freeByRuleFrom(article, publisher);
  if (freeFrom && freeFrom <= now.toISOString()) return 0;
  return article.priceOverride ?? publisher?.articlePrice ?? fallback;
}
