/** The whole of a table's stream in DynamoDB Local, shard by shard, as Lambda would deliver it. */
import { DescribeStreamCommand, GetShardIteratorCommand, type DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { readFrom } from '../../shared/db/stream-records.js';

/** Every record currently in the stream. */
export async function readWholeStream(streams: DynamoDBStreamsClient, streamArn: string, region: string): Promise<Array<{ shardId: string; records: DynamoDBRecord[] }>> {
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
  const shards: Array<{ shardId: string; records: DynamoDBRecord[] }> = [];
  for (const shard of StreamDescription?.Shards ?? []) {
    if (!shard.ShardId) continue;
    const { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }));
    const end = BigInt(shard.SequenceNumberRange?.EndingSequenceNumber ?? (2n ** 128n).toString());
    shards.push({ shardId: shard.ShardId, records: await readFrom(streams, ShardIterator, end, region) });
  }
  return shards;
}
