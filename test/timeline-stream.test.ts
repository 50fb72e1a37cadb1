/**
 * Timelines as AWS builds them: the API only writes posts, and the fan-out
 * worker Lambda copies them to followers' timelines from the table's stream.
 * The stream is DynamoDB Local's own, read back with the streams client.
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { readerAccount } from '../shared/db/keys.js';
import { readWholeStream } from './support/table-stream.js';
import { replayFailedBatch } from '../shared/social/fan-out-replay.js';
import { articleItems, rss2 } from './support/feeds.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
let streams: DynamoDBStreamsClient;
let streamArn: string;

beforeAll(async () => {
  stack = await createTestStack({ env: { TIMELINE_FANOUT: 'stream' } });
  const { endpoint, region } = { endpoint: stack.deps.config.dynamoEndpoint, region: stack.deps.config.region };
  streams = new DynamoDBStreamsClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const { Table } = await stack.deps.db.raw.send(new DescribeTableCommand({ TableName: stack.deps.config.tableName }));
  streamArn = Table!.LatestStreamArn!;
});

const post = (auth: Record<string, string>, text: string) =>
  stack.request('/v1/posts', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
const follow = (auth: Record<string, string>, body: object) =>
  stack.request('/v1/follows', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
const timelineTexts = async (auth: Record<string, string>) =>
  ((await (await stack.request('/v1/timeline', { headers: auth })).json()) as { items: Array<{ text: string }> }).items.map((item) => item.text);

async function fanOutWorker() {
  process.env.TABLE_NAME = stack.deps.config.tableName;
  process.env.DYNAMODB_ENDPOINT = stack.deps.config.dynamoEndpoint;
  return (await import('../functions/fanout-worker.js')).handler;
}

describe('timeline fan-out from the table stream', () => {
  it('makes new articles publisher posts once, puts readers’ and publishers’ new posts on followers’ timelines, and reports only the record it could not fan out', async () => {
    const ana = await stack.signUp('st_ana');
    const ben = await stack.signUp('st_ben');
    const { auth: publisher } = await stack.createPublisher('st-pub');
    expect((await follow(ana.auth, { handle: 'st_ben' })).status).toBe(201);
    expect((await follow(ana.auth, { publisher: 'st-pub' })).status).toBe(201);
    expect((await post(ben.auth, 'Ben, via the stream')).status).toBe(201);
    const push = await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...publisher, 'content-type': 'application/rss+xml' }, body: rss2(articleItems(2, 'st')) });
    expect(push.status).toBe(200);
    // The API wrote Ben's post and the articles, and nothing else: no publisher post yet, and Ana's timeline is empty.
    expect(await timelineTexts(ana.auth)).toEqual([]);
    expect(((await (await stack.request('/v1/publishers/st-pub/posts')).json()) as { items: unknown[] }).items).toEqual([]);

    // First pass: the articles' inserts become the publisher's posts, once, however often the records come.
    const firstRecords = (await readWholeStream(streams, streamArn, stack.deps.config.region)).flatMap((shard) => shard.records);
    expect(firstRecords.filter((record) => record.dynamodb?.NewImage?.announceRank)).toHaveLength(2);
    const handler = await fanOutWorker();
    await handler({ Records: firstRecords });
    await handler({ Records: firstRecords });
    const publisherPosts = ((await (await stack.request('/v1/publishers/st-pub/posts')).json()) as { items: Array<{ text: string }> }).items;
    expect(publisherPosts.map((item) => item.text)).toEqual(['Story number 1 from the wires', 'Story number 0 from the wires']);

    // Second pass: every post insert (Ben's and the publisher's two) is fanned out.
    const records = (await readWholeStream(streams, streamArn, stack.deps.config.region)).flatMap((shard) => shard.records);
    const postInserts = records.filter((record) => record.eventName === 'INSERT' && record.dynamodb?.NewImage?.type?.S === 'post');
    expect(postInserts).toHaveLength(3);
    // A damaged post (its time unreadable) by someone else, as a stream may carry after a bad write.
    const damaged: DynamoDBRecord = structuredClone(postInserts[0]!);
    damaged.dynamodb!.NewImage!.createdAt = { S: 'not a time' };
    damaged.dynamodb!.NewImage!.author = { S: readerAccount('someone-else') };
    damaged.dynamodb!.SequenceNumber = '999999999999999999999';

    const result = await handler({ Records: [...records, damaged] });
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: '999999999999999999999' }] });
    expect(await timelineTexts(ana.auth)).toEqual(['Story number 1 from the wires', 'Story number 0 from the wires', 'Ben, via the stream']);
    expect(await timelineTexts(ben.auth)).toEqual(['Ben, via the stream']);
  });

  it('replays a batch from the failure destination’s record to the followers the author has now', async () => {
    const cleo = await stack.signUp('st_cleo');
    const dan = await stack.signUp('st_dan');
    expect((await post(cleo.auth, 'Cleo, replayed')).status).toBe(201);
    expect((await follow(dan.auth, { handle: 'st_cleo' })).status).toBe(201);
    const shards = await readWholeStream(streams, streamArn, stack.deps.config.region);
    const shard = shards.find((candidate) => candidate.records.some((record) => record.dynamodb?.NewImage?.text?.S === 'Cleo, replayed'))!;
    const cleoPost = shard.records.find((record) => record.dynamodb?.NewImage?.text?.S === 'Cleo, replayed')!;
    // Dan followed after the post: only a replay can bring it to his timeline.
    expect(await timelineTexts(dan.auth)).toEqual([]);
    // What the event source mapping sends to its on-failure destination: where the batch was, not its records.
    const failureRecord = JSON.stringify({
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 4 },
      version: '1.0',
      DDBStreamBatchInfo: {
        streamArn,
        shardId: shard.shardId,
        startSequenceNumber: cleoPost.dynamodb!.SequenceNumber,
        endSequenceNumber: cleoPost.dynamodb!.SequenceNumber,
        batchSize: 1,
      },
    });
    const { records, fanOuts } = await replayFailedBatch(stack.deps.db, streams, failureRecord, { ...stack.deps.config.social, region: stack.deps.config.region });
    expect(records).toBe(1);
    expect(fanOuts.map((fanOut) => fanOut.outcome)).toEqual([{ ok: true, written: 2 }]);
    expect(await timelineTexts(dan.auth)).toEqual(['Cleo, replayed']);
  });

  it('refuses a failure-destination message that does not say where its batch was', async () => {
    await expect(replayFailedBatch(stack.deps.db, streams, JSON.stringify({ requestContext: {} }), { ...stack.deps.config.social, region: 'us-east-1' })).rejects.toThrow(
      /DDBStreamBatchInfo with streamArn, shardId and a sequence range is required/,
    );
  });
});
