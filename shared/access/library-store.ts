/** A reader's library: their entitlements newest first (GSI1), with the articles they open. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ARTICLE_CARD_FIELDS, type ArticleCardFields } from '../articles/article-store.js';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import type { PageKey } from '../db/cursor.js';
import { articleIdOfEntitlementSk, articleKey, entitlementKey, INDEX, libraryPk, readerPartition } from '../db/keys.js';
import type { Entitlement } from './entitlement.js';

export async function listLibrary(db: Db, userId: string, limit: number, startKey?: PageKey) {
  const page = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: INDEX.byPublisher,
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: { ':pk': libraryPk(userId) },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: startKey,
    }),
  );
  // The index keeps only keys for entitlements; the table keys name the article.
  const articleIds = (page.Items ?? []).map((item) => articleIdOfEntitlementSk(item.SK as string));
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
    lastKey: page.LastEvaluatedKey,
  };
}
