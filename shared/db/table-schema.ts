/**
 * The table's shape, shared by local start-up (create/migrate) and the CDK stack,
 * so both always agree.
 */
import { INDEX, INDEX_PROJECTION, type IndexName } from './keys.js';

export const TABLE_KEY = { partition: 'PK', sort: 'SK' } as const;
export const TTL_ATTRIBUTE = 'expiresAt';
/** The stream carries new posts to the timeline fan-out (and both images, for whatever reacts to changes next). */
export const STREAM_VIEW = 'NEW_AND_OLD_IMAGES' as const;

export interface IndexSchema {
  name: IndexName;
  partitionKey: string;
  sortKey: string;
}

export const GLOBAL_INDEXES: IndexSchema[] = Object.values(INDEX).map((name) => ({
  name,
  partitionKey: `${name}PK`,
  sortKey: `${name}SK`,
}));

export const GLOBAL_INDEX_PROJECTION: readonly string[] = INDEX_PROJECTION;
