/**
 * Making issues. The dispatcher (a scheduled function in AWS, the local
 * poller on one machine) finds newsletters whose send time has come, claims
 * each one's turn by moving its next send time (so two dispatchers never make
 * one issue twice), fixes the issue's articles (published since the last
 * issue, in its sections), and hands one fan-out job per subscriber shard to
 * the job queue. An issue with no new articles is not sent.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { listArticles } from '../articles/article-store.js';
import { priceAt } from '../access/article-price.js';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { INDEX, newsletterIssueKey, newsletterKey, NEWSLETTER_SUBSCRIBER_SHARDS, NEWSLETTERS_DUE_PK, publisherIssueKeys } from '../db/keys.js';
import { TTL_ATTRIBUTE } from '../db/table-schema.js';
import { getPublisher } from '../publishers/publisher-store.js';
import type { Newsletter } from './newsletter.js';
import type { Issue, IssueArticle } from './newsletter-mail.js';
import { claimIssue, toNewsletter } from './newsletter-store.js';
import { nextSendAt } from './send-schedule.js';

/** A unit of fan-out work: one subscriber shard of one issue, from where it stopped. */
export interface IssueJob {
  issueId: string;
  shard: number;
}

export interface IssueJobSink {
  enqueue(jobs: IssueJob[]): Promise<void>;
}

/** Issue records (and their counters) are kept for a year and a half: long enough for a year of stats. */
const ISSUE_KEPT_SECONDS = 550 * 86400;
/** The first issue of a new newsletter looks back this far. */
const FIRST_ISSUE_LOOKBACK_MS = 7 * 86400_000;

export async function makeIssue(db: Db, newsletter: Newsletter, now: Date, defaultPrice: number): Promise<Issue | undefined> {
  const since = newsletter.lastIssueAt ?? new Date(Date.parse(newsletter.createdAt) - FIRST_ISSUE_LOOKBACK_MS).toISOString();
  const publisher = await getPublisher(db, newsletter.publisherSlug);
  const filters = newsletter.sections?.length ? newsletter.sections.map((section) => ({ publisher: newsletter.publisherSlug, section })) : [{ publisher: newsletter.publisherSlug }];
  const pages = await Promise.all(filters.map((filter) => listArticles(db, filter, newsletter.maxArticles)));
  const seen = new Set<string>();
  const articles: IssueArticle[] = pages
    .flatMap((page) => page.items)
    .filter((article) => article.publishedAt > since && article.publishedAt <= now.toISOString() && !seen.has(article.id) && seen.add(article.id))
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
    .slice(0, newsletter.maxArticles)
    .map((article) => ({
      id: article.id,
      title: article.title,
      dek: article.dek,
      author: article.author,
      section: article.section,
      publishedAt: article.publishedAt,
      price: priceAt(article, publisher, defaultPrice, now),
      readingMinutes: article.readingMinutes,
    }));
  if (articles.length === 0) return undefined;
  const madeAt = now.toISOString();
  const issue: Issue = {
    issueId: `${madeAt.slice(0, 10).replaceAll('-', '')}-${randomBytes(6).toString('hex')}`,
    newsletterId: newsletter.newsletterId,
    newsletterName: newsletter.name,
    publisherSlug: newsletter.publisherSlug,
    publisherName: publisher?.name ?? newsletter.publisherSlug,
    madeAt,
    articles,
  };
  await db.doc.send(
    new PutCommand({
      TableName: db.tableName,
      Item: {
        ...newsletterIssueKey(issue.issueId),
        ...publisherIssueKeys(issue.publisherSlug, madeAt, issue.issueId),
        type: 'newsletter_issue',
        ...issue,
        sent: 0,
        delivered: 0,
        bounced: 0,
        unsubscribed: 0,
        [TTL_ATTRIBUTE]: Math.floor(now.getTime() / 1000) + ISSUE_KEPT_SECONDS,
      },
    }),
  );
  return issue;
}

export async function getIssue(db: Db, issueId: string): Promise<Issue | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: newsletterIssueKey(issueId) }));
  return Item as Issue | undefined;
}

/** Sends the issue to every subscriber shard: the jobs each read one shard. */
export const issueJobs = (issueId: string): IssueJob[] => Array.from({ length: NEWSLETTER_SUBSCRIBER_SHARDS }, (_, shard) => ({ issueId, shard }));

/** Makes the issues that are due and queues their fan-out; answers the issues made. */
export async function dispatchDueNewsletters(db: Db, sink: IssueJobSink, now: Date, defaultPrice: number): Promise<Issue[]> {
  const { Items = [] } = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      IndexName: INDEX.global,
      KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK <= :now',
      ExpressionAttributeValues: { ':pk': NEWSLETTERS_DUE_PK, ':now': `${now.toISOString()}#~` },
      Limit: 100,
    }),
  );
  const due = (await batchGetAll(db, Items.map((item) => newsletterKey((item.GSI2SK as string).split('#')[1]!)))).map(toNewsletter);
  const made: Issue[] = [];
  for (const newsletter of due) {
    if (newsletter.nextSendAt > now.toISOString()) continue;
    const next = nextSendAt(newsletter, now).toISOString();
    if (!(await claimIssue(db, newsletter, now.toISOString(), next))) continue;
    const issue = await makeIssue(db, newsletter, now, defaultPrice);
    if (!issue) continue;
    await sink.enqueue(issueJobs(issue.issueId));
    made.push(issue);
  }
  return made;
}
