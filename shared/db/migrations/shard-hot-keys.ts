/**
 * Moves items written before the hot keys were sharded onto their shards:
 * feeds in the single `FEEDS_DUE` index partition (the dispatcher no longer
 * reads it, so they would never be fetched again), articles in the single
 * `ARTICLES` partition (missing from the newest-articles list), and earnings
 * entries in the publisher's own partition (missing from balances,
 * statements and payouts). Safe to run again: it finds nothing the second time.
 *
 * A moved earnings entry is a new insert on the table's stream, so the stats
 * rollup counts the entries made before it existed too, each once.
 */
import { paginateScan, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../client.js';
import { allArticlesPk, ARTICLE_LIST_SHARDS, earningKey, EARNING_SK_PREFIX, feedDueKeys, publisherOfPartition, shardOf } from '../keys.js';

export interface ShardMigration {
  feeds: number;
  articles: number;
  earnings: number;
}

export async function shardHotKeys(db: Db): Promise<ShardMigration> {
  const moved: ShardMigration = { feeds: 0, articles: 0, earnings: 0 };
  const scan = {
    TableName: db.tableName,
    FilterExpression: 'GSI2PK = :feeds OR GSI2PK = :articles OR (begins_with(PK, :publisher) AND begins_with(SK, :earning))',
    ExpressionAttributeValues: { ':feeds': 'FEEDS_DUE', ':articles': 'ARTICLES', ':publisher': 'PUB#', ':earning': EARNING_SK_PREFIX },
  };
  for await (const page of paginateScan({ client: db.doc }, scan)) {
    for (const item of page.Items ?? []) {
      if (item.GSI2PK === 'FEEDS_DUE') {
        const { GSI2PK } = feedDueKeys(item.nextFetchAt as string, item.publisherSlug as string, item.feedId as string);
        await setIndexPartition(db, item, GSI2PK);
        moved.feeds++;
      } else if (item.GSI2PK === 'ARTICLES') {
        await setIndexPartition(db, item, allArticlesPk(shardOf(item.id as string, ARTICLE_LIST_SHARDS)));
        moved.articles++;
      } else {
        const slug = publisherOfPartition(item.PK as string);
        const { PK: _pk, SK: _sk, ...entry } = item;
        // One transaction: the entry is never in both ledgers, nor in neither.
        await db.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Put: { TableName: db.tableName, Item: { ...entry, ...earningKey(slug, item.at as string, item.entryId as string) }, ConditionExpression: 'attribute_not_exists(PK)' } },
              { Delete: { TableName: db.tableName, Key: { PK: item.PK, SK: item.SK }, ConditionExpression: 'attribute_exists(PK)' } },
            ],
          }),
        );
        moved.earnings++;
      }
    }
  }
  return moved;
}

/** Moves an item's GSI2 entry to another partition, if nothing changed it meanwhile. */
async function setIndexPartition(db: Db, item: Record<string, unknown>, partition: string): Promise<void> {
  await db.doc.send(
    new UpdateCommand({
      TableName: db.tableName,
      Key: { PK: item.PK, SK: item.SK },
      UpdateExpression: 'SET GSI2PK = :partition',
      ConditionExpression: 'GSI2PK = :old',
      ExpressionAttributeValues: { ':partition': partition, ':old': item.GSI2PK },
    }),
  ).catch((error: Error) => {
    // Rewritten since the scan (a fetch, an update): it already carries its shard.
    if (error.name !== 'ConditionalCheckFailedException') throw error;
  });
}
