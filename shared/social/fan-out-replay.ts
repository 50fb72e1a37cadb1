/**
 * Replays a batch the fan-out worker gave up on. The event source mapping's
 * failure destination receives only where the batch was in the stream, so the
 * records are read back from the stream (within its 24-hour retention) and fanned
 * out by the same code the worker runs.
 */
import type { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { Db } from '../db/client.js';
import { readStreamBatch, type StreamBatchInfo } from '../db/stream-records.js';
import { announceFromStream, fanOutNewPosts, type AuthorFanOut } from './post-stream.js';
import type { TimelineOptions } from './timeline.js';
import { rollUpStats } from '../publishers/stats-rollup.js';

/** The `DDBStreamBatchInfo` of a failure-destination message, or an error naming what is missing. */
export function batchInfoOf(messageBody: string): StreamBatchInfo {
  const info = (JSON.parse(messageBody) as { DDBStreamBatchInfo?: Partial<StreamBatchInfo> }).DDBStreamBatchInfo;
  if (!info?.streamArn || !info.shardId || !info.startSequenceNumber || !info.endSequenceNumber) {
    throw new Error('Not a stream failure record: DDBStreamBatchInfo with streamArn, shardId and a sequence range is required.');
  }
  return { streamArn: info.streamArn, shardId: info.shardId, startSequenceNumber: info.startSequenceNumber, endSequenceNumber: info.endSequenceNumber };
}

export async function replayFailedBatch(
  db: Db,
  streams: DynamoDBStreamsClient,
  messageBody: string,
  options: TimelineOptions & { region: string },
): Promise<{ records: number; announced: number; fanOuts: AuthorFanOut[] }> {
  const records = await readStreamBatch(streams, batchInfoOf(messageBody), options.region);
  // As the worker does: announced articles become posts first (a post already written is not written again).
  const announcement = await announceFromStream(db, records);
  if (!announcement.ok) throw new Error(`Announcing the batch's new articles failed: ${announcement.error}`);
  // Entries the rollup already counted are marked, so replaying counts only the rest.
  const rollup = await rollUpStats(db, records);
  if (!rollup.ok) throw new Error(`Rolling up the batch's stats failed: ${rollup.error}`);
  return { records: records.length, announced: announcement.created, fanOuts: await fanOutNewPosts(db, records, options) };
}
