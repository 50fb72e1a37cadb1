/**
 * The capacity simulation (`npm run simulate`): a seeded synthetic workload
 * through postwire's real code against DynamoDB Local. Readers follow a
 * Zipf-distributed set of publishers and readers, read articles and
 * timelines, unlock, post, like and follow; publishers push feeds; the poller
 * finds nothing new. Every request's consumed capacity is recorded by the
 * partition it landed on (capacity/capacity-recorder.ts), scaled to the
 * target rates in docs/CAPACITY.md, and the hottest partitions are printed
 * against DynamoDB's per-partition limits. Exits 1 if any goes over.
 *
 *   npm run simulate                       prints the tables
 *   npm run simulate -- --write            also replaces the figures in docs/CAPACITY.md
 *   npm run simulate -- --seed 7 --ops 600
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { buildApp } from '../shared/api/app.js';
import { ALL_ROUTES } from '../shared/api/all-routes.js';
import { createDeps } from '../shared/api/api-deps.js';
import { loadApiConfig } from '../shared/config.js';
import { ensureTable } from '../shared/db/ensure-table.js';
import { claimDueFeeds, createFeed } from '../shared/feeds/feed-store.js';
import { pollFeed } from '../shared/feeds/poll-feed.js';
import { ARTICLE_LIST_SHARDS, EARNING_SHARDS, FEED_DUE_SHARDS, feedDueKeys, feedKey } from '../shared/db/keys.js';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { createConsoleLogger } from '../shared/logger.js';
import { followStatsRollups } from '../shared/publishers/local-stats-follower.js';
import { CapacityRecorder, type KeyLoad } from './capacity/capacity-recorder.js';
import { seededRandom, topShare, zipf } from './capacity/zipf.js';
import { startLocalDynamo } from './dynamodb-local.js';

const { values: args } = parseArgs({
  options: { seed: { type: 'string', default: '42' }, ops: { type: 'string', default: '400' }, write: { type: 'boolean', default: false } },
});
const SEED = Number(args.seed);
const OPS = Number(args.ops);

/** DynamoDB's limits for one partition, per second. */
const LIMITS = { wcu: 1_000, rcu: 3_000 };
/**
 * The simulated population. Fewer publishers than the target's 10,000 give the
 * most popular one a larger share (Zipf, s = 1: 19 % of 100 against 10 % of
 * 10,000), so the projection errs on the hot side.
 */
const POPULATION = { publishers: 100, articlesPerPublisher: 20, readers: 400, publisherFollows: 3, readerFollows: 3, zipfS: 1 };

/** Peak rates per second the model is built for (docs/CAPACITY.md says where each comes from). */
const TARGET = {
  articleRead: 5_000,
  timelineRead: 5_000,
  unlock: 100_000 / 60,
  statsRollup: 100_000 / 60,
  post: 50_000 / 60,
  like: 2_000,
  follow: 500,
  feedPush: 10_000 / 300,
  pollNothingNew: 1_000_000 / 1_800,
} as const;
type Operation = keyof typeof TARGET;

/** Published prices (us-east-1, on-demand): DynamoDB per million request units, Lambda arm64, HTTP API, SQS. */
const PRICE = { wru: 0.625, rru: 0.125, lambdaRequest: 0.2, lambdaGbSecond: 0.0000133334, httpApi: 1.0, sqsRequest: 0.4 };
/** Memory of the function that serves each operation (infra/postwire-stack.ts), and whether it comes through the HTTP API. */
const SERVED_BY: Record<Operation, { memoryGb: number; httpApi: boolean; sqsRequests: number }> = {
  articleRead: { memoryGb: 1, httpApi: true, sqsRequests: 0 },
  timelineRead: { memoryGb: 1, httpApi: true, sqsRequests: 0 },
  unlock: { memoryGb: 1, httpApi: true, sqsRequests: 0 },
  statsRollup: { memoryGb: 0.5, httpApi: false, sqsRequests: 0 },
  post: { memoryGb: 1, httpApi: true, sqsRequests: 0 },
  like: { memoryGb: 1, httpApi: true, sqsRequests: 0 },
  follow: { memoryGb: 1, httpApi: true, sqsRequests: 0 },
  feedPush: { memoryGb: 1, httpApi: true, sqsRequests: 0 },
  // Sent in batches of 10, received in batches of 5, deleted by the event source: about 0.4 requests a job.
  pollNothingNew: { memoryGb: 1, httpApi: false, sqsRequests: 0.4 },
};

const random = seededRandom(SEED);
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;

const dynamo = await startLocalDynamo();
const tableName = `simulate-${randomBytes(4).toString('hex')}`;
const feedServer = await startFeedServer();
const config = loadApiConfig({
  TABLE_NAME: tableName,
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  ADMIN_TOKEN: 'simulate-admin-token-0123456789',
  PASSWORD_HASH_COST: '10',
  DEV_TOPUP_ENABLED: 'true',
  SIGNUP_RATE_LIMITS: 'address:1000000,domain:1000000',
  SOCIAL_RATE_LIMITS: 'posts:100000,likes:100000,follows:100000,tips:100000,gifts:100000',
  FEED_ALLOW_PRIVATE_HOSTS: 'true',
  // Worst case: every request reads the publisher record (no instance has it in memory).
  PUBLISHER_CACHE_SECONDS: '0',
});
const logger = createConsoleLogger('simulate', true);
const deps = createDeps(config, logger);
await ensureTable(deps.db, { stream: true });
const app = buildApp(deps, ALL_ROUTES);
const quiet = new DynamoDBClient({ region: config.region, endpoint: dynamo.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
const recorder = new CapacityRecorder(tableName, quiet);
recorder.attach(deps.db.raw);
const stats = followStatsRollups(deps.db, { intervalMs: 0, region: config.region, endpoint: dynamo.endpoint, logger, webhookSecret: config.jwtSecret });

const admin = { authorization: 'Bearer simulate-admin-token-0123456789', 'content-type': 'application/json' };
/** Answers other than 2xx while measuring, by operation: the workload must do what it says. */
const refusals = new Map<string, number>();
const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
  const contentType: Record<string, string> = body === undefined || typeof body === 'string' ? {} : { 'content-type': 'application/json' };
  const response = await app.request(path, { method, headers: { ...headers, ...contentType }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
  if (response.status >= 500 || (!recorder.phase && response.status >= 300)) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  if (recorder.phase && response.status >= 300) refusals.set(`${recorder.phase} ${response.status}`, (refusals.get(`${recorder.phase} ${response.status}`) ?? 0) + 1);
  return response;
};

// ---- the population (not measured) ------------------------------------------------
process.stdout.write(`Seed ${SEED}: ${POPULATION.publishers} publishers, ${POPULATION.readers} readers, ${OPS} operations of each kind…\n`);
const publishers: Array<{ slug: string; auth: Record<string, string>; articleIds: string[]; feedId: string }> = [];
for (let p = 0; p < POPULATION.publishers; p++) {
  const slug = `sim-pub-${p}`;
  const created = await call('POST', '/v1/admin/publishers', admin, { slug, name: `Publisher ${p}`, articlePrice: 5 + (p % 20), freeArticlesPerMonth: 0 });
  const { apiKey } = (await created.json()) as { apiKey: string };
  const auth = { authorization: `Bearer ${apiKey}` };
  await call('POST', '/v1/publisher/ingest', { ...auth, 'content-type': 'application/rss+xml' }, feedXml(slug, 0, POPULATION.articlesPerPublisher));
  const listed = (await (await call('GET', `/v1/articles?publisher=${slug}&limit=100`, {})).json()) as { items: Array<{ id: string }> };
  const feedId = `feed${p}`;
  const due = new Date(0).toISOString();
  await createFeed(deps.db, { feedId, publisherSlug: slug, url: `${feedServer.url}/${slug}.xml`, createdAt: due, lastStatus: 'pending', consecutiveFailures: 0, nextFetchAt: due });
  publishers.push({ slug, auth, articleIds: listed.items.map((item) => item.id), feedId });
}
const readers: Array<{ handle: string; auth: Record<string, string> }> = [];
for (let r = 0; r < POPULATION.readers; r++) {
  const handle = `sim_reader_${r}`;
  const response = await call('POST', '/v1/auth/signup', {}, { email: `${handle}@readers.example`, password: 'simulated reader password', handle });
  const { token } = (await response.json()) as { token: string };
  const auth = { authorization: `Bearer ${token}` };
  await call('POST', '/v1/me/wallet/dev-top-up', auth, { points: 5_000 });
  readers.push({ handle, auth });
}
const popularPublisher = zipf(POPULATION.publishers, POPULATION.zipfS, random);
const popularReader = zipf(POPULATION.readers, POPULATION.zipfS, random);
const popularArticle = zipf(POPULATION.articlesPerPublisher, POPULATION.zipfS, random);
for (const reader of readers) {
  for (let f = 0; f < POPULATION.publisherFollows; f++) await call('POST', '/v1/follows', reader.auth, { publisher: publishers[popularPublisher()]!.slug });
  for (let f = 0; f < POPULATION.readerFollows; f++) {
    const target = readers[popularReader()]!;
    if (target !== reader) await call('POST', '/v1/follows', reader.auth, { handle: target.handle });
  }
}
// Every feed fetched once, so the measured polls find nothing new (the server answers 304 to the validators).
for (const publisher of publishers) await pollFeed(deps.feedRuntime, publisher.slug, publisher.feedId);
await stats.catchUp();

// ---- the measured operations ------------------------------------------------------
const durations = new Map<Operation, number>();
const counts = new Map<Operation, number>();
async function measure(operation: Operation, times: number, run: (i: number) => Promise<unknown>) {
  recorder.phase = operation;
  const started = performance.now();
  for (let i = 0; i < times; i++) await run(i);
  durations.set(operation, (performance.now() - started) / times);
  counts.set(operation, times);
  recorder.phase = undefined;
}
const articleOfPopularPublisher = () => {
  const publisher = publishers[popularPublisher()]!;
  return publisher.articleIds[popularArticle()] ?? publisher.articleIds[0]!;
};

await measure('articleRead', OPS, () => call('GET', `/v1/articles/${articleOfPopularPublisher()}`, pick(readers).auth));
await measure('unlock', OPS, () => call('POST', `/v1/articles/${pick(publishers[popularPublisher()]!.articleIds)}/unlock`, pick(readers).auth));
{
  // The stream consumer's share of the unlocks just made: counted per unlock.
  recorder.phase = 'statsRollup';
  const started = performance.now();
  await stats.catchUp();
  durations.set('statsRollup', (performance.now() - started) / OPS);
  counts.set('statsRollup', OPS);
  recorder.phase = undefined;
}
const postIds: string[] = [];
await measure('post', OPS, async (i) => {
  const response = await call('POST', '/v1/posts', readers[popularReader()]!.auth, { text: `Simulated post ${i}` });
  postIds.push(((await response.json()) as { post: { postId: string } }).post.postId);
});
await measure('timelineRead', OPS, () => call('GET', '/v1/timeline?limit=20', pick(readers).auth));
const popularPost = zipf(postIds.length, POPULATION.zipfS, random);
await measure('like', OPS, () => call('POST', `/v1/posts/${postIds[popularPost()]}/like`, pick(readers).auth));
await measure('follow', OPS, () => {
  const follower = pick(readers);
  let target = readers[popularReader()]!;
  while (target === follower) target = readers[popularReader()]!;
  return call('POST', '/v1/follows', follower.auth, { handle: target.handle });
});
let pushRound = 1;
await measure('feedPush', Math.max(20, Math.floor(OPS / 4)), () => {
  const publisher = publishers[popularPublisher()]!;
  // 20 items, of which 2 are new since the last push.
  return call('POST', '/v1/publisher/ingest', { ...publisher.auth, 'content-type': 'application/rss+xml' }, feedXml(publisher.slug, 2 * pushRound++, 20));
});
let nextFeed = 0;
await measure('pollNothingNew', OPS, async () => {
  // Feeds are polled on their own schedules, whatever their publisher's popularity: one after another.
  const publisher = publishers[nextFeed++ % publishers.length]!;
  const phase = recorder.phase;
  recorder.phase = undefined;
  const due = new Date(0).toISOString();
  await deps.db.doc.send(
    new UpdateCommand({
      TableName: tableName,
      Key: feedKey(publisher.slug, publisher.feedId),
      UpdateExpression: 'SET nextFetchAt = :due, GSI2SK = :sk',
      ExpressionAttributeValues: { ':due': due, ':sk': feedDueKeys(due, publisher.slug, publisher.feedId).GSI2SK },
    }),
  );
  recorder.phase = phase;
  // As the dispatcher does: claim the feed in its due-list shard; then the worker polls it.
  const shard = Number(feedDueKeys(due, publisher.slug, publisher.feedId).GSI2PK.split('#')[1]);
  await claimDueFeeds(deps.db, shard, new Date(), 1, 60_000);
  await pollFeed(deps.feedRuntime, publisher.slug, publisher.feedId);
});

// ---- projection ----------------------------------------------------------------------
/**
 * From the simulation's partitions to the target's: partitions of one kind
 * (every `USER#…`, every `POST#…`) form a class. The simulation measures what
 * each operation costs a class; at the target rates the class carries that in
 * total, and its hottest partition the share that the class's own
 * distribution gives the most popular member of the target population. The
 * simulated population is far smaller, so its own hottest partitions would
 * overstate per-member rates (400 readers share 5,000 timeline reads a second).
 */
const share = {
  /** The most read publisher of 10,000 (Zipf, s = 1). */
  publisher: topShare(10_000, 1),
  /** The most popular of 10 million readers as an author and follow target. */
  popularReader: topShare(10_000_000, 1),
  /** The most read article: the top publisher's top article of 1,000. */
  article: topShare(10_000, 1) * topShare(1_000, 1),
  /** The most liked of a day's 72 million posts (50,000 a minute). */
  post: topShare(72_000_000, 1),
  /** The busiest of 100 sections. */
  section: topShare(100, 1),
  /** One reader of the million active in a peak hour, each acting for themselves. */
  reader: 1 / 1_000_000,
  /** One of a million feeds. */
  feed: 1 / 1_000_000,
} as const;
/** Partition classes by key prefix, longest first; anything not listed counts as one partition (the safe side). */
const CLASSES: Array<[prefix: string, hottest: number, what: string]> = (<Array<[string, number, string]>>[
  ['GSI2:FEEDS_DUE#', 1 / FEED_DUE_SHARDS, `one of ${FEED_DUE_SHARDS} due-list shards`],
  ['GSI2:ARTICLES#', 1 / ARTICLE_LIST_SHARDS, `one of ${ARTICLE_LIST_SHARDS} newest-article shards`],
  ['EARN#', share.publisher / EARNING_SHARDS, `the top publisher’s earnings, one of ${EARNING_SHARDS} shards`],
  ['PUB#', share.publisher, 'the top publisher'],
  ['STATS#', share.publisher, 'the top publisher'],
  ['GSI1:PUBART#', share.publisher, 'the top publisher'],
  ['GSI4:PUBSECTION#', share.publisher, 'the top publisher'],
  ['GSI1:SUBSCRIBERS#', share.publisher, 'the top publisher'],
  ['GSI1:POSTS#p:', share.publisher, 'the top publisher'],
  ['COUNTS#p:', share.publisher, 'the top publisher'],
  ['GSI1:FOLLOWERS#p:', share.publisher, 'the top publisher'],
  ['GSI3:SECTION#', share.section, 'the top section'],
  ['ART#', share.article, 'the most read article'],
  ['ARTURL#', share.article, 'the most read article'],
  ['POST#', share.post, 'the most read and liked post'],
  ['GSI2:REPLIES#', share.post, 'the most read and liked post'],
  ['GSI1:POSTS#r:', share.popularReader, 'the most followed reader'],
  ['COUNTS#r:', share.popularReader, 'the most followed reader'],
  ['GSI1:FOLLOWERS#r:', share.popularReader, 'the most followed reader'],
  ['FEEDURL#', share.feed, 'one feed'],
  ['USER#', share.reader, 'one reader'],
  ['TIMELINE#', share.reader, 'one reader'],
  ['MERGE#', share.reader, 'one reader'],
  ['BLOCK#', share.reader, 'one reader'],
  ['FOLLOWS#', share.reader, 'one reader'],
  ['GSI1:LIBRARY#', share.reader, 'one reader'],
  ['RATE#', share.reader, 'one reader'],
  ['IDEMPOTENCY#', share.reader, 'one reader'],
  ['EMAIL#', share.reader, 'one reader'],
  ['HANDLE#', share.reader, 'one reader'],
  ['LOGINFAIL#', share.reader, 'one reader'],
  ]).sort((a, b) => b[0].length - a[0].length);
const classOf = (label: string): [string, number, string] => CLASSES.find(([prefix]) => label.startsWith(prefix)) ?? [label, 1, 'a single partition'];

interface ClassLoad extends KeyLoad {
  prefix: string;
  hottest: number;
  what: string;
  /** The simulation's own busiest member, and each operation's share of the load. */
  example: string;
  exampleUnits: number;
  byOperation: Map<Operation, number>;
}
const classes = new Map<string, ClassLoad>();
const perOperation: Array<{ operation: Operation; rcu: number; wcu: number; ms: number }> = [];
for (const [phase, loads] of recorder.phases) {
  const operation = phase as Operation;
  const count = counts.get(operation) ?? 1;
  let rcu = 0;
  let wcu = 0;
  for (const [label, consumed] of loads) {
    rcu += consumed.rcu;
    wcu += consumed.wcu;
    const [prefix, hottest, what] = classOf(label);
    const entry = classes.get(prefix) ?? { prefix, hottest, what, rcu: 0, wcu: 0, example: label, exampleUnits: 0, byOperation: new Map() };
    const add = { rcu: (consumed.rcu / count) * TARGET[operation], wcu: (consumed.wcu / count) * TARGET[operation] };
    entry.rcu += add.rcu;
    entry.wcu += add.wcu;
    entry.byOperation.set(operation, (entry.byOperation.get(operation) ?? 0) + add.rcu / LIMITS.rcu + add.wcu / LIMITS.wcu);
    if (consumed.rcu + consumed.wcu > entry.exampleUnits) Object.assign(entry, { example: label, exampleUnits: consumed.rcu + consumed.wcu });
    classes.set(prefix, entry);
  }
  perOperation.push({ operation, rcu: rcu / count, wcu: wcu / count, ms: durations.get(operation) ?? 0 });
}
const mostFrom = (entry: ClassLoad) => [...entry.byOperation].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
const hotRcu = (entry: ClassLoad) => entry.rcu * entry.hottest;
const hotWcu = (entry: ClassLoad) => entry.wcu * entry.hottest;
const load = (entry: ClassLoad) => Math.max(hotRcu(entry) / LIMITS.rcu, hotWcu(entry) / LIMITS.wcu);
const hottest = [...classes.values()].sort((a, b) => load(b) - load(a)).slice(0, 15);
const over = [...classes.values()].filter((entry) => load(entry) > 1);

const fixed = (value: number, digits = 1) => value.toFixed(digits);
const lines: string[] = [];
lines.push(`Seed ${SEED}; ${OPS} simulated operations of each kind (${counts.get('feedPush')} pushes); ${POPULATION.publishers} publishers × ${POPULATION.articlesPerPublisher} articles, ${POPULATION.readers} readers; Zipf s = ${POPULATION.zipfS} (the most popular publisher draws ${fixed(topShare(POPULATION.publishers, POPULATION.zipfS) * 100)} % of the traffic).`, '');
lines.push('| operation | target per second | read units per op | write units per op | ms per op (DynamoDB Local) |', '|---|---|---|---|---|');
for (const row of perOperation) lines.push(`| ${row.operation} | ${fixed(TARGET[row.operation], 0)} | ${fixed(row.rcu, 2)} | ${fixed(row.wcu, 2)} | ${fixed(row.ms)} |`);
lines.push('', '| partition class | its hottest member | projected RCU/s | projected WCU/s | of the limit | mostly from |', '|---|---|---|---|---|---|');
for (const entry of hottest) {
  lines.push(`| \`${entry.prefix}…\` | ${entry.what} | ${fixed(hotRcu(entry), 0)} | ${fixed(hotWcu(entry), 0)} | ${fixed(load(entry) * 100, 1)} % | ${mostFrom(entry)} |`);
}
lines.push('', '| operation | DynamoDB | Lambda | HTTP API / SQS | per million requests |', '|---|---|---|---|---|');
for (const row of perOperation) {
  const served = SERVED_BY[row.operation];
  const dynamodb = row.wcu * PRICE.wru + row.rcu * PRICE.rru;
  // Lambda bills whole milliseconds; DynamoDB Local's latency stands in for DynamoDB's.
  const lambda = PRICE.lambdaRequest + served.memoryGb * (Math.ceil(row.ms) / 1000) * PRICE.lambdaGbSecond * 1_000_000;
  const front = (served.httpApi ? PRICE.httpApi : 0) + served.sqsRequests * PRICE.sqsRequest;
  lines.push(`| ${row.operation} | $${fixed(dynamodb, 2)} | $${fixed(lambda, 2)} | $${fixed(front, 2)} | $${fixed(dynamodb + lambda + front, 2)} |`);
}
lines.push('', over.length === 0 ? `Every partition stays under ${LIMITS.wcu} WCU/s and ${LIMITS.rcu} RCU/s at the target rates (${[...recorder.phases.values()].reduce((sum, loads) => sum + loads.size, 0)} partition loads seen in ${classes.size} classes).` : `OVER THE LIMIT: ${over.map((entry) => entry.prefix).join(', ')}`);
if (refusals.size > 0) lines.push('', `Answers other than 2xx while measuring: ${[...refusals].map(([what, count]) => `${what} × ${count}`).join(', ')}.`);
const report = lines.join('\n');
process.stdout.write(`\n${report}\n`);

if (args.write) {
  const path = new URL('../docs/CAPACITY.md', import.meta.url);
  const doc = await readFile(path, 'utf8');
  const start = '<!-- simulate:start -->';
  const end = '<!-- simulate:end -->';
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < 0) throw new Error('docs/CAPACITY.md has no simulate markers');
  const stamp = `Run on ${new Date().toISOString().slice(0, 10)}, ${process.platform} ${process.arch}, Node ${process.version}.`;
  await writeFile(path, `${doc.slice(0, from + start.length)}\n${stamp}\n\n${report}\n${doc.slice(to)}`);
  process.stdout.write('\ndocs/CAPACITY.md updated.\n');
}

await stats.stop();
feedServer.close();
quiet.destroy();
deps.db.raw.destroy();
await dynamo.stop();
process.exit(over.length === 0 ? 0 : 1);

// ---- helpers ------------------------------------------------------------------------
/** A feed of `count` items whose newest `first` … are numbered from `first`: a push of new items moves the window. */
function feedXml(slug: string, first: number, count: number): string {
  const items = Array.from({ length: count }, (_, k) => {
    const n = first + k;
    return `<item><guid isPermaLink="false">${slug}-${n}</guid><title>${slug} story ${n}</title><link>https://${slug}.example/${n}</link><pubDate>${new Date(Date.UTC(2026, 10, 1) + n * 60_000).toUTCString()}</pubDate><category>${n % 2 ? 'World' : 'Economy'}</category><description>Summary of story ${n}.</description><content:encoded><![CDATA[<p>${'Paragraph of translated reporting. '.repeat(40)}</p>]]></content:encoded></item>`;
  }).join('');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${slug}</title><link>https://${slug}.example/</link><description>${slug}</description>${items}</channel></rss>`;
}

/** Serves each publisher's feed with an ETag and answers 304 when it is sent back: a poll that finds nothing new. */
async function startFeedServer() {
  const server = createServer((request, response) => {
    const slug = (request.url ?? '/').slice(1).replace(/\.xml$/, '');
    const body = feedXml(slug, 0, POPULATION.articlesPerPublisher);
    const etag = `"${slug}-v1"`;
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag }).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
