/**
 * One DynamoDB client per process, reused across invocations.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { attachRoundTripCounter, RoundTripCounter } from './round-trips.js';
import { TtlCache } from './ttl-cache.js';

export interface Db {
  doc: DynamoDBDocumentClient;
  raw: DynamoDBClient;
  tableName: string;
  roundTrips: RoundTripCounter;
  /** Publisher records by slug, for `publisherCacheMs` (0: not kept). */
  publishers: TtlCache<Record<string, unknown>>;
  /** Each reader's `sessionsValidAfter`, for `sessionCacheMs`. */
  sessions: TtlCache<number>;
}

export interface DbOptions {
  tableName: string;
  region: string;
  endpoint?: string | undefined;
  publisherCacheMs?: number | undefined;
  sessionCacheMs?: number | undefined;
}

export function createDb({ tableName, region, endpoint, publisherCacheMs = 0, sessionCacheMs = 30_000 }: DbOptions): Db {
  const raw = new DynamoDBClient({
    region,
    ...(endpoint
      ? {
          endpoint,
          // DynamoDB Local accepts any credentials; fixed ones keep local runs off the credential chain.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  const roundTrips = new RoundTripCounter();
  attachRoundTripCounter(raw, roundTrips);
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return { doc, raw, tableName, roundTrips, publishers: new TtlCache(publisherCacheMs), sessions: new TtlCache(sessionCacheMs, 100_000) };
}
