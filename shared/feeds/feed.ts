/** A registered feed and its fetch state, as publishers see it in `GET /v1/publisher/feeds`. */
export type FeedStatus = 'pending' | 'ok' | 'not_modified' | 'error' | 'paused';

export interface FeedSummaryCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface Feed {
  feedId: string;
  publisherSlug: string;
  url: string;
  section?: string | undefined;
  createdAt: string;
  etag?: string | undefined;
  lastModified?: string | undefined;
  lastFetchedAt?: string | undefined;
  lastStatus: FeedStatus;
  lastHttpStatus?: number | undefined;
  lastError?: string | undefined;
  consecutiveFailures: number;
  nextFetchAt: string;
  pausedReason?: string | undefined;
  lastSummary?: FeedSummaryCounts | undefined;
  /** Entries the feed published in the last week, which sets its polling rhythm. */
  entriesPerWeek?: number | undefined;
}
