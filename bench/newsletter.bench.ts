/**
 * A newsletter issue for 100,000 subscribers, made and fanned out by the real
 * code against DynamoDB Local: the readers' facts read in batches, each
 * reader's mail built through the access decision, sent marks written a page
 * at a time, and the mails handed to a queue stand-in that keeps only their
 * count and size (in AWS: SQS). It prints the time, the DynamoDB round trips
 * and writes, and the peak memory; beside it, in the same run, the same
 * fan-out a reader at a time on 2,000 subscribers, and building each mail
 * whole instead of from the issue's shared pieces.
 */
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { entitlementKey, newsletterSubscriberKey, readerKey, subscriptionKey } from '../shared/db/keys.js';
import type { Db } from '../shared/db/client.js';
import { runIssueJob } from '../shared/newsletters/newsletter-fanout.js';
import { dispatchDueNewsletters, getIssue, type IssueJob } from '../shared/newsletters/newsletter-issues.js';
import { issueMailFor, renderIssue } from '../shared/newsletters/newsletter-mail.js';
import { benchApp } from './bench-app.js';
import { printTable, round, timeIt } from './stats.js';

const SUBSCRIBERS = 100_000;
const BASELINE_SUBSCRIBERS = 2_000;
const ARTICLES = 10;
/** As the newsletter worker's queue mapping runs them in AWS. */
const JOB_CONCURRENCY = 4;
const PUBLIC_URL = 'https://postwire.example';

export async function runNewsletterBench(endpoint: string): Promise<void> {
  const rows: Array<Record<string, string | number>> = [];
  const big = await fanOutRun(endpoint, 'newsletter', SUBSCRIBERS, 100);
  rows.push(big.row);
  const small = await fanOutRun(endpoint, 'newsletter-baseline', BASELINE_SUBSCRIBERS, 1);
  rows.push(small.row);
  printTable(`A newsletter issue of ${ARTICLES} articles to ${SUBSCRIBERS.toLocaleString('en')} subscribers, made and queued (\`bench/newsletter.bench.ts\`)`, rows);
  process.stdout.write(
    `\nEach subscriber's facts are read in batches: the profile, the subscription to the publisher and one entitlement per priced article (${ARTICLES - 1}). ` +
      `Mails go to a stand-in for SQS that keeps their count and size only; in AWS each is one SQS message (${round(big.bytesPerMail / 1024, 1)} KB on average).\n`,
  );

  // Building each mail: from the issue's pieces (what the fan-out does) against rendering every mail whole.
  const issue = big.issue;
  const reader = { userId: 'reader', email: 'reader@readers.example', handle: 'reader' };
  const links = { unsubscribeApi: `${PUBLIC_URL}/u`, unsubscribePage: `${PUBLIC_URL}/u`, preferencesPage: `${PUBLIC_URL}/account` };
  const canRead = (articleId: string) => articleId.endsWith('0');
  const pieces = renderIssue(issue, PUBLIC_URL);
  const shared = await timeIt(() => {
    for (let i = 0; i < 10_000; i++) issueMailFor(pieces, { ...reader, userId: `r${i}` }, canRead, links);
  });
  const whole = await timeIt(() => {
    for (let i = 0; i < 10_000; i++) issueMailFor(renderIssue(issue, PUBLIC_URL), { ...reader, userId: `r${i}` }, canRead, links);
  });
  printTable('Building 10,000 issue mails', [
    { way: "from the issue's pieces, rendered once (the fan-out)", 'ms per 1,000 mails': round(shared.ms / 10, 2) },
    { way: 'each mail rendered whole (baseline)', 'ms per 1,000 mails': round(whole.ms / 10, 2) },
  ]);
}

async function fanOutRun(endpoint: string, name: string, subscribers: number, pageSize: number) {
  const { deps, app } = await benchApp(name, endpoint);
  const { db } = deps;
  const admin = { authorization: 'Bearer bench-admin-token-0123456789', 'content-type': 'application/json' };
  const created = (await (await app.request('/v1/admin/publishers', { method: 'POST', headers: admin, body: JSON.stringify({ slug: 'bench-news', name: 'Bench News', articlePrice: 30 }) })).json()) as { apiKey: string };
  const publisher = { authorization: `Bearer ${created.apiKey}` };
  const now = new Date();
  const items = Array.from({ length: ARTICLES }, (_, i) => `<item><guid>bench-${i}</guid><title>Bench story ${i}</title><link>https://bench.example/${i}</link><pubDate>${new Date(now.getTime() - (i + 1) * 3600_000).toUTCString()}</pubDate><description>What happened in bench story ${i}, in two sentences. It matters.</description>${i === 0 ? '<postwire:price>0</postwire:price>' : ''}</item>`);
  await app.request('/v1/publisher/ingest', { method: 'POST', headers: { ...publisher, 'content-type': 'application/rss+xml' }, body: `<rss version="2.0" xmlns:postwire="https://postwire.dev/ns"><channel><title>Bench</title>${items.join('')}</channel></rss>` });
  await app.request('/v1/publisher/newsletters', { method: 'POST', headers: { ...publisher, 'content-type': 'application/json' }, body: JSON.stringify({ key: 'daily', name: 'Bench Daily', sendTime: '07:00', timeZone: 'UTC', frequency: 'daily' }) });
  const articleIds = ((await (await app.request('/v1/articles?publisher=bench-news&limit=20')).json()) as { items: Array<{ id: string }> }).items.map((item) => item.id);
  const seeding = await timeIt(() => seedSubscribers(db, subscribers, 'bench-news.daily', articleIds));

  await app.request('/v1/publisher/newsletters/bench-news.daily/send-now', { method: 'POST', headers: publisher });
  const jobs: IssueJob[] = [];
  await dispatchDueNewsletters(db, { enqueue: async (more) => void jobs.push(...more) }, new Date(), 25);
  const issue = (await getIssue(db, jobs[0]!.issueId))!;

  let mails = 0;
  let bytes = 0;
  let peakRss = process.memoryUsage().rss;
  const baseRss = peakRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);
  db.roundTrips.reset();
  const run = await timeIt(async () => {
    let next = 0;
    await Promise.all(
      Array.from({ length: JOB_CONCURRENCY }, async () => {
        while (next < jobs.length) {
          const job = jobs[next++]!;
          const result = await runIssueJob(db, job, {
            secret: deps.config.jwtSecret,
            publicUrl: PUBLIC_URL,
            now: () => new Date(),
            pageSize,
            queueMails: async (batch) => {
              mails += batch.length;
              for (const mail of batch) bytes += Buffer.byteLength(JSON.stringify(mail));
            },
          });
          if (!result.done) throw new Error('a job stopped early');
        }
      }),
    );
  });
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  if (mails !== subscribers) throw new Error(`${mails} mails queued for ${subscribers} subscribers`);
  const trips = db.roundTrips.byCommand();
  const writes = (trips.TransactWriteItemsCommand ?? 0) + (trips.PutItemCommand ?? 0) + (trips.UpdateItemCommand ?? 0);
  const row = {
    run: pageSize === 1 ? `a reader at a time (baseline), ${subscribers.toLocaleString('en')} subscribers` : `pages of ${pageSize}, ${subscribers.toLocaleString('en')} subscribers`,
    's to queue every mail': round(run.ms / 1000, 1),
    'mails per s': Math.round((mails / run.ms) * 1000),
    'round trips per 1,000 mails': Math.round(((db.roundTrips.total) / mails) * 1000),
    'write requests per 1,000 mails': Math.round((writes / mails) * 1000),
    'peak RSS MB (above start)': Math.round((peakRss - baseRss) / 2 ** 20),
    'seeding s': round(seeding.ms / 1000, 1),
  };
  return { row, issue, bytesPerMail: bytes / mails };
}

/**
 * `count` confirmed subscribers written straight to the table (what sign-ups
 * and confirmations would leave): a profile and a subscriber entry each; one
 * in ten has a subscription to the publisher, one in ten unlocked an article.
 */
async function seedSubscribers(db: Db, count: number, newsletterId: string, articleIds: string[]): Promise<void> {
  const periodEnd = new Date(Date.now() + 30 * 86400_000).toISOString();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < count) {
        const start = next;
        next += 8;
        const batch: Array<Record<string, unknown>> = [];
        for (let n = start; n < Math.min(start + 8, count); n++) {
          const userId = `bench-reader-${n}`;
          batch.push({ ...readerKey(userId), type: 'reader', userId, email: `${userId}@readers.example`, handle: `r${n}`, createdAt: '2026-11-01T00:00:00.000Z' });
          batch.push({ ...newsletterSubscriberKey(newsletterId, userId), type: 'newsletter_subscriber', since: '2026-11-01T00:00:00.000Z' });
          if (n % 10 === 3) batch.push({ ...subscriptionKey(userId, 'bench-news'), type: 'subscription', publisherSlug: 'bench-news', planId: 'monthly', kind: 'paid', status: 'active', currentPeriodEnd: periodEnd, cancelAtPeriodEnd: false, updatedAt: '2026-11-01T00:00:00.000Z' });
          if (n % 10 === 7) batch.push({ ...entitlementKey(userId, articleIds[1]!), type: 'entitlement', articleId: articleIds[1], via: 'points', grantedAt: '2026-11-01T00:00:00.000Z' });
        }
        await db.doc.send(new BatchWriteCommand({ RequestItems: { [db.tableName]: batch.map((Item) => ({ PutRequest: { Item } })) } }));
      }
    }),
  );
}
