/**
 * Feed text → stored articles, deduplicated. Used by the push endpoint, the
 * poller and the queue worker alike.
 *
 * Dedup key: the guid (with the link appended when the document repeats a
 * guid), else the canonical link, else (neither) the title. Items a document
 * would otherwise confuse keep apart by what differs: the link's fragment (one
 * page, an anchor per item), else the title, else the content. An item with no
 * web page of its own (a `tag:` id, an opaque guid) links to its page on postwire.
 * Stored versions are read in BatchGetItem chunks of 100; only new or changed
 * items are sanitised and written, in BatchWriteItem chunks of 25. An
 * unchanged feed costs reads only.
 */
import { createHash } from 'node:crypto';
import { MAX_ANNOUNCED_PER_INGEST } from './announcements.js';
import type { Db } from '../db/client.js';
import { parseFeed, type ParsedFeed, type RawItem } from '../feeds/parse/feed-parser.js';
import { DEFAULT_DOCUMENT_BUDGET_MS, WorkBudget } from '../work-budget.js';
import type { Article } from './article.js';
import { buildArticleFields, contentKeyOf, identifyItem, type ItemIdentity, type NormalizeContext, type PlacedIdentity } from './article-normalizer.js';
import { documentBases } from './item-links.js';
import { findStoredVersions, putArticles } from './article-store.js';

export interface IngestSummary {
  created: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ guid?: string | undefined; reason: string }>;
  /** The articles this ingest created, newest first: the publisher announces them as posts. */
  createdArticles: Array<Pick<Article, 'id' | 'title' | 'publishedAt'>>;
}

export interface IngestTarget {
  publisherSlug: string;
  publisherName: string;
  feedId?: string | undefined;
  feedSection?: string | undefined;
  /** Where the document came from (the fetched URL; for a push, the publisher's homepage), for resolving relative links. */
  sourceUrl?: string | undefined;
}

/** Largest article item we write; DynamoDB's hard limit is 400 KB. */
const MAX_ITEM_BYTES = 350 * 1024;

export interface IngestOptions {
  iframeHosts: readonly string[];
  /** The public origin: an item with no web page links to `<publicUrl>/articles/<id>`. */
  publicUrl: string;
  now: Date;
  /**
   * Bounds the time of the whole document, parsing included, and paces the work
   * so other requests are served. One per document; a default one when absent.
   */
  budget?: WorkBudget | undefined;
}

export async function ingestFeedText(db: Db, target: IngestTarget, text: string, options: IngestOptions) {
  const budget = options.budget ?? new WorkBudget(DEFAULT_DOCUMENT_BUDGET_MS);
  const feed = await parseFeed(text, budget);
  const summary = await ingestParsedFeed(db, target, feed, { ...options, budget });
  return { feed, summary };
}

export async function ingestParsedFeed(
  db: Db,
  target: IngestTarget,
  feed: ParsedFeed,
  { iframeHosts, publicUrl, now, budget = new WorkBudget(DEFAULT_DOCUMENT_BUDGET_MS) }: IngestOptions,
): Promise<IngestSummary> {
  const summary: IngestSummary = { created: 0, updated: 0, unchanged: 0, rejected: [], createdArticles: [] };
  const context: NormalizeContext = {
    publisherSlug: target.publisherSlug,
    publisherName: target.publisherName,
    feedId: target.feedId,
    feedSection: target.feedSection,
    channelSection: feed.section,
    ...documentBases(target.sourceUrl, feed),
    iframeHosts,
    now,
  };
  const identified: Array<{ raw: RawItem; identity: ItemIdentity }> = [];
  for (const parsed of feed.items) {
    await budget.pause();
    const result = parsed.ok ? identifyItem(parsed.item, context) : parsed;
    if (result.ok) identified.push({ raw: (parsed as { item: RawItem }).item, identity: result.identity });
    else summary.rejected.push({ guid: result.guid, reason: result.reason });
  }

  const candidates = assignIds(target.publisherSlug, identified, summary, publicUrl);
  const stored = await findStoredVersions(db, candidates.map((candidate) => candidate.id));
  const nowIso = now.toISOString();
  const writes: Article[] = [];
  /** New articles, and updated ones whose address changed: their address claims are written too. */
  const newAddresses: Article[] = [];
  let cleaned = 0;
  for (const [index, { id, dedupKey, raw, identity }] of candidates.entries()) {
    await budget.pause();
    const previous = stored.get(id);
    if (previous?.contentHash === identity.sourceHash) {
      summary.unchanged++;
      continue;
    }
    // Unchanged items are never refused, and each run cleans at least one item, so a document sent again always gets further.
    if (budget.expired && cleaned > 0) {
      const reason = `Not processed: the document used up its ${budget.budgetMs / 1000}-second processing budget; send it again to process the rest.`;
      for (const skipped of candidates.slice(index)) {
        if (stored.get(skipped.id)?.contentHash === skipped.identity.sourceHash) summary.unchanged++;
        else summary.rejected.push({ guid: skipped.identity.guid, reason });
      }
      break;
    }
    cleaned++;
    const built = buildArticleFields(raw, identity, context);
    if (!built.ok) {
      summary.rejected.push({ guid: built.guid, reason: built.reason });
      continue;
    }
    const { sourcePublishedAt, sourceUpdatedAt, freeAfter, ...fields } = built.item;
    const firstSeenAt = previous?.firstSeenAt ?? nowIso;
    const publishedAt = sourcePublishedAt ?? previous?.publishedAt ?? firstSeenAt;
    const freeFrom = freeAfter && ('at' in freeAfter ? freeAfter.at : new Date(Date.parse(publishedAt) + freeAfter.days * 86400_000).toISOString());
    const article: Article = {
      ...fields,
      // Free already: the stored price says so, and every listing reads it. Later: the sweep (access/turn-free.ts) sets it then.
      ...(freeFrom ? { freeFrom, ...(freeFrom <= nowIso ? { priceOverride: 0 } : {}) } : {}),
      id,
      dedupKey,
      firstSeenAt,
      publishedAt,
      updatedAt: sourceUpdatedAt ?? (previous ? nowIso : publishedAt),
    };
    if (Buffer.byteLength(JSON.stringify(article)) > MAX_ITEM_BYTES) {
      summary.rejected.push({ guid: identity.guid, reason: `The item is larger than ${MAX_ITEM_BYTES} bytes once cleaned.` });
      continue;
    }
    writes.push(article);
    if (previous?.url !== article.url) newAddresses.push(article);
    if (previous) summary.updated++;
    else {
      summary.created++;
      summary.createdArticles.push({ id, title: article.title, publishedAt: article.publishedAt });
    }
  }
  summary.createdArticles.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  // The newest new articles become the publisher's posts (social/publisher-posts.ts). The mark travels with
  // the article, so in AWS the table's stream creates each post from the article's insert, exactly once.
  const announced = new Map(summary.createdArticles.slice(0, MAX_ANNOUNCED_PER_INGEST).map((created, rank) => [created.id, rank]));
  for (const article of writes) if (announced.has(article.id)) article.announceRank = announced.get(article.id);
  await putArticles(db, writes, newAddresses);
  return summary;
}

interface Candidate {
  id: string;
  dedupKey: string;
  raw: RawItem;
  identity: PlacedIdentity;
}

function assignIds(publisherSlug: string, items: Array<{ raw: RawItem; identity: ItemIdentity }>, summary: IngestSummary, publicUrl: string): Candidate[] {
  const keys = dedupKeysOf(items);
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const [index, { raw, identity }] of items.entries()) {
    const dedupKey = keys[index]!;
    if (seen.has(dedupKey)) {
      summary.rejected.push({ guid: identity.guid, reason: 'The item repeats an earlier item of the same document.' });
      continue;
    }
    seen.add(dedupKey);
    const id = articleIdFor(publisherSlug, dedupKey);
    candidates.push({ id, dedupKey, raw, identity: { ...identity, url: identity.url ?? `${publicUrl}/articles/${id}` } });
  }
  return candidates;
}

/**
 * Each item's dedup key: `guid:<guid>`, `guid:<guid>|<link>` where the
 * document repeats the guid, `link:<url>` without one, `title:<digest>` with
 * neither. A key still shared by items that differ is refined by what differs —
 * the link's fragment, else the title, else title and body — so a feed of
 * anchors on one page, or of items repeating guid and link, keeps all its
 * items; true repeats keep one key and are refused. Keys of items no other
 * item confuses are as they always were.
 */
function dedupKeysOf(items: Array<{ raw: RawItem; identity: ItemIdentity }>): string[] {
  const identities = items.map((item) => item.identity);
  const guidCounts = countOf(identities.map((identity) => identity.guid).filter((guid): guid is string => guid !== undefined));
  const keys = identities.map(({ guid, url, titleKey }) =>
    guid ? ((guidCounts.get(guid) ?? 0) > 1 ? `guid:${guid}|${url ?? ''}` : `guid:${guid}`) : url ? `link:${url}` : `title:${titleKey}`,
  );
  const groups = new Map<string, number[]>();
  keys.forEach((key, index) => {
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  });
  const refined = [...keys];
  for (const [key, group] of groups) {
    if (group.length === 1) continue;
    const members = group.map((index) => identities[index]!);
    if (new Set(members.map((member) => member.fragment)).size > 1) {
      group.forEach((index) => (refined[index] = identities[index]!.fragment ? `${key}${identities[index]!.fragment}` : key));
    } else if (new Set(members.map((member) => member.titleKey)).size > 1) {
      group.forEach((index) => (refined[index] = `${key}|title:${identities[index]!.titleKey}`));
    } else {
      const contents = group.map((index) => contentKeyOf(items[index]!.raw));
      if (new Set(contents).size > 1) group.forEach((index, at) => (refined[index] = `${key}|content:${contents[at]}`));
    }
  }
  return refined;
}

function countOf(values: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/** Stable across re-ingests; carries the slug so the publisher can be read beside the article in one batch. */
export function articleIdFor(publisherSlug: string, dedupKey: string): string {
  return `${publisherSlug}_${digest(dedupKey).slice(0, 22)}`;
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').replace(/[-_]/g, '0');
}
