/**
 * Unlock throughput and latency through the real HTTP server (Hono on Node)
 * against DynamoDB Local, under a bounded loopback load from autocannon —
 * beside a raw TransactWriteItems loop of the same shape in the same run, so
 * our overhead (HTTP, auth, validation, the facts read) shows as a ratio.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import autocannon from 'autocannon';
import { earningKey, entitlementKey, ledgerEntryKey, walletKey } from '../shared/db/keys.js';
import { benchApp } from './bench-app.js';
import { median, printTable, round } from './stats.js';

const READERS = 40;
const ARTICLES = 100;
const UNLOCKS = 2000;
const CONNECTIONS = 16;

export async function runUnlockBench(endpoint: string): Promise<void> {
  const { config, deps, app } = await benchApp('unlock', endpoint, { PASSWORD_HASH_COST: '12', DEV_TOPUP_ENABLED: 'true' });
  const call = async (path: string, init: RequestInit) => (await app.request(path, init)).json() as Promise<Record<string, any>>;

  const { apiKey } = await call('/v1/admin/publishers', {
    method: 'POST',
    headers: { authorization: `Bearer ${config.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ slug: 'bench', name: 'Bench', articlePrice: 1, freeArticlesPerMonth: 0 }),
  });
  const items = Array.from({ length: ARTICLES }, (_, i) => `<item><title>Bench ${i}</title><link>https://bench.example/${i}</link><guid>b-${i}</guid><description>Body ${i}</description></item>`);
  await app.request('/v1/publisher/ingest', {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/rss+xml' },
    body: `<rss version="2.0"><channel><title>b</title><link>https://bench.example/</link>${items.join('')}</channel></rss>`,
  });
  const articleIds = ((await call('/v1/articles?publisher=bench&limit=100', {})).items as Array<{ id: string }>).map((item) => item.id);
  const tokens: string[] = [];
  const userIds: string[] = [];
  for (let i = 0; i < READERS; i++) {
    const { token, user } = await call('/v1/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: `r${i}@bench.example`, password: 'bench password', handle: `reader_${i}` }),
    });
    await app.request('/v1/me/wallet/dev-top-up', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{"points":5000}' });
    tokens.push(token);
    userIds.push(user.userId);
  }

  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  let next = 0;
  deps.db.roundTrips.reset();
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    amount: UNLOCKS,
    requests: [
      {
        method: 'POST',
        setupRequest: (request) => {
          // Every request a distinct (reader, article) pair, so each one really charges.
          const i = next++;
          return { ...request, path: `/v1/articles/${articleIds[Math.floor(i / READERS) % ARTICLES]}/unlock`, headers: { authorization: `Bearer ${tokens[i % READERS]}` } };
        },
      },
    ],
  });
  const tripsPerUnlock = deps.db.roundTrips.total / UNLOCKS;
  await new Promise<void>((resolve) => server.close(() => resolve()));

  // Baseline: the same four-item transaction, straight to DynamoDB, same concurrency.
  const rawLatencies: number[] = [];
  let rawNext = 0;
  const balances = new Map<string, number>();
  const rawStarted = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (rawNext < UNLOCKS) {
        const i = rawNext++;
        const userId = userIds[i % READERS]!;
        const at = new Date().toISOString();
        const start = performance.now();
        await deps.db.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              { Update: { TableName: config.tableName, Key: walletKey(userId), UpdateExpression: 'SET balance = balance - :one', ConditionExpression: 'balance >= :one', ExpressionAttributeValues: { ':one': 1 } } },
              { Put: { TableName: config.tableName, Item: { ...ledgerEntryKey(userId, at, randomUUID()), amount: -1 } } },
              { Put: { TableName: config.tableName, Item: { ...entitlementKey(userId, `raw-${i}`), via: 'points' }, ConditionExpression: 'attribute_not_exists(PK)' } },
              { Put: { TableName: config.tableName, Item: { ...earningKey('bench', at, randomUUID()), points: 1 } } },
            ],
          }),
        );
        rawLatencies.push(performance.now() - start);
        balances.set(userId, (balances.get(userId) ?? 0) + 1);
      }
    }),
  );
  const rawSeconds = (performance.now() - rawStarted) / 1000;
  const sorted = [...rawLatencies].sort((a, b) => a - b);
  const rawP99 = sorted[Math.floor(sorted.length * 0.99)]!;
  const rawThroughput = UNLOCKS / rawSeconds;
  const ours = { throughput: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };

  printTable(`Unlocks: ${UNLOCKS} requests, ${CONNECTIONS} connections, ${READERS} readers × ${ARTICLES} articles, DynamoDB Local`, [
    { run: 'POST /v1/articles/{id}/unlock over HTTP', 'unlocks/s': round(ours.throughput), 'p50 ms': round(ours.p50), 'p99 ms': round(ours.p99), 'non-2xx': result.non2xx, 'DynamoDB round trips / unlock': round(tripsPerUnlock, 2) },
    { run: 'baseline: raw TransactWriteItems (4 items)', 'unlocks/s': round(rawThroughput), 'p50 ms': round(median(rawLatencies)), 'p99 ms': round(rawP99), 'non-2xx': 0, 'DynamoDB round trips / unlock': 1 },
    { run: 'ratio (ours / baseline)', 'unlocks/s': round(ours.throughput / rawThroughput, 2), 'p50 ms': round(ours.p50 / median(rawLatencies), 2), 'p99 ms': round(ours.p99 / rawP99, 2), 'non-2xx': '', 'DynamoDB round trips / unlock': '' },
  ]);
  deps.db.raw.destroy();
}
