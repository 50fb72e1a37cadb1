/**
 * Ingest of a generated 1,000-item (~5 MB) feed into DynamoDB Local:
 * postwire's batched ingest, the same feed again (target: zero writes), and a
 * naive one-PutItem-per-item loop as the baseline; plus parse time of
 * rss-parser (as postwire wraps it) beside feedsmith on the same document.
 */
import { randomBytes } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { parseFeed as feedsmithParse } from 'feedsmith';
import { ingestFeedText, ingestParsedFeed } from '../shared/articles/ingest-document.js';
import { createDb, type Db } from '../shared/db/client.js';
import { ensureTable } from '../shared/db/ensure-table.js';
import { articleKey, articleListKeys } from '../shared/db/keys.js';
import { parseFeed } from '../shared/feeds/parse/feed-parser.js';
import type { Article } from '../shared/articles/article.js';
import { articleIdFor } from '../shared/articles/ingest-document.js';
import { normalizeItem } from '../shared/articles/article-normalizer.js';
import { median, printTable, round, timeIt } from './stats.js';

const ITEMS = 1000;
const options = { iframeHosts: ['www.youtube.com'], publicUrl: 'https://bench.example', now: new Date() };
const target = { publisherSlug: 'bench', publisherName: 'Bench Daily' };

export function generateFeed(items: number): string {
  const paragraph = 'Reporters translated the original dispatch, checked every figure against the ministry data and added context for readers abroad. ';
  const entries = Array.from({ length: items }, (_, i) => {
    const body = Array.from({ length: 8 }, (_, p) => `<p>${paragraph.repeat(4)} (part ${p} of item ${i})</p>`).join('');
    return `<item><title>Generated story ${i}</title><link>https://bench.example/story/${i}</link><guid isPermaLink="false">bench-${i}</guid>
<pubDate>${new Date(Date.UTC(2026, 10, 1, 0, i)).toUTCString()}</pubDate><category>World</category><dc:creator>Bench Writer</dc:creator>
<description>Summary of generated story ${i}.</description><content:encoded><![CDATA[${body}]]></content:encoded></item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench</title><link>https://bench.example/</link>${entries.join('\n')}</channel></rss>`;
}

async function freshDb(endpoint: string): Promise<Db> {
  const db = createDb({ tableName: `bench-${randomBytes(4).toString('hex')}`, region: 'us-east-1', endpoint });
  await ensureTable(db);
  return db;
}

export async function runIngestBench(endpoint: string) {
  const xml = generateFeed(ITEMS);
  const sizeMb = Buffer.byteLength(xml) / 1024 / 1024;

  const parseRuns = { rss: [] as number[], feedsmith: [] as number[] };
  for (let i = 0; i < 5; i++) {
    parseRuns.rss.push((await timeIt(() => parseFeed(xml))).ms);
    parseRuns.feedsmith.push((await timeIt(() => feedsmithParse(xml))).ms);
  }

  // Warm the JVM of DynamoDB Local and our own code paths, so the first measured run is not the cold one.
  const warmDb = await freshDb(endpoint);
  await ingestFeedText(warmDb, target, generateFeed(200), options);
  warmDb.raw.destroy();

  const db = await freshDb(endpoint);
  db.roundTrips.reset();
  const first = await timeIt(() => ingestFeedText(db, target, xml, options));
  const firstTrips = db.roundTrips.byCommand();
  db.roundTrips.reset();
  const again = await timeIt(() => ingestFeedText(db, target, xml, options));
  const againTrips = db.roundTrips.byCommand();

  // Baseline: the same normalised articles, one PutItem each, in sequence.
  const naiveDb = await freshDb(endpoint);
  const parsed = await parseFeed(xml);
  const articles: Article[] = parsed.items.flatMap((entry) => {
    if (!entry.ok) return [];
    const normalized = normalizeItem(entry.item, { ...target, ...options, baseUrl: parsed.link });
    if (!normalized.ok) return [];
    const { sourcePublishedAt, sourceUpdatedAt: _u, ...fields } = normalized.item;
    const dedupKey = `guid:${fields.guid}`;
    const publishedAt = sourcePublishedAt ?? options.now.toISOString();
    return [{ ...fields, id: articleIdFor('bench', dedupKey), dedupKey, publishedAt, updatedAt: publishedAt, firstSeenAt: options.now.toISOString() }];
  });
  naiveDb.roundTrips.reset();
  const naive = await timeIt(async () => {
    for (const article of articles) {
      await naiveDb.doc.send(new PutCommand({ TableName: naiveDb.tableName, Item: { ...articleKey(article.id), ...articleListKeys(article), type: 'article', ...article } }));
    }
  });
  // The write phase alone of our ingest, for a like-for-like comparison with the loop.
  const writeOnlyDb = await freshDb(endpoint);
  writeOnlyDb.roundTrips.reset();
  const writeOnly = await timeIt(() => ingestParsedFeed(writeOnlyDb, target, parsed, options));

  const writes = (trips: Record<string, number>) => (trips.BatchWriteItemCommand ?? 0) + (trips.PutItemCommand ?? 0);
  const reads = (trips: Record<string, number>) => (trips.BatchGetItemCommand ?? 0) + (trips.GetItemCommand ?? 0);
  const rows = [
    { run: `postwire ingest, first push (parse + write)`, 'wall ms': round(first.ms, 0), 'items/s': round(ITEMS / (first.ms / 1000), 0), 'write requests': writes(firstTrips), 'read requests': reads(firstTrips), created: first.result.summary.created },
    { run: 'postwire ingest, same feed again', 'wall ms': round(again.ms, 0), 'items/s': round(ITEMS / (again.ms / 1000), 0), 'write requests': writes(againTrips), 'read requests': reads(againTrips), created: again.result.summary.created },
    { run: 'postwire normalise + write (document already parsed)', 'wall ms': round(writeOnly.ms, 0), 'items/s': round(ITEMS / (writeOnly.ms / 1000), 0), 'write requests': writes(writeOnlyDb.roundTrips.byCommand()), 'read requests': reads(writeOnlyDb.roundTrips.byCommand()), created: writeOnly.result.created },
    { run: 'baseline: one PutItem per item', 'wall ms': round(naive.ms, 0), 'items/s': round(articles.length / (naive.ms / 1000), 0), 'write requests': writes(naiveDb.roundTrips.byCommand()), 'read requests': 0, created: articles.length },
  ];
  printTable(`Ingest of a ${ITEMS}-item feed (${round(sizeMb, 2)} MB) into DynamoDB Local`, rows);
  printTable('Parse time of the same document (median of 5)', [
    { parser: 'rss-parser 3.13 (postwire wrapper: fresh parser, containment)', 'median ms': round(median(parseRuns.rss), 0) },
    { parser: 'feedsmith', 'median ms': round(median(parseRuns.feedsmith), 0) },
    { parser: 'ratio rss-parser / feedsmith', 'median ms': round(median(parseRuns.rss) / median(parseRuns.feedsmith), 2) },
  ]);
  for (const client of [db, naiveDb, writeOnlyDb]) client.raw.destroy();
}
