/** `npm run bench`: every benchmark, one DynamoDB Local, figures printed as Markdown tables. */
import os from 'node:os';
import { startLocalDynamo } from '../scripts/dynamodb-local.js';
import { runBundleBench } from './bundles.bench.js';
import { runHostileFeedBench } from './hostile-feeds.bench.js';
import { runIngestBench } from './ingest.bench.js';
import { runTimelineBench } from './timeline.bench.js';
import { runUnlockBench } from './unlock.bench.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(`# postwire benchmarks — ${new Date().toISOString()} — ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);

const dynamo = await startLocalDynamo();
try {
  await runIngestBench(dynamo.endpoint);
  await runUnlockBench(dynamo.endpoint);
  await runTimelineBench(dynamo.endpoint);
  await runHostileFeedBench(dynamo.endpoint);
} finally {
  await dynamo.stop();
}
const { overBudget } = await runBundleBench();
if (overBudget.length > 0) {
  process.stderr.write(`\nBundle budget exceeded:\n${overBudget.join('\n')}\n`);
  process.exitCode = 1;
}
