/**
 * `npm run bench`: every benchmark, one DynamoDB Local, figures printed as Markdown tables.
 * `npm run bench -- refund unlock` runs only those named.
 */
import os from 'node:os';
import { startLocalDynamo } from '../scripts/dynamodb-local.js';
import { runBundleBench } from './bundles.bench.js';
import { runCompileCacheBench } from './compile-cache.bench.js';
import { runFidelityBench } from './fidelity.bench.js';
import { runHostileFeedBench } from './hostile-feeds.bench.js';
import { runIngestBench } from './ingest.bench.js';
import { runNewsletterBench } from './newsletter.bench.js';
import { runPrerequisitesBench } from './prerequisites.bench.js';
import { runRefundBench } from './refund.bench.js';
import { runTimelineBench } from './timeline.bench.js';
import { runStartBench } from './start.bench.js';
import { runStatsBench } from './stats.bench.js';
import { runUnlockBench } from './unlock.bench.js';
import { runWebBench } from './web.bench.js';
import { runWebhookBench } from './webhooks.bench.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(`# postwire benchmarks — ${new Date().toISOString()} — ${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);

const only = new Set(process.argv.slice(2));
const wanted = (name: string) => only.size === 0 || only.has(name);
const budgetMisses: string[] = [];
const withDynamo: Array<[string, (endpoint: string) => Promise<void>]> = [
  ['web', async (endpoint) => void budgetMisses.push(...(await runWebBench(endpoint)).overBudget)],
  ['ingest', runIngestBench],
  ['unlock', runUnlockBench],
  ['stats', runStatsBench],
  ['newsletter', runNewsletterBench],
  ['webhooks', runWebhookBench],
  ['refund', runRefundBench],
  ['timeline', runTimelineBench],
  ['hostile', runHostileFeedBench],
  ['fidelity', runFidelityBench],
];
if (withDynamo.some(([name]) => wanted(name))) {
  const dynamo = await startLocalDynamo();
  try {
    for (const [name, run] of withDynamo) if (wanted(name)) await run(dynamo.endpoint);
  } finally {
    await dynamo.stop();
  }
}
if (wanted('start')) await runStartBench();
if (wanted('prerequisites')) await runPrerequisitesBench();
if (wanted('compile-cache')) await runCompileCacheBench();
const { overBudget } = wanted('bundles') ? await runBundleBench() : { overBudget: [] };
budgetMisses.push(...overBudget);
if (budgetMisses.length > 0) {
  process.stderr.write(`\nBudget exceeded:\n${budgetMisses.join('\n')}\n`);
  process.exitCode = 1;
}
