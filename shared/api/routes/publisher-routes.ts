/** A publisher managing itself: settings, key rotation, feeds, pushes. Served by the publisher function. */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { NotFound, UnsupportedMediaType, ValidationFailed } from '../../errors.js';
import { refusalOfFeedUrl } from '../../feeds/fetch/feed-url-check.js';
import { createFeed, deleteFeed, feedIdFor, listFeeds } from '../../feeds/feed-store.js';
import { fetchPolicyOf, pollFeed } from '../../feeds/poll-feed.js';
import { issueApiKey } from '../../publishers/api-keys.js';
import { replaceApiKeyHash, updatePublisherSettings } from '../../publishers/publisher-store.js';
import { listPayouts, payoutBalance } from '../../payouts/payout-balance.js';
import { monthlyStatement, statementCsv } from '../../payouts/publisher-statement.js';
import { publisherStats } from '../../publishers/publisher-stats.js';
import { WorkBudget } from '../../work-budget.js';
import { loadLazy } from '../../lazy-modules.js';
import type { AppDeps, AppEnv } from '../app-env.js';
import { requirePublisher } from '../auth.js';
import { toFeedView, toSummaryView } from '../presenters.js';
import { FEED_MEDIA_TYPES, SNIFFED_MEDIA_TYPES, publisherRouteSpecs as spec } from './publisher-route-specs.js';

const FEED_ID = /^[0-9a-f]{16}$/;
const MAX_STATS_RANGE_MS = 366 * 86400_000;

export function registerPublisherRoutes(app: OpenAPIHono<AppEnv>, deps: AppDeps): void {
  const auth = requirePublisher(deps);
  /** The publisher auth also honours Idempotency-Key on these (see api/auth.ts). */
  const mutating = auth;

  app.openapi(
    { ...spec.get, middleware: auth },
    (c) => {
      const { apiKeyHash: _secret, ...publisher } = c.get('publisher');
      return c.json(publisher, 200);
    },
  );

  app.openapi(
    { ...spec.updateSettings, middleware: mutating },
    async (c) => c.json(await updatePublisherSettings(deps.db, c.get('publisher').slug, c.req.valid('json'), deps.now()), 200),
  );

  app.openapi(
    { ...spec.rotateKey, middleware: mutating },
    async (c) => {
      const { slug } = c.get('publisher');
      const { apiKey, hash } = issueApiKey(slug);
      await replaceApiKeyHash(deps.db, slug, hash, deps.now());
      deps.logger.info('Publisher API key rotated', { slug });
      return c.json({ apiKey }, 200);
    },
  );

  app.openapi(
    { ...spec.createFeed, middleware: mutating },
    async (c) => {
      const { url, section } = c.req.valid('json');
      const policy = fetchPolicyOf(deps.feedRuntime);
      const refusal = await refusalOfFeedUrl(url, policy, policy.resolver);
      if (refusal) throw new ValidationFailed(refusal, [{ field: 'url', message: refusal }]);
      const now = deps.now().toISOString();
      const feed = {
        feedId: feedIdFor(url),
        publisherSlug: c.get('publisher').slug,
        url,
        section,
        createdAt: now,
        lastStatus: 'pending' as const,
        consecutiveFailures: 0,
        nextFetchAt: now,
      };
      await createFeed(deps.db, feed);
      return c.json({ feed: toFeedView(feed) }, 201);
    },
  );

  app.openapi(
    { ...spec.listFeeds, middleware: auth },
    async (c) => c.json({ items: (await listFeeds(deps.db, c.get('publisher').slug)).map(toFeedView), nextCursor: null }, 200),
  );

  app.openapi(
    { ...spec.deleteFeed, middleware: mutating },
    async (c) => {
      const { feedId } = c.req.valid('param');
      if (!FEED_ID.test(feedId)) throw new NotFound('The feed');
      await deleteFeed(deps.db, c.get('publisher').slug, feedId);
      return c.body(null, 204);
    },
  );

  app.openapi(
    { ...spec.refreshFeed, middleware: mutating },
    async (c) => {
      const { feedId } = c.req.valid('param');
      const { slug } = c.get('publisher');
      if (!FEED_ID.test(feedId)) throw new NotFound('The feed');
      const result = await pollFeed(deps.feedRuntime, slug, feedId);
      if (result.outcome === 'missing') throw new NotFound('The feed');
      const summary = result.outcome === 'fetched' ? toSummaryView(result.summary) : { created: 0, updated: 0, unchanged: 0, rejected: [] };
      return c.json(
        { outcome: result.outcome, ...summary, feed: toFeedView(result.feed), ...(result.outcome === 'failed' ? { error: result.error } : {}) },
        200,
      );
    },
  );

  app.openapi(
    { ...spec.ingest, middleware: mutating },
    async (c) => {
      const contentType = c.req.header('content-type') ?? '';
      const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
      const refused = () => new UnsupportedMediaType(`Push a feed as one of ${FEED_MEDIA_TYPES.join(', ')}; got "${mediaType || 'nothing'}".`);
      if (!FEED_MEDIA_TYPES.includes(mediaType) && !SNIFFED_MEDIA_TYPES.includes(mediaType)) throw refused();
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      // The parser and sanitiser load with the first push, not with a publisher's first request of any kind.
      const { decodeFeedBytes, ingestFeedText, looksLikeXml } = await loadLazy<typeof import('../../feeds/feed-document.js')>('feed-document');
      // Sent with no type (or a vague one): read it if it looks like XML, as a feed reader would.
      if (!FEED_MEDIA_TYPES.includes(mediaType) && !looksLikeXml(bytes)) throw refused();
      const publisher = c.get('publisher');
      const text = decodeFeedBytes(bytes, contentType);
      const { summary } = await ingestFeedText(
        deps.db,
        { publisherSlug: publisher.slug, publisherName: publisher.name, sourceUrl: publisher.homepageUrl },
        text,
        { iframeHosts: deps.config.feeds.iframeHosts, publicUrl: deps.config.feeds.publicUrl, now: deps.now(), budget: new WorkBudget(deps.config.feeds.documentBudgetMs) },
      );
      await deps.fanOut.articlesCreated(publisher.slug, summary.createdArticles, deps.now());
      deps.logger.info('Feed pushed', { slug: publisher.slug, created: summary.created, updated: summary.updated, unchanged: summary.unchanged, rejected: summary.rejected.length });
      return c.json(toSummaryView(summary), 200);
    },
  );

  app.openapi({ ...spec.payoutBalance, middleware: auth }, async (c) =>
    c.json(await payoutBalance(deps.db, c.get('publisher').slug, { ...deps.config.payouts, now: deps.now() }), 200),
  );

  app.openapi({ ...spec.statement, middleware: auth }, async (c) => {
    const { month } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const { slug } = c.get('publisher');
    const statement = await monthlyStatement(deps.db, slug, month);
    if (format === 'csv' || (format === undefined && prefersCsv(c.req.header('accept')))) {
      return c.body(statementCsv(statement), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${slug}-${month}.csv"` });
    }
    return c.json(statement, 200);
  });

  app.openapi({ ...spec.listPayouts, middleware: auth }, async (c) => {
    const { slug } = c.get('publisher');
    const { limit, cursor } = c.req.valid('query');
    const scope = `payouts:${slug}`;
    const page = await listPayouts(deps.db, slug, limit, deps.cursors.decode(scope, cursor));
    return c.json({ items: page.items, nextCursor: deps.cursors.encode(scope, page.lastKey) }, 200);
  });

  app.openapi(
    { ...spec.stats, middleware: auth },
    async (c) => {
      const query = c.req.valid('query');
      const to = query.to ? new Date(query.to) : deps.now();
      const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * 86400_000);
      if (from >= to || to.getTime() - from.getTime() > MAX_STATS_RANGE_MS) {
        throw new ValidationFailed('`from` must come before `to`, at most 366 days apart.', [{ field: 'from', message: 'out of range' }]);
      }
      return c.json(await publisherStats(deps.db, c.get('publisher').slug, from, to, deps.now()), 200);
    },
  );
}

/** `Accept: text/csv` asks for the spreadsheet; JSON otherwise (also for any type, or JSON named before CSV). */
function prefersCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  const csv = accept.indexOf('text/csv');
  const json = accept.indexOf('application/json');
  return csv >= 0 && (json < 0 || csv < json);
}
