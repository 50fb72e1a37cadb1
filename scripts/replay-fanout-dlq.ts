/**
 * Replays the timeline fan-out batches that landed in the fan-out DLQ, then
 * deletes each message whose posts were all fanned out. Run with the stage's
 * credentials:  npx tsx scripts/replay-fanout-dlq.ts <dlq-url> <table-name>
 * (AWS_REGION as usual). The stream keeps records for 24 hours; older batches
 * are reported and left in the queue.
 */
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DeleteMessageCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { loadConfig } from '../shared/config.js';
import { createDb } from '../shared/db/client.js';
import { replayFailedBatch } from '../shared/social/fan-out-replay.js';

const [queueUrl, tableName] = process.argv.slice(2);
if (!queueUrl || !tableName) {
  console.error('Usage: npx tsx scripts/replay-fanout-dlq.ts <fan-out DLQ url> <table name>');
  process.exit(2);
}
const config = loadConfig({ ...process.env, TABLE_NAME: tableName });
const db = createDb({ tableName, region: config.region, endpoint: config.dynamoEndpoint });
const sqs = new SQSClient({});
const streams = new DynamoDBStreamsClient({});
let replayed = 0;
let kept = 0;

for (;;) {
  const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, VisibilityTimeout: 300 }));
  if (Messages.length === 0) break;
  for (const message of Messages) {
    try {
      const { records, announced, fanOuts } = await replayFailedBatch(db, streams, message.Body ?? '', { ...config.social, region: config.region });
      const failed = fanOuts.filter((fanOut) => !fanOut.outcome.ok);
      if (failed.length > 0) throw new Error(failed.map((fanOut) => `${fanOut.author}: ${fanOut.outcome.ok ? '' : fanOut.outcome.error}`).join('; '));
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
      console.log(`replayed ${message.MessageId}: ${records} records, ${announced} publisher posts, ${fanOuts.length} authors`);
      replayed++;
    } catch (error) {
      console.error(`kept ${message.MessageId}: ${(error as Error).message}`);
      kept++;
    }
  }
}
console.log(`${replayed} batches replayed, ${kept} kept in the queue.`);
