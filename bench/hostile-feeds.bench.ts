/**
 * Hostile feed documents pushed to the real HTTP server (Hono on Node, the
 * `npm start` process) against DynamoDB Local, while a prober asks `/health`
 * one request after another: how long each push takes, and how long `/health`
 * waits behind it. An ordinary 1,000-item push is the baseline of the same run.
 *
 * Beside it, in-process, the algorithms the guards replaced, on inputs small
 * enough to finish: what the same documents would have cost without them.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import sanitizeHtml from 'sanitize-html';
import { buildApp } from '../shared/api/app.js';
import { ALL_ROUTES } from '../shared/api/all-routes.js';
import { createDeps } from '../shared/api/api-deps.js';
import { loadApiConfig } from '../shared/config.js';
import { ensureTable } from '../shared/db/ensure-table.js';
import { createConsoleLogger } from '../shared/logger.js';
import { generateFeed } from './ingest.bench.js';
import { median, printTable, round, timeIt } from './stats.js';

const item = (guid: string, parts: { content?: string; extra?: string }) =>
  `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Hostile</title><link>https://hostile.example/</link>` +
  `<item><title>Item ${guid}</title><link>https://hostile.example/${guid}</link><guid>${guid}</guid>` +
  `${parts.content === undefined ? '' : `<content:encoded><![CDATA[${parts.content}]]></content:encoded>`}${parts.extra ?? ''}</item></channel></rss>`;
const nested = (depth: number) => `${'<div>'.repeat(depth)}x${'</div>'.repeat(depth)}`;

const DOCUMENTS: Array<[string, () => string]> = [
  ['ordinary feed, 1,000 items (baseline)', () => generateFeed(1000)],
  ['<div> nested 80,000 deep (880 KB)', () => item('nest-80k', { content: nested(80_000) })],
  ['<div> nested 400,000 deep (4.4 MB)', () => item('nest-400k', { content: nested(400_000) })],
  ['2 MB without sentence punctuation', () => item('no-stops', { content: 'word '.repeat(400_000) })],
  ['300 KB without sentence punctuation (stored)', () => item('no-stops-300k', { content: `<p>${'word '.repeat(60_000)}</p>` })],
  ['<div> nested 20,000 deep (200 KB)', () => item('nest-20k', { content: nested(20_000) })],
  ['224 KB of unclosed <title>', () => item('titles', { extra: '<title>'.repeat(32_000) })],
  ['400 KB description of "<div " (rss-parser snippet bait)', () => item('snippet', { extra: `<description>${'&lt;div '.repeat(45_000)}</description>` })],
];

export async function runHostileFeedBench(endpoint: string): Promise<void> {
  const config = loadApiConfig({ TABLE_NAME: `bench-hostile-${randomBytes(4).toString('hex')}`, DYNAMODB_ENDPOINT: endpoint, ADMIN_TOKEN: 'bench-admin-token-0123456789' });
  const deps = createDeps(config, createConsoleLogger('bench', true));
  await ensureTable(deps.db);
  const app = buildApp(deps, ALL_ROUTES);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const created = await fetch(`${base}/v1/admin/publishers`, {
      method: 'POST',
      headers: { authorization: `Bearer ${config.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'hostile', name: 'Hostile' }),
    });
    const { apiKey } = (await created.json()) as { apiKey: string };
    const rows = [];
    for (const [name, build] of DOCUMENTS) {
      const body = build();
      const healthMs: number[] = [];
      let pushing = true;
      const prober = (async () => {
        // Sequential and bounded: one request at a time, at most 2,000.
        for (let i = 0; pushing && i < 2000; i++) healthMs.push((await timeIt(async () => (await fetch(`${base}/health`)).text())).ms);
      })();
      const push = await timeIt(async () => {
        const response = await fetch(`${base}/v1/publisher/ingest`, { method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/rss+xml' }, body });
        return { status: response.status, body: (await response.json()) as Record<string, any> };
      });
      pushing = false;
      await prober;
      const outcome =
        push.result.status === 200
          ? `${push.result.body.created} stored, ${push.result.body.rejected.length} refused${push.result.body.rejected[0] ? `: ${String(push.result.body.rejected[0].reason).slice(0, 60)}` : ''}`
          : `${push.result.status}: ${String(push.result.body.error?.message).slice(0, 60)}`;
      rows.push({
        document: name,
        size: `${round(Buffer.byteLength(body) / 1024 / 1024, 2)} MB`,
        'push ms': round(push.ms, 0),
        outcome,
        '/health answered': healthMs.length,
        '/health p50 ms': round(median(healthMs), 1),
        '/health max ms': round(Math.max(...healthMs), 1),
      });
    }
    printTable('Hostile pushes over HTTP, with /health asked throughout', rows);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    deps.db.raw.destroy();
  }

  printTable('What the replaced algorithms cost on smaller inputs (in-process, same run)', await unguardedBaselines());
}

/** The code paths the guards replaced, timed on inputs a fraction of the size above. */
async function unguardedBaselines() {
  const rows = [];
  const oldFirstSentences = (text: string) => text.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [text];
  for (const chars of [10_000, 40_000]) {
    const text = 'word '.repeat(chars / 5);
    rows.push({ algorithm: `sentence regex, ${chars / 1000}k chars without punctuation`, ms: round((await timeIt(() => oldFirstSentences(text))).ms, 0) });
  }
  const oldMarkupElements = /<(title|description|content:encoded|content|summary)((?:\s[^>]*?)?)(?<!\/)>([\s\S]*?)<\/\1>/g;
  const titles = '<title>'.repeat(16_000);
  rows.push({ algorithm: 'raw-markup regex, 112 KB of unclosed <title>', ms: round((await timeIt(() => titles.replace(oldMarkupElements, 'x'))).ms, 0) });
  const snippetBait = '<div '.repeat(20_000);
  const stripHtml = (html: string) => html.replace(/([^\n])<\/?(h|br|p|ul|ol|li|blockquote|section|table|tr|div)(?:.|\n)*?>([^\n])/gm, '$1\n$3').replace(/<(?:.|\n)*?>/gm, '');
  rows.push({ algorithm: 'rss-parser snippet regexes, 100 KB of "<div "', ms: round((await timeIt(() => stripHtml(snippetBait))).ms, 0) });
  for (const depth of [10_000, 20_000]) {
    const html = nested(depth);
    rows.push({ algorithm: `sanitize-html, <div> nested ${depth / 1000}k deep`, ms: round((await timeIt(() => sanitizeHtml(html))).ms, 0) });
  }
  return rows;
}
