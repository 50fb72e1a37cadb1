/** Articles in DynamoDB: list newest first through the article indexes, read versions and write in batches. */
import { batchGetAll, batchPutAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { queryIndexPage } from '../db/index-page.js';
import type { PageKey } from '../db/cursor.js';
import { articleKey, articleListKeys, articleListQuery } from '../db/keys.js';
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
  const { index, partition } = articleListQuery(filter);
  // Index sort keys start with the ISO publication time, so a month is a key prefix.
  const page = await queryIndexPage(db, { index, partition, limit, startKey, prefix: filter.month });
  return { items: page.items.map((item) => stripKeys<ArticleCardFields>(item)), lastKey: page.lastKey };
}

export interface StoredVersion {
  contentHash: string;
  firstSeenAt: string;
  publishedAt: string;
}

/** What is already stored for these ids: enough to decide create / update / unchanged. */
export async function findStoredVersions(db: Db, ids: string[]): Promise<Map<string, StoredVersion>> {
  const items = await batchGetAll(db, ids.map(articleKey), ['id', 'contentHash', 'firstSeenAt', 'publishedAt']);
  return new Map(items.map((item) => [item.id as string, item as unknown as StoredVersion]));
}

export async function putArticles(db: Db, articles: Article[]): Promise<void> {
  await batchPutAll(
    db,
    articles.map((article) => ({ ...articleKey(article.id), ...articleListKeys(article), type: 'article', ...article })),
  );
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
