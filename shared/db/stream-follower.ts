/**
 * Follows the table's stream in this process, the way Lambda's event source
 * mapping does in AWS: shard by shard, in order, a batch handed over again
 * until its handler accepts it. On one machine the stream-fed derived data
 * (publisher stats) is then made by the same code from DynamoDB Local's own
 * stream, not by a shortcut beside it.
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import type { Logger } from '../api/app-env.js';
import type { Db } from './client.js';
import { toLambdaRecord } from './stream-records.js';

/** What a handler says about a batch: accepted, or to be delivered again. */
export type BatchHandler = (records: DynamoDBRecord[]) => Promise<{ ok: boolean; error?: string }>;

export interface StreamFollower {
  /** Resolves once every record written so far has been handed over and accepted. */
  catchUp(): Promise<void>;
  stop(): Promise<void>;
}

export function followTableStream(db: Db, handle: BatchHandler, options: { intervalMs: number; region: string; endpoint?: string | undefined; logger: Logger }): StreamFollower {
  const streams = new DynamoDBStreamsClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
  /** Shard → where to read next; `null` once a closed shard is read to its end. */
  const positions = new Map<string, string | null>();
  let streamArn: string | undefined;
  let stopped = false;

  /** One pass over every shard: whether it handed anything over, and whether a batch was refused. */
  const pass = async (): Promise<{ read: boolean; refused: boolean }> => {
    streamArn ??= (await db.raw.send(new DescribeTableCommand({ TableName: db.tableName }))).Table?.LatestStreamArn;
    if (!streamArn) return { read: false, refused: false };
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    let read = false;
    let refused = false;
    for (const shard of StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId!;
      let iterator = positions.get(shardId);
      if (iterator === null) continue;
      // A position long unused expires; reading the shard again from its start is safe, as handlers are idempotent.
      iterator ??= (await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      const records = (page.Records ?? []).map((record) => toLambdaRecord(record, options.region));
      if (records.length > 0) {
        const result = await handle(records);
        // Not accepted: keep the position, so the same batch comes again on the next pass.
        if (!result.ok) {
          options.logger.warn('Stream batch not accepted; retrying', { shardId, error: result.error });
          positions.set(shardId, iterator ?? null);
          refused = true;
          continue;
        }
        read = true;
      }
      positions.set(shardId, page.NextShardIterator ?? null);
    }
    return { read, refused };
  };

  let running: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = running.then(work, work);
    running = next.catch(() => undefined);
    return next;
  };
  const tick = () =>
    serial(pass).catch((error: Error) => {
      if (error.name === 'ExpiredIteratorException') positions.clear();
      options.logger.warn('Reading the table stream failed', { error: error.message });
    });
  // Without an interval it reads only when asked to catch up.
  const timer = options.intervalMs > 0 ? setInterval(() => void (stopped || tick()), options.intervalMs) : undefined;
  timer?.unref();

  return {
    async catchUp() {
      // Until a pass finds nothing new: records written before the call are then handled.
      for (let refusals = 0; ; ) {
        const { read, refused } = await serial(pass);
        if (refused && ++refusals >= 20) throw new Error('A stream batch was refused 20 times in a row.');
        if (!read && !refused) return;
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
      streams.destroy();
    },
  };
}
