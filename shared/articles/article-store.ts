/** Articles in DynamoDB: list newest first through the article indexes, read versions and write in batches. */
import { batchGetAll, batchPutAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { queryIndexPage, queryShardedIndexPage } from '../db/index-page.js';
import type { PageKey } from '../db/cursor.js';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { turnFreeKey, articleKey, articleListKeys, articleListQuery, articleUrlKey, articleUrlPartition, publisherOfPartition } from '../db/keys.js';
import { articleUrlDigest } from './canonical-url.js';
import type { Article } from './article.js';

/** The card fields (what the article indexes project), without content. */
export type ArticleCardFields = Pick<
  Article,
  'id' | 'publisherSlug' | 'publisherName' | 'title' | 'dek' | 'author' | 'section' | 'url' | 'imageUrl' | 'publishedAt' | 'priceOverride' | 'readingMinutes'
>;

export const ARTICLE_CARD_FIELDS = [
  'id', 'publisherSlug', 'publisherName', 'title', 'dek', 'author', 'section', 'url', 'imageUrl', 'publishedAt', 'priceOverride', 'readingMinutes',
] as const satisfies ReadonlyArray<keyof ArticleCardFields>;

export interface ArticleFilter {
  publisher?: string | undefined;
  section?: string | undefined;
  /** `YYYY-MM`: only articles published in that month (the archive). */
  month?: string | undefined;
}

export async function listArticles(db: Db, filter: ArticleFilter, limit: number, startKey?: PageKey) {
  const { index, partitions } = articleListQuery(filter);
  // Index sort keys start with the ISO publication time, so a month is a key prefix.
  const page =
    partitions.length === 1
      ? await queryIndexPage(db, { index, partition: partitions[0]!, limit, startKey, prefix: filter.month })
      : await queryShardedIndexPage(db, { index, partitions, limit, startKey, prefix: filter.month });
  return { items: page.items.map((item) => stripKeys<ArticleCardFields>(item)), lastKey: page.lastKey };
}

export interface StoredVersion {
  contentHash: string;
  url: string;
  firstSeenAt: string;
  publishedAt: string;
}

/** What is already stored for these ids: enough to decide create / update / unchanged. */
export async function findStoredVersions(db: Db, ids: string[]): Promise<Map<string, StoredVersion>> {
  const items = await batchGetAll(db, ids.map(articleKey), ['id', 'contentHash', 'url', 'firstSeenAt', 'publishedAt']);
  return new Map(items.map((item) => [item.id as string, item as unknown as StoredVersion]));
}

/** Writes the articles, and the address claims of those that are new or moved (`claimUrlsOf`, by default all). */
export async function putArticles(db: Db, articles: Article[], claimUrlsOf: Article[] = articles): Promise<void> {
  await batchPutAll(db, [
    ...articles.map((article) => ({ ...articleKey(article.id), ...articleListKeys(article), type: 'article', ...article })),
    ...addressClaims(claimUrlsOf),
    // Not free yet: the sweep turns them free when the time comes.
    ...articles.filter((article) => article.freeFrom && article.priceOverride !== 0).map((article) => ({ ...turnFreeKey(article.freeFrom!, article.id), type: 'turn_free', articleId: article.id, freeFrom: article.freeFrom })),
  ]);
}

/**
 * Each article's address, for the embed on the publisher's page: one small
 * item per address. Items that share one page (anchors of a live blog) share
 * one claim, held by the first of them; one batch may not hold a key twice.
 */
function addressClaims(articles: Article[]) {
  const claims = new Map<string, Record<string, unknown>>();
  for (const article of articles) {
    const digest = articleUrlDigest(article.url);
    const key = digest && articleUrlKey(digest, article.publisherSlug);
    if (key && !claims.has(key.PK)) claims.set(key.PK, { ...key, type: 'article_url', articleId: article.id });
  }
  return [...claims.values()];
}

/** The article at this address on a publisher's site: each publisher's claim on it, with its article id. */
export async function findArticlesByUrl(db: Db, url: string): Promise<Array<{ publisherSlug: string; articleId: string }>> {
  const digest = articleUrlDigest(url);
  if (!digest) return [];
  const { Items } = await db.doc.send(
    new QueryCommand({ TableName: db.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': articleUrlPartition(digest) }, Limit: 25 }),
  );
  return (Items ?? []).map((item) => ({ publisherSlug: publisherOfPartition(item.SK as string), articleId: item.articleId as string }));
}

function stripKeys<T>(item: Record<string, unknown>): T {
  const { PK: _pk, SK: _sk, type: _type, ...rest } = item;
  for (const key of Object.keys(rest)) if (/^GSI\d(PK|SK)$/.test(key)) delete rest[key];
  return rest as T;
}

/** One article's card fields (no content), or undefined. */
export async function getArticleCard(db: Db, articleId: string): Promise<ArticleCardFields | undefined> {
  const [item] = await batchGetAll(db, [articleKey(articleId)], [...ARTICLE_CARD_FIELDS]);
  return item ? (item as unknown as ArticleCardFields) : undefined;
}
