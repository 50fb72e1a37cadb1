/**
 * Reads records back from the table's stream, in the shape Lambda hands them to
 * a stream consumer. Operators use it to replay a batch the fan-out worker gave
 * up on (the failure destination keeps only the batch's shard and sequence
 * range, and the stream keeps records for 24 hours).
 */
import {
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';

/** What the event source mapping writes to its on-failure destination about a failed batch. */
export interface StreamBatchInfo {
  streamArn: string;
  shardId: string;
  startSequenceNumber: string;
  endSequenceNumber: string;
}

const seq = (value: string | undefined): bigint => BigInt(value ?? '0');

/** The SDK's record as Lambda delivers it (creation time in epoch seconds). */
export function toLambdaRecord(record: StreamRecord, region: string): DynamoDBRecord {
  const { ApproximateCreationDateTime, ...change } = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventSource: 'aws:dynamodb',
    eventVersion: record.eventVersion,
    awsRegion: record.awsRegion ?? region,
    dynamodb: {
      ...(change as DynamoDBRecord['dynamodb']),
      ...(ApproximateCreationDateTime ? { ApproximateCreationDateTime: Math.floor(ApproximateCreationDateTime.getTime() / 1000) } : {}),
    },
  };
}

/** Every record of one shard from `start` to `end` (inclusive). */
export async function readStreamBatch(streams: DynamoDBStreamsClient, batch: StreamBatchInfo, region: string): Promise<DynamoDBRecord[]> {
  const { ShardIterator } = await streams.send(
    new GetShardIteratorCommand({ StreamArn: batch.streamArn, ShardId: batch.shardId, ShardIteratorType: 'AT_SEQUENCE_NUMBER', SequenceNumber: batch.startSequenceNumber }),
  );
  return readFrom(streams, ShardIterator, seq(batch.endSequenceNumber), region);
}

/** Records from a shard iterator up to sequence number `end` (inclusive), or until the shard has no more for now. */
export async function readFrom(streams: DynamoDBStreamsClient, iterator: string | undefined, end: bigint, region: string): Promise<DynamoDBRecord[]> {
  const records: DynamoDBRecord[] = [];
  while (iterator) {
    const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
    for (const record of page.Records ?? []) {
      if (seq(record.dynamodb?.SequenceNumber) > end) return records;
      records.push(toLambdaRecord(record, region));
    }
    // An open shard keeps handing out iterators; an empty page means we have caught up.
    if ((page.Records ?? []).length === 0) break;
    iterator = page.NextShardIterator;
  }
  return records;
}
