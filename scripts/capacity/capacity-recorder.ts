/**
 * Records the capacity every DynamoDB request consumed, by the partition it
 * landed on: the table's partition key, or `<index>:<index partition key>`.
 * A middleware asks each request for `ReturnConsumedCapacity: INDEXES` (which
 * DynamoDB Local answers with the same unit rules as DynamoDB) and reads the
 * keys from the request itself.
 *
 * Where one response covers several items (transactions, batches), its units
 * are split evenly over the items. Where an update moves an item's index entry
 * without naming its index key, the key is read back afterwards with a client
 * that records nothing.
 */
import { type DynamoDBClient, GetItemCommand, type ServiceInputTypes, type ServiceOutputTypes } from '@aws-sdk/client-dynamodb';
import type { InitializeMiddleware } from '@smithy/types';

export interface KeyLoad {
  /** Read units (eventually consistent reads count half). */
  rcu: number;
  /** Write units (transactional writes count double). */
  wcu: number;
}

type Values = Record<string, unknown>;
interface CapacityPart {
  CapacityUnits?: number;
}
interface ConsumedCapacity {
  TableName?: string;
  CapacityUnits?: number;
  Table?: CapacityPart;
  GlobalSecondaryIndexes?: Record<string, CapacityPart>;
}

/** A string attribute in either shape the middleware may see: plain (document client) or marshalled. */
const plain = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : value && typeof value === 'object' && typeof (value as { S?: unknown }).S === 'string' ? (value as { S: string }).S : undefined;

export class CapacityRecorder {
  /** Phase → partition label → load. */
  readonly phases = new Map<string, Map<string, KeyLoad>>();
  phase: string | undefined;

  constructor(
    private readonly tableName: string,
    /** A client without this recorder, for reading back index keys. */
    private readonly quiet: DynamoDBClient,
  ) {}

  attach(client: DynamoDBClient): void {
    const record: InitializeMiddleware<ServiceInputTypes, ServiceOutputTypes> = (next, context) => async (args) => {
      const input = args.input as Values;
      if (!this.phase) return next(args);
      input.ReturnConsumedCapacity = 'INDEXES';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] }).ConsumedCapacity;
      if (consumed) await this.attribute(context.commandName ?? '', input, [consumed].flat());
      return result;
    };
    client.middlewareStack.add(record, { step: 'initialize', priority: 'high', name: 'postwireCapacityRecorder', override: true });
  }

  private add(label: string, kind: keyof KeyLoad, units: number): void {
    if (!this.phase || units <= 0) return;
    const loads = this.phases.get(this.phase) ?? new Map<string, KeyLoad>();
    this.phases.set(this.phase, loads);
    const load = loads.get(label) ?? { rcu: 0, wcu: 0 };
    load[kind] += units;
    loads.set(label, load);
  }

  private async attribute(command: string, input: Values, consumed: ConsumedCapacity[]): Promise<void> {
    const mine = consumed.find((capacity) => capacity.TableName === this.tableName);
    if (!mine) return;
    const table = mine.Table?.CapacityUnits ?? (mine.GlobalSecondaryIndexes ? 0 : (mine.CapacityUnits ?? 0));
    const indexes = Object.entries(mine.GlobalSecondaryIndexes ?? {}).map(([index, part]) => [index, part.CapacityUnits ?? 0] as const);
    switch (command) {
      case 'GetItemCommand':
        return this.add(plain((input.Key as Values).PK) ?? '?', 'rcu', table);
      case 'QueryCommand': {
        const [, , placeholder] = /^\s*(\w+)\s*=\s*(:\w+)/.exec(String(input.KeyConditionExpression)) ?? [];
        const value = plain((input.ExpressionAttributeValues as Values | undefined)?.[placeholder ?? '']) ?? '?';
        const index = input.IndexName as string | undefined;
        return index ? this.add(`${index}:${value}`, 'rcu', indexes.find(([name]) => name === index)?.[1] ?? 0) : this.add(value, 'rcu', table);
      }
      case 'BatchGetItemCommand': {
        const keys = ((input.RequestItems as Record<string, { Keys: Values[] }>)[this.tableName]?.Keys ?? []).map((key) => plain(key.PK) ?? '?');
        for (const key of keys) this.add(key, 'rcu', table / keys.length);
        return;
      }
      case 'PutItemCommand':
      case 'UpdateItemCommand':
      case 'DeleteItemCommand':
        return this.attributeWrites([writeOf(command.replace('ItemCommand', ''), input)], table, indexes);
      case 'TransactWriteItemsCommand':
        return this.attributeWrites(
          (input.TransactItems as Array<Record<string, Values>>).map((item) => {
            const [kind, body] = Object.entries(item)[0]!;
            return writeOf(kind, body);
          }),
          table,
          indexes,
        );
      case 'BatchWriteItemCommand': {
        const requests = (input.RequestItems as Record<string, Array<Record<string, Values>>>)[this.tableName] ?? [];
        return this.attributeWrites(
          requests.map((request) => (request.PutRequest ? writeOf('Put', request.PutRequest) : writeOf('Delete', request.DeleteRequest!))),
          table,
          indexes,
        );
      }
      default:
        return;
    }
  }

  private async attributeWrites(writes: Write[], table: number, indexes: ReadonlyArray<readonly [string, number]>): Promise<void> {
    for (const write of writes) this.add(write.pk, 'wcu', table / writes.length);
    for (const [index, units] of indexes) {
      if (units <= 0) continue;
      const touching = writes.filter((write) => write.kind !== 'ConditionCheck');
      const labels = await Promise.all(touching.map(async (write) => write.indexKeys[index] ?? (await this.indexKeyOf(write, index))));
      const named = labels.filter((label): label is string => label !== undefined);
      for (const label of named) this.add(`${index}:${label}`, 'wcu', units / named.length);
      if (named.length === 0) this.add(`${index}:?`, 'wcu', units);
    }
  }

  /** The index key an item holds now (after the write); none if the item is gone or not in the index. */
  private async indexKeyOf(write: Write, index: string): Promise<string | undefined> {
    if (write.kind === 'Delete' || !write.key) return undefined;
    const { Item } = await this.quiet.send(
      new GetItemCommand({ TableName: this.tableName, Key: { PK: { S: write.key.PK }, SK: { S: write.key.SK } }, ProjectionExpression: '#k', ExpressionAttributeNames: { '#k': `${index}PK` } }),
    );
    return plain(Item?.[`${index}PK`]);
  }
}

interface Write {
  kind: string;
  pk: string;
  key?: { PK: string; SK: string } | undefined;
  /** Index partition keys the request itself names. */
  indexKeys: Record<string, string>;
}

function writeOf(kind: string, body: Values): Write {
  if (kind === 'Put') {
    const item = body.Item as Values;
    const indexKeys: Record<string, string> = {};
    for (const [attribute, value] of Object.entries(item)) {
      const match = /^(GSI\d)PK$/.exec(attribute);
      if (match) indexKeys[match[1]!] = plain(value) ?? '?';
    }
    return { kind, pk: plain(item.PK) ?? '?', key: { PK: plain(item.PK) ?? '?', SK: plain(item.SK) ?? '?' }, indexKeys };
  }
  const key = body.Key as Values;
  const indexKeys: Record<string, string> = {};
  const values = (body.ExpressionAttributeValues ?? {}) as Values;
  for (const match of String(body.UpdateExpression ?? '').matchAll(/(GSI\d)PK\s*=\s*(:\w+)/g)) indexKeys[match[1]!] = plain(values[match[2]!]) ?? '?';
  return { kind, pk: plain(key.PK) ?? '?', key: { PK: plain(key.PK) ?? '?', SK: plain(key.SK) ?? '?' }, indexKeys };
}
