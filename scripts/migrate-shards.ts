/**
 * Moves a stage's items written before the hot keys were sharded onto their
 * shards (shared/db/migrations/shard-hot-keys.ts). Run once per stage after
 * deploying this version; running it again changes nothing:
 *   TABLE_NAME=postwire-prod AWS_REGION=eu-west-1 npx tsx scripts/migrate-shards.ts
 * `npm start` runs the same migration on its own table at every start.
 */
import { loadConfig } from '../shared/config.js';
import { createDb } from '../shared/db/client.js';
import { shardHotKeys } from '../shared/db/migrations/shard-hot-keys.js';

const config = loadConfig();
const db = createDb({ tableName: config.tableName, region: config.region, endpoint: config.dynamoEndpoint });
const moved = await shardHotKeys(db);
console.log(`Moved ${moved.feeds} feeds, ${moved.articles} articles and ${moved.earnings} earnings entries onto their shards in ${config.tableName}.`);
db.raw.destroy();
