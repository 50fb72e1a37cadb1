/**
 * One DynamoDB client per process, reused across invocations.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { attachRoundTripCounter, RoundTripCounter } from './round-trips.js';

export interface Db {
  doc: DynamoDBDocumentClient;
  raw: DynamoDBClient;
  tableName: string;
  roundTrips: RoundTripCounter;
}

export interface DbOptions {
  tableName: string;
  region: string;
  endpoint?: string | undefined;
}

export function createDb({ tableName, region, endpoint }: DbOptions): Db {
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
  return { doc, raw, tableName, roundTrips };
}
