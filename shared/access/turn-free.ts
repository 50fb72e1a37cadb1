/**
 * The sweep that turns articles free when their feed said so
 * (`postwire:freeAfter`): it reads the days up to now (a week back, for a
 * sweep that was down) and sets each due article's stored price to 0, under
 * the condition that its free-from time is still the one the sweep item was
 * made for (a feed that moved it left a new item). Runs with every feed
 * dispatch: a minute apart in AWS, each poller tick on one machine.
 */
import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { conditionHeld } from '../db/conditional-write.js';
import { articleKey, turnFreePk } from '../db/keys.js';

const LOOKBACK_DAYS = 7;

export async function turnFreeArticles(db: Db, now: Date): Promise<number> {
  const nowIso = now.toISOString();
  let turned = 0;
  for (let back = LOOKBACK_DAYS; back >= 0; back--) {
    const day = new Date(now.getTime() - back * 86400_000).toISOString().slice(0, 10);
    const { Items = [] } = await db.doc.send(
      new QueryCommand({ TableName: db.tableName, KeyConditionExpression: 'PK = :pk AND SK <= :now', ExpressionAttributeValues: { ':pk': turnFreePk(day), ':now': `${nowIso}#~` } }),
    );
    for (const item of Items) {
      const changed = await conditionHeld(
        db.doc.send(
          new UpdateCommand({
            TableName: db.tableName,
            Key: articleKey(item.articleId as string),
            UpdateExpression: 'SET priceOverride = :zero',
            ConditionExpression: 'freeFrom = :freeFrom',
            ExpressionAttributeValues: { ':zero': 0, ':freeFrom': item.freeFrom },
          }),
        ),
      );
      if (changed) turned++;
      await db.doc.send(new DeleteCommand({ TableName: db.tableName, Key: { PK: item.PK, SK: item.SK } }));
    }
  }
  return turned;
}
