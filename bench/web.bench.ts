/**
 * The web app's article page against the JSON endpoint it is built on, both
 * in-process over DynamoDB Local: server render time (p50, p99), DynamoDB
 * round trips and bytes per page, and page weight (HTML + CSS, no images)
 * against its 60 KB budget; and the paywall embed's size against its 10 KB
 * gzipped budget.
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { createConsoleLogger } from '../shared/logger.js';
import { EMBED, STYLESHEET } from '../shared/web/assets.js';
import { webConfigOf } from '../shared/web/web-config.js';
import { createWebDeps } from '../shared/web/web-deps.js';
import { buildWebApp } from '../shared/web/web-app.js';
import { benchApp } from './bench-app.js';
import { printTable, round } from './stats.js';

const RUNS = 300;
export const PAGE_WEIGHT_BUDGET_KB = 60;
export const EMBED_BUDGET_GZIP_KB = 10;

type Row = { name: string; p50: number; p99: number; trips: number; bytes: number };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function runWebBench(endpoint: string): Promise<{ overBudget: string[] }> {
  const { app, deps } = await benchApp('web', endpoint, { DEV_TOPUP_ENABLED: 'true' });
  const web = buildWebApp(createWebDeps(webConfigOf(deps.config, 'http://postwire.internal'), createConsoleLogger('bench', true), async (request) => app.fetch(request)));
  const admin = { authorization: 'Bearer bench-admin-token-0123456789', 'content-type': 'application/json' };
  const created = (await (await app.request('/v1/admin/publishers', { method: 'POST', headers: admin, body: JSON.stringify({ slug: 'worldwire', name: 'World Wire', articlePrice: 30, freeArticlesPerMonth: 0 }) })).json()) as { apiKey: string };
  const publisher = { authorization: `Bearer ${created.apiKey}` };
  await app.request('/v1/publisher', {
    method: 'PATCH',
    headers: { ...publisher, 'content-type': 'application/json' },
    body: JSON.stringify({ plans: [{ planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 290, trialDays: 30 }, { planId: 'yearly', name: 'Yearly', interval: 'year', priceCents: 1990 }] }),
  });
  await app.request('/v1/publisher/ingest', { method: 'POST', headers: { ...publisher, 'content-type': 'application/rss+xml' }, body: await readFile('examples/world-desk.xml', 'utf8') });
  const { items } = (await (await app.request('/v1/articles?publisher=worldwire&limit=1')).json()) as { items: Array<{ id: string }> };
  const articleId = items[0]!.id;
  const { token } = (await (await app.request('/v1/auth/signup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@web.example', password: 'correct horse battery', handle: 'bench_reader' }) })).json()) as { token: string };

  // Interleaved, so warm-up and machine noise fall on every request kind alike.
  const kinds: Array<{ name: string; request: () => Response | Promise<Response>; times: number[]; bytes: number; trips: number }> = [
    { name: 'GET /v1/articles/{id} (JSON, reader token)', request: () => app.request(`/v1/articles/${articleId}`, { headers: { authorization: `Bearer ${token}` } }), times: [], bytes: 0, trips: 0 },
    { name: 'GET /articles/{id} (HTML page with the paywall box, signed in)', request: () => web.request(`/articles/${articleId}`, { headers: { cookie: `pw_session=${token}` } }), times: [], bytes: 0, trips: 0 },
    { name: 'GET /articles/{id} (HTML page, visitor)', request: () => web.request(`/articles/${articleId}`), times: [], bytes: 0, trips: 0 },
    { name: 'GET / (latest articles by section)', request: () => web.request('/'), times: [], bytes: 0, trips: 0 },
  ];
  for (let run = 0; run < 20; run++) for (const kind of kinds) await (await kind.request()).arrayBuffer();
  for (let run = 0; run < RUNS; run++) {
    for (const kind of kinds) {
      deps.db.roundTrips.reset();
      const start = performance.now();
      const response = await kind.request();
      kind.bytes = (await response.arrayBuffer()).byteLength;
      kind.times.push(performance.now() - start);
      kind.trips += deps.db.roundTrips.total;
      if (response.status !== 200) throw new Error(`${kind.name}: ${response.status}`);
    }
  }
  const [json, page, anonymous, home] = kinds.map((kind) => ({ name: kind.name, p50: percentile(kind.times, 50), p99: percentile(kind.times, 99), trips: kind.trips / RUNS, bytes: kind.bytes })) as [Row, Row, Row, Row];
  printTable(`Article page render against the JSON endpoint, in-process over DynamoDB Local, ${RUNS} requests each`, [json, page, anonymous, home].map((row) => ({
    request: row.name,
    'p50 ms': round(row.p50, 2),
    'p99 ms': round(row.p99, 2),
    'p50 ÷ JSON p50': round(row.p50 / json.p50, 2),
    'DynamoDB round trips': round(row.trips, 2),
    'body KB': round(row.bytes / 1024, 1),
  })));

  const cssBytes = Buffer.byteLength(STYLESHEET.body);
  const pageWeightKb = (page.bytes + cssBytes) / 1024;
  const embedGzipKb = gzipSync(EMBED.body).length / 1024;
  printTable('Page weight (no images) and the embed', [
    { item: 'article page HTML (signed in, paywall box)', KB: round(page.bytes / 1024, 1), 'gzip KB': round(gzipSync(Buffer.from(await (await web.request(`/articles/${articleId}`, { headers: { cookie: `pw_session=${token}` } })).arrayBuffer())).length / 1024, 1), budget: '' },
    { item: 'stylesheet', KB: round(cssBytes / 1024, 1), 'gzip KB': round(gzipSync(STYLESHEET.body).length / 1024, 1), budget: '' },
    { item: 'page weight (HTML + CSS)', KB: round(pageWeightKb, 1), 'gzip KB': '', budget: `${PAGE_WEIGHT_BUDGET_KB} KB` },
    { item: 'paywall embed script', KB: round(Buffer.byteLength(EMBED.body) / 1024, 1), 'gzip KB': round(embedGzipKb, 2), budget: `${EMBED_BUDGET_GZIP_KB} KB gzipped` },
  ]);
  deps.db.raw.destroy();
  const overBudget = [
    ...(pageWeightKb > PAGE_WEIGHT_BUDGET_KB ? [`article page weight ${round(pageWeightKb)} KB > ${PAGE_WEIGHT_BUDGET_KB} KB`] : []),
    ...(embedGzipKb > EMBED_BUDGET_GZIP_KB ? [`embed ${round(embedGzipKb, 2)} KB gzipped > ${EMBED_BUDGET_GZIP_KB} KB`] : []),
  ];
  return { overBudget };
}
