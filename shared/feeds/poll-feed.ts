/**
 * Fetch one registered feed, ingest what changed, and record how it went.
 * The queue worker, the local poller and the publisher's "refresh" all call this.
 * A failure is recorded on the feed (and backs it off or pauses it); it is not
 * thrown, so one bad feed never stops the others.
 */
import type { IngestSummary } from '../articles/ingest-document.js';
import type { FeedConfig } from '../config.js';
import type { Metrics } from '../metrics.js';
import type { FanOutSink } from '../social/fan-out-jobs.js';
import type { Db } from '../db/client.js';
import { UnprocessableFeed } from '../errors.js';
import { WorkBudget } from '../work-budget.js';
import { findPublisher } from '../publishers/publisher-store.js';
import type { Feed } from './feed.js';
import { FeedFetchError } from './fetch/feed-fetch-error.js';
import { fetchFeed, type FetchPolicy } from './fetch/feed-fetcher.js';
import type { Resolver } from './fetch/guarded-lookup.js';
import { findFeed, saveFeedState } from './feed-store.js';
import { loadLazy } from '../lazy-modules.js';
import { countEntriesInLastWeek, delayAfterFailure, delayAfterSuccess } from './schedule.js';

export interface FeedRuntime {
  db: Db;
  feeds: FeedConfig;
  /** New articles are announced as publisher posts, fanned out through this. */
  fanOut: FanOutSink;
  metrics: Metrics;
  now: () => Date;
  /** Test seams: a resolver and addresses that stand in for the public Internet. */
  resolver?: Resolver | undefined;
  trustedAddresses?: readonly string[] | undefined;
}

export type PollOutcome =
  | { outcome: 'fetched'; feed: Feed; summary: IngestSummary }
  | { outcome: 'not_modified'; feed: Feed }
  | { outcome: 'failed'; feed: Feed; error: { code: string; message: string } }
  | { outcome: 'missing' };

export function fetchPolicyOf(runtime: FeedRuntime): FetchPolicy {
  return {
    timeoutMs: runtime.feeds.timeoutMs,
    maxBytes: runtime.feeds.maxBytes,
    maxRedirects: runtime.feeds.maxRedirects,
    allowPrivateHosts: runtime.feeds.allowPrivateHosts,
    trustedAddresses: runtime.trustedAddresses,
    resolver: runtime.resolver,
  };
}

export async function pollFeed(runtime: FeedRuntime, publisherSlug: string, feedId: string): Promise<PollOutcome> {
  const [feed, publisher] = await Promise.all([findFeed(runtime.db, publisherSlug, feedId), findPublisher(runtime.db, publisherSlug)]);
  if (!feed || !publisher) return { outcome: 'missing' };
  const startedAt = runtime.now();
  const limits = { minIntervalMs: runtime.feeds.minIntervalMs, maxIntervalMs: runtime.feeds.maxIntervalMs };
  const at = (delayMs: number) => new Date(startedAt.getTime() + delayMs).toISOString();
  const base: Feed = { ...feed, lastFetchedAt: startedAt.toISOString(), pausedReason: undefined };

  try {
    const fetched = await fetchFeed(feed.url, { etag: feed.etag, lastModified: feed.lastModified }, fetchPolicyOf(runtime));
    const validators = {
      // A 304 may carry fresher validators; keep the old ones where it does not.
      etag: fetched.etag ?? feed.etag,
      lastModified: fetched.lastModified ?? feed.lastModified,
      url: fetched.permanentUrl ?? feed.url,
    };
    if (fetched.kind === 'not_modified') {
      const next: Feed = {
        ...base,
        ...validators,
        lastStatus: 'not_modified',
        lastHttpStatus: 304,
        lastError: undefined,
        consecutiveFailures: 0,
        nextFetchAt: at(delayAfterSuccess({ entriesPerWeek: feed.entriesPerWeek ?? 0, maxAgeSeconds: fetched.maxAgeSeconds }, limits)),
      };
      await saveFeedState(runtime.db, next);
      runtime.metrics.count('FeedFetches', 1, { name: 'outcome', value: 'not_modified' });
      return { outcome: 'not_modified', feed: next };
    }
    const { decodeFeedBytes, parseFeed, ingestParsedFeed } = await loadLazy<typeof import('./feed-document.js')>('feed-document');
    const budget = new WorkBudget(runtime.feeds.documentBudgetMs);
    const parsed = await parseFeed(decodeFeedBytes(fetched.body, fetched.contentType), budget);
    const summary = await ingestParsedFeed(
      runtime.db,
      { publisherSlug, publisherName: publisher.name, feedId, feedSection: feed.section, sourceUrl: fetched.finalUrl },
      parsed,
      { iframeHosts: runtime.feeds.iframeHosts, publicUrl: runtime.feeds.publicUrl, now: startedAt, budget },
    );
    await runtime.fanOut.articlesCreated(publisherSlug, summary.createdArticles, startedAt);
    const entriesPerWeek = countEntriesInLastWeek(
      parsed.items.map((item) => (item.ok ? (item.item.isoDate ?? item.item.pubDate) : undefined)),
      startedAt,
    );
    const next: Feed = {
      ...base,
      ...validators,
      lastStatus: 'ok',
      lastHttpStatus: fetched.status,
      lastError: undefined,
      consecutiveFailures: 0,
      entriesPerWeek,
      lastSummary: { created: summary.created, updated: summary.updated, unchanged: summary.unchanged, rejected: summary.rejected.length },
      nextFetchAt: at(delayAfterSuccess({ entriesPerWeek, ttlMinutes: parsed.ttlMinutes, maxAgeSeconds: fetched.maxAgeSeconds }, limits)),
    };
    await saveFeedState(runtime.db, next);
    runtime.metrics.count('FeedFetches', 1, { name: 'outcome', value: 'fetched' });
    runtime.metrics.count('ArticlesCreated', summary.created);
    return { outcome: 'fetched', feed: next, summary };
  } catch (error) {
    const failure = describeFailure(error);
    const consecutiveFailures = feed.consecutiveFailures + 1;
    const pausedReason =
      failure.code === 'gone'
        ? 'The feed answered 410 Gone; refresh it or register its new URL.'
        : consecutiveFailures >= runtime.feeds.maxConsecutiveFailures
          ? `Paused after ${consecutiveFailures} consecutive failures; the last: ${failure.message}`
          : undefined;
    const next: Feed = {
      ...base,
      lastStatus: pausedReason ? 'paused' : 'error',
      lastHttpStatus: failure.httpStatus,
      lastError: failure.message,
      consecutiveFailures,
      pausedReason,
      nextFetchAt: at(delayAfterFailure(consecutiveFailures, failure.retryAfterMs, limits)),
    };
    await saveFeedState(runtime.db, next);
    runtime.metrics.count('FeedFetches', 1, { name: 'outcome', value: failure.code });
    return { outcome: 'failed', feed: next, error: { code: failure.code, message: failure.message } };
  }
}

function describeFailure(error: unknown): { code: string; message: string; httpStatus?: number | undefined; retryAfterMs?: number | undefined } {
  if (error instanceof FeedFetchError) return { code: error.code, message: error.message, ...error.extra };
  if (error instanceof UnprocessableFeed) return { code: error.code, message: error.message };
  // Anything else is ours (DynamoDB, a bug): let the queue retry it.
  throw error;
}
