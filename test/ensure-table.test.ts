import { randomBytes } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { createDb } from '../shared/db/client.js';
import { ensureTable } from '../shared/db/ensure-table.js';
import { GLOBAL_INDEXES } from '../shared/db/table-schema.js';

const newDb = () => createDb({ tableName: `ensure-${randomBytes(4).toString('hex')}`, region: 'us-east-1', endpoint: inject('dynamoEndpoint') });

async function indexNames(db: ReturnType<typeof newDb>) {
  const { Table } = await db.raw.send(new DescribeTableCommand({ TableName: db.tableName }));
  return (Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName).sort();
}

describe('creating and migrating the table at start-up', () => {
  it('creates a missing table with every index (and the stream when asked), and leaves a current one alone', async () => {
    const db = newDb();
    expect(await ensureTable(db, { stream: true })).toBe('created');
    expect(await indexNames(db)).toEqual(GLOBAL_INDEXES.map((index) => index.name).sort());
    const { Table } = await db.raw.send(new DescribeTableCommand({ TableName: db.tableName }));
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(await ensureTable(db, { stream: true })).toBe('current');
  });

  it('adds the indexes an older table lacks, and its stream when asked', async () => {
    const db = newDb();
    await db.raw.send(
      new CreateTableCommand({
        TableName: db.tableName,
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'PK', KeyType: 'HASH' },
          { AttributeName: 'SK', KeyType: 'RANGE' },
        ],
        AttributeDefinitions: [
          { AttributeName: 'PK', AttributeType: 'S' },
          { AttributeName: 'SK', AttributeType: 'S' },
        ],
      }),
    );
    expect(await ensureTable(db)).toBe('migrated');
    expect(await indexNames(db)).toEqual(GLOBAL_INDEXES.map((index) => index.name).sort());
    expect(await ensureTable(db)).toBe('current');
    // Asked for, the stream the timeline fan-out reads is switched on too.
    expect(await ensureTable(db, { stream: true })).toBe('migrated');
    const { Table } = await db.raw.send(new DescribeTableCommand({ TableName: db.tableName }));
    expect(Table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    expect(await ensureTable(db, { stream: true })).toBe('current');
  });
});
