/**
 * Webhook delivery latency on one machine, from the write to the receiver:
 * unlocks through the API, the table's stream followed in-process (as the
 * stream consumer does in AWS), events logged, delivered signed over real
 * HTTP to a local receiver. Prints p50 and p99 from the unlock's answer to
 * the receiver having the event, and the DynamoDB writes per event, beside
 * the same figures with the stream and delivery polled at npm start's pace.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ensureTable } from '../shared/db/ensure-table.js';
import { fetchPolicyOf } from '../shared/feeds/poll-feed.js';
import { createConsoleLogger } from '../shared/logger.js';
import { followStatsRollups } from '../shared/publishers/local-stats-follower.js';
import { deliverDueWebhooks } from '../shared/webhooks/webhook-delivery.js';
import { benchApp } from './bench-app.js';
import { printTable, round } from './stats.js';

const EVENTS = 100;
const WRITE_COMMANDS = ['PutItemCommand', 'UpdateItemCommand', 'TransactWriteItemsCommand', 'BatchWriteItemCommand', 'DeleteItemCommand'];

export async function runWebhookBench(endpoint: string): Promise<void> {
  const rows: Array<Record<string, string | number>> = [];
  for (const [label, pollMs] of [
    ['stream and deliveries polled every 100 ms', 100],
    ['at npm start’s pace (stream 1 s, deliveries 2 s)', 0],
  ] as const) rows.push(await latencyRun(endpoint, label, pollMs));
  printTable(`Webhook delivery, write to receipt, ${EVENTS} unlocks one after another (\`bench/webhooks.bench.ts\`)`, rows);
  process.stdout.write('\nIn AWS the stream invokes its consumer within about a second of a write, and the webhook worker runs each minute (or as soon as an endpoint is queued); the figures here are the code’s own share.\n');
}

async function latencyRun(endpoint: string, label: string, pollMs: number): Promise<Record<string, string | number>> {
  const { config, deps, app } = await benchApp(`webhooks-${pollMs}`, endpoint, { FEED_ALLOW_PRIVATE_HOSTS: 'true', DEV_TOPUP_ENABLED: 'true' });
  await ensureTable(deps.db, { stream: true });
  const arrived = new Map<string, number>();
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      arrived.set((JSON.parse(body) as { data: { articleId: string } }).data.articleId, performance.now());
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const admin = { authorization: 'Bearer bench-admin-token-0123456789', 'content-type': 'application/json' };
  const { apiKey } = (await (await app.request('/v1/admin/publishers', { method: 'POST', headers: admin, body: JSON.stringify({ slug: 'hooks', name: 'Hooks', articlePrice: 1, freeArticlesPerMonth: 0 }) })).json()) as { apiKey: string };
  const publisher = { authorization: `Bearer ${apiKey}` };
  const items = Array.from({ length: EVENTS }, (_, i) => `<item><guid>h-${i}</guid><title>Story ${i}</title><link>https://hooks.example/${i}</link><description>Story ${i}.</description></item>`).join('');
  await app.request('/v1/publisher/ingest', { method: 'POST', headers: { ...publisher, 'content-type': 'application/rss+xml' }, body: `<rss version="2.0"><channel><title>H</title>${items}</channel></rss>` });
  const ids = ((await (await app.request('/v1/articles?publisher=hooks&limit=100')).json()) as { items: Array<{ id: string }> }).items.map((item) => item.id);
  await app.request('/v1/publisher/webhooks', { method: 'POST', headers: { ...publisher, 'content-type': 'application/json' }, body: JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, events: ['article.unlocked'] }) });
  const { token } = (await (await app.request('/v1/auth/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: `bench-${pollMs}@hooks.example`, password: 'bench password', handle: `bench_hooks_${pollMs}` }) })).json()) as { token: string };
  const reader = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  await app.request('/v1/me/wallet/dev-top-up', { method: 'POST', headers: reader, body: JSON.stringify({ points: 10_000 }) });

  const follower = followStatsRollups(deps.db, { intervalMs: pollMs || 1000, region: config.region, endpoint, logger: createConsoleLogger('bench', true), webhookSecret: config.jwtSecret });
  const delivering = setInterval(() => void deliverDueWebhooks(deps.db, { ...fetchPolicyOf(deps.feedRuntime), now: () => new Date() }), pollMs || 2000);
  deps.db.roundTrips.reset();
  const written = new Map<string, number>();
  const sample = ids.slice(0, Math.min(ids.length, EVENTS));
  for (const id of sample) {
    await app.request(`/v1/articles/${id}/unlock`, { method: 'POST', headers: reader });
    written.set(id, performance.now());
  }
  const until = performance.now() + 60_000;
  while (arrived.size < sample.length && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 50));
  clearInterval(delivering);
  await follower.stop();
  server.close();
  const latencies = sample.filter((id) => arrived.has(id)).map((id) => arrived.get(id)! - written.get(id)!).sort((a, b) => a - b);
  const trips = deps.db.roundTrips.byCommand();
  const writes = WRITE_COMMANDS.reduce((sum, command) => sum + (trips[command] ?? 0), 0);
  // The unlocks' own writes (one transaction each, plus idempotency-free dev requests) are not the webhook's.
  const webhookWrites = writes - sample.length;
  return {
    run: label,
    delivered: `${latencies.length} of ${sample.length}`,
    'p50 ms': round(latencies[Math.floor(latencies.length * 0.5)] ?? Number.NaN, 0),
    'p99 ms': round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] ?? Number.NaN, 0),
    'DynamoDB write requests per event (logging + delivery + stats rollup)': round(webhookWrites / sample.length, 1),
  };
}
