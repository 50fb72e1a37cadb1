/**
 * Creates the table if it is missing, or adds the indexes a newer version
 * needs (one at a time, as DynamoDB requires). Used by local start-up and tests;
 * in AWS the CDK stack owns the table.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
  type GlobalSecondaryIndex,
} from '@aws-sdk/client-dynamodb';
import type { Db } from './client.js';
import { GLOBAL_INDEXES, GLOBAL_INDEX_PROJECTION, STREAM_VIEW, TABLE_KEY, type IndexSchema } from './table-schema.js';

const toGsi = (index: IndexSchema): GlobalSecondaryIndex => ({
  IndexName: index.name,
  KeySchema: [
    { AttributeName: index.partitionKey, KeyType: 'HASH' },
    { AttributeName: index.sortKey, KeyType: 'RANGE' },
  ],
  Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...GLOBAL_INDEX_PROJECTION] },
});

const stringAttribute = (name: string) => ({ AttributeName: name, AttributeType: 'S' as const });

export interface EnsureTableOptions {
  /**
   * Turn the table's stream on, as in AWS. Only a stream consumer needs it locally, and DynamoDB Local
   * slows down markedly with a stream on every write, so it is off unless asked for.
   */
  stream?: boolean;
}

export async function ensureTable(db: Db, options: EnsureTableOptions = {}): Promise<'created' | 'migrated' | 'current'> {
  const existing = await describe(db);
  if (!existing) {
    await db.raw.send(
      new CreateTableCommand({
        TableName: db.tableName,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: TABLE_KEY.partition, KeyType: 'HASH' },
          { AttributeName: TABLE_KEY.sort, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          stringAttribute(TABLE_KEY.partition),
          stringAttribute(TABLE_KEY.sort),
          ...GLOBAL_INDEXES.flatMap((index) => [stringAttribute(index.partitionKey), stringAttribute(index.sortKey)]),
        ],
        GlobalSecondaryIndexes: GLOBAL_INDEXES.map(toGsi),
        ...(options.stream ? { StreamSpecification: { StreamEnabled: true, StreamViewType: STREAM_VIEW } } : {}),
      }),
    );
    return 'created';
  }
  const present = new Set((existing.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const missing = GLOBAL_INDEXES.filter((index) => !present.has(index.name));
  for (const index of missing) {
    await db.raw.send(
      new UpdateTableCommand({
        TableName: db.tableName,
        AttributeDefinitions: [stringAttribute(index.partitionKey), stringAttribute(index.sortKey)],
        GlobalSecondaryIndexUpdates: [{ Create: toGsi(index) }],
      }),
    );
    await waitUntilIndexActive(db, index.name);
  }
  const streamMissing = options.stream === true && !existing.StreamSpecification?.StreamEnabled;
  if (streamMissing) {
    await db.raw.send(new UpdateTableCommand({ TableName: db.tableName, StreamSpecification: { StreamEnabled: true, StreamViewType: STREAM_VIEW } }));
  }
  return missing.length > 0 || streamMissing ? 'migrated' : 'current';
}

async function describe(db: Db) {
  try {
    const { Table } = await db.raw.send(new DescribeTableCommand({ TableName: db.tableName }));
    return Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

async function waitUntilIndexActive(db: Db, indexName: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const table = await describe(db);
    const status = table?.GlobalSecondaryIndexes?.find((index) => index.IndexName === indexName)?.IndexStatus;
    if (status === 'ACTIVE') return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`Index ${indexName} did not become active in time.`);
}
