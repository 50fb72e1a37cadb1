/** A reader's library: their entitlements newest first (GSI1), with the articles they open. */
import { ARTICLE_CARD_FIELDS, type ArticleCardFields } from '../articles/article-store.js';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { queryIndexPage } from '../db/index-page.js';
import type { PageKey } from '../db/cursor.js';
import { articleIdOfEntitlementSk, articleKey, entitlementKey, INDEX, libraryPk, readerPartition } from '../db/keys.js';
import type { Entitlement } from './entitlement.js';

export async function listLibrary(db: Db, userId: string, limit: number, startKey?: PageKey) {
  const page = await queryIndexPage(db, { index: INDEX.byPublisher, partition: libraryPk(userId), limit, startKey });
  // The index keeps only keys for entitlements; the table keys name the article.
  const articleIds = page.items.map((item) => articleIdOfEntitlementSk(item.SK as string));
  const items = await batchGetAll(
    db,
    [...articleIds.map(articleKey), ...articleIds.map((id) => entitlementKey(userId, id))],
    // Cards, not content: a library page reads kilobytes, not whole articles.
    [...ARTICLE_CARD_FIELDS, 'PK', 'type', 'articleId', 'via', 'grantedAt'],
  );
  const articles = new Map(items.filter((item) => item.type === 'article').map((item) => [item.id as string, item as unknown as ArticleCardFields]));
  const entitlements = new Map(
    items.filter((item) => item.type === 'entitlement' && item.PK === readerPartition(userId)).map((item) => [item.articleId as string, item as unknown as Entitlement]),
  );
  return {
    items: articleIds.flatMap((id) => {
      const article = articles.get(id);
      const entitlement = entitlements.get(id);
      return article && entitlement ? [{ article, entitlement }] : [];
    }),
    lastKey: page.lastKey,
  };
}
