/**
 * Making issues. The dispatcher (a scheduled function in AWS, the local
 * poller on one machine) finds newsletters whose send time has come, makes
 * the issue of that send time (its articles: published since the last issue,
 * in its sections), hands one fan-out job per subscriber shard to the job
 * queue, and only then claims the turn by moving the newsletter's next send
 * time. An issue's id comes from its newsletter and send time, and it is
 * written only if absent: a dispatch whose queueing failed leaves the turn
 * unclaimed, and the next one finds the same issue and queues its jobs again;
 * two dispatchers at once make one issue, and only the one whose claim holds
 * reports it (a job queued twice is harmless: the fan-out's sent marks keep
 * each reader to one mail). When the claim fails because the turn was moved
 * by someone else (a send-now or a schedule change between queueing and
 * claiming), the queued issue is still sent: the dispatch records it as the
 * newsletter's last issue where the newsletter records an older one, so the
 * next issue does not repeat its articles, and reports it. An issue with no
 * new articles is not sent.
 */
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { conditionHeld } from '../db/conditional-write.js';
import { createHash } from 'node:crypto';
import { listArticles } from '../articles/article-store.js';
import { priceAt } from '../access/article-price.js';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { INDEX, newsletterIssueKey, newsletterKey, NEWSLETTER_SUBSCRIBER_SHARDS, NEWSLETTERS_DUE_PK, publisherIssueKeys } from '../db/keys.js';
import { TTL_ATTRIBUTE } from '../db/table-schema.js';
import { getPublisher } from '../publishers/publisher-store.js';
import type { Newsletter } from './newsletter.js';
import type { Issue, IssueArticle } from './newsletter-mail.js';
import { claimIssue, recordIssueSent, toNewsletter } from './newsletter-store.js';
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

/** The id of a newsletter's issue for one send time: the same for every dispatch of that turn. */
export const issueIdFor = (newsletterId: string, sendAt: string): string =>
  `${sendAt.slice(0, 10).replaceAll('-', '')}-${createHash('sha256').update(`${newsletterId}\n${sendAt}`).digest('hex').slice(0, 12)}`;

/** The issue of the newsletter's current send time: the one made already, or a new one (none when nothing new was published). */
export async function makeIssue(db: Db, newsletter: Newsletter, now: Date, defaultPrice: number): Promise<Issue | undefined> {
  const issueId = issueIdFor(newsletter.newsletterId, newsletter.nextSendAt);
  const made = await getIssue(db, issueId, true);
  if (made) return made;
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
    issueId,
    newsletterId: newsletter.newsletterId,
    newsletterName: newsletter.name,
    publisherSlug: newsletter.publisherSlug,
    publisherName: publisher?.name ?? newsletter.publisherSlug,
    madeAt,
    articles,
  };
  const written = await conditionHeld(
    db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        ConditionExpression: 'attribute_not_exists(PK)',
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
    ),
  );
  // Another dispatcher made it meanwhile: its articles are the issue's.
  return written ? issue : getIssue(db, issueId, true);
}

export async function getIssue(db: Db, issueId: string, consistent = false): Promise<Issue | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: newsletterIssueKey(issueId), ConsistentRead: consistent }));
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
    const issue = await makeIssue(db, newsletter, now, defaultPrice);
    // A failure here throws before the claim: the turn stays due, and the next dispatch queues this issue again.
    if (issue) await sink.enqueue(issueJobs(issue.issueId));
    // The next issue takes what was published after this one was made (or after now, when nothing was new).
    const claimed = await claimIssue(db, newsletter, issue?.madeAt ?? now.toISOString(), nextSendAt(newsletter, now).toISOString());
    if (!issue) continue;
    // The turn moved meanwhile (a send-now, a schedule change), yet the issue is queued: it is still the last one sent.
    if (claimed || (await recordIssueSent(db, newsletter.newsletterId, issue.madeAt))) made.push(issue);
  }
  return made;
}
