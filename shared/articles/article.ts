/** An article as stored: normalised from a feed item, content already sanitised. */
export interface Article {
  id: string;
  publisherSlug: string;
  publisherName: string;
  feedId?: string | undefined;
  guid?: string | undefined;
  dedupKey: string;
  url: string;
  title: string;
  author?: string | undefined;
  dek?: string | undefined;
  section?: string | undefined;
  publishedAt: string;
  updatedAt: string;
  firstSeenAt: string;
  /** Set on the newest new articles of an ingest: they become the publisher's posts, in this order (announcements.ts). */
  announceRank?: number | undefined;
  imageUrl?: string | undefined;
  imageCaption?: string | undefined;
  imageCredit?: string | undefined;
  contentHtml: string;
  teaserHtml: string;
  wordCount: number;
  readingMinutes: number;
  /** Set when the feed item names its own price; otherwise the publisher's current default applies. */
  priceOverride?: number | undefined;
  /** When the feed said the article turns free (`postwire:freeAfter`); from then on its price is 0. */
  freeFrom?: string | undefined;
  /** Hash of the item as the feed sent it (see identifyItem): unchanged hash, no sanitising and no write. */
  contentHash: string;
}

export const WORDS_PER_MINUTE = 230;
