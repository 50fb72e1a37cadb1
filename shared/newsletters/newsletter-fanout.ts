/**
 * One fan-out job: one subscriber shard of one issue, a page of readers at a
 * time, from where the last attempt stopped. For each page it reads what the
 * access decision needs (each reader's profile, their subscription to the
 * publisher and their entitlements to the issue's articles) in batch reads,
 * builds each reader's mail, claims each reader's sent mark (a conditional
 * write, so of two jobs on one page only one mails a reader), hands the
 * claimed mails to the mail queue, then moves the shard's resume point. The
 * marks of mails the queue did not take are given back before the job fails,
 * so its retry, which resumes at that page, queues exactly those; the marks
 * of mails it took make the retry skip who had them. Each reader thus gets
 * each issue once, and a failed queue send loses nobody's. (A job killed
 * between claiming and queueing, which its deadline's 30 s margin makes
 * unlikely, would leave that page's marks claimed: those mails would be lost,
 * not sent twice.) Mails go to the queue, so a newsletter with a million
 * subscribers is queue depth, not one function's time.
 *
 * The free meter is never spent by a mail: the access decision is asked with
 * no meter, no balance and no spend, so only a free article, an entitlement
 * or a subscription opens an article.
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { decideAccess } from '../access/access-policy.js';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { conditionHeld } from '../db/conditional-write.js';
import { entitlementKey, issueSentKey, issueShardKey, newsletterIssueKey, newsletterSubscribersPk, readerKey, subscriptionKey, type ItemKey } from '../db/keys.js';
import { TTL_ATTRIBUTE } from '../db/table-schema.js';
import { transactWrite } from '../db/transactions.js';
import type { MailMessage } from '../mail/mail-message.js';
import { MailsNotQueued } from '../mail/mail-queue.js';
import { suppressedAmong } from '../mail/suppression.js';
import { accessOfSubscription, type Subscription } from '../subscriptions/subscription.js';
import { unsubscribeToken } from './newsletter-links.js';
import { issueMailFor, renderIssue, type RenderedIssue } from './newsletter-mail.js';
import { getIssue, type IssueJob } from './newsletter-issues.js';

export interface FanOutOptions {
  secret: string;
  publicUrl: string;
  /**
   * Hands a page's mails to the mail queue (SQS in AWS, the in-process queue on one machine). Throws on
   * failure: MailsNotQueued says which were not taken; after any other error none counts as taken.
   */
  queueMails(mails: MailMessage[]): Promise<void>;
  now: () => Date;
  /** Readers per page: one sent-mark transaction holds at most 100. */
  pageSize?: number;
  /** Stop before this moment (epoch ms) and answer where to resume: a Lambda stops before its timeout. */
  deadline?: number;
}

export interface FanOutResult {
  done: boolean;
  queued: number;
  skipped: number;
}

/** Sent marks are kept while a retry could still come: a month. */
const SENT_MARK_SECONDS = 30 * 86400;
/** An issue's rendered parts, kept in memory across the jobs of one function instance. */
const renderedIssues = new Map<string, RenderedIssue>();

export async function runIssueJob(db: Db, job: IssueJob, options: FanOutOptions): Promise<FanOutResult> {
  const pageSize = Math.min(options.pageSize ?? 100, 100);
  const issue = await getIssue(db, job.issueId);
  if (!issue) return { done: true, queued: 0, skipped: 0 };
  const renderKey = `${issue.issueId} ${options.publicUrl}`;
  let rendered = renderedIssues.get(renderKey);
  if (!rendered) {
    rendered = renderIssue(issue, options.publicUrl);
    renderedIssues.clear();
    renderedIssues.set(renderKey, rendered);
  }
  const progressKey = issueShardKey(issue.issueId, job.shard);
  const result: FanOutResult = { done: false, queued: 0, skipped: 0 };
  let cursor = await resumePoint(db, progressKey);
  if (cursor === 'done') return { ...result, done: true };

  for (;;) {
    if (options.deadline !== undefined && Date.now() > options.deadline) return result;
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': newsletterSubscribersPk(issue.newsletterId, job.shard) },
        ExclusiveStartKey: cursor ? { PK: newsletterSubscribersPk(issue.newsletterId, job.shard), SK: cursor } : undefined,
        Limit: pageSize,
      }),
    );
    const userIds = (page.Items ?? []).map((item) => item.SK as string);
    if (userIds.length > 0) {
      const { mails, skipped } = await mailsFor(db, rendered, userIds, options);
      const claimed = await claimSent(db, issue.issueId, mails, options.now());
      const { queued, failure } = await queueClaimed(db, issue.issueId, claimed, options);
      result.queued += queued;
      result.skipped += skipped + (mails.length - claimed.length);
      if (queued > 0) await db.doc.send(new UpdateCommand({ TableName: db.tableName, Key: newsletterIssueKey(issue.issueId), UpdateExpression: 'ADD sent :n', ExpressionAttributeValues: { ':n': queued } }));
      // The resume point stays before this page: the retry claims again exactly the mails given back.
      if (failure) throw failure.error;
    }
    const last = page.LastEvaluatedKey?.SK as string | undefined;
    cursor = last ?? 'done';
    await db.doc.send(new PutCommand({ TableName: db.tableName, Item: { ...progressKey, type: 'issue_progress', cursor, [TTL_ATTRIBUTE]: Math.floor(options.now().getTime() / 1000) + SENT_MARK_SECONDS } }));
    if (cursor === 'done') return { ...result, done: true };
  }
}

async function resumePoint(db: Db, key: ItemKey): Promise<string | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: key, ConsistentRead: true }));
  return Item?.cursor as string | undefined;
}

/** The page's mails: every subscriber who still has an account, wants newsletters and whose address takes mail. */
async function mailsFor(db: Db, rendered: RenderedIssue, userIds: string[], options: FanOutOptions): Promise<{ mails: MailMessage[]; skipped: number }> {
  const { issue } = rendered;
  const priced = issue.articles.filter((article) => article.price > 0).map((article) => article.id);
  const keys = userIds.flatMap((userId) => [readerKey(userId), subscriptionKey(userId, issue.publisherSlug), ...priced.map((id) => entitlementKey(userId, id))]);
  const items = await batchGetAll(db, keys, ['PK', 'SK', 'type', 'email', 'handle', 'mailPreferences', 'status', 'currentPeriodEnd', 'graceUntil', 'kind']);
  const byKey = new Map(items.map((item) => [`${item.PK as string}|${item.SK as string}`, item]));
  const get = (key: ItemKey) => byKey.get(`${key.PK}|${key.SK}`);
  const readers = userIds.flatMap((userId) => {
    const profile = get(readerKey(userId));
    if (profile?.type !== 'reader' || (profile.mailPreferences as { newsletters?: boolean } | undefined)?.newsletters === false) return [];
    return [{ userId, email: profile.email as string, handle: profile.handle as string }];
  });
  const suppressed = await suppressedAmong(db, readers.map((reader) => reader.email));
  const now = options.now();
  const mails = readers
    .filter((reader) => !suppressed.has(reader.email.toLowerCase()))
    .map((reader) => {
      const subscription = accessOfSubscription(get(subscriptionKey(reader.userId, issue.publisherSlug)) as Subscription | undefined, now);
      const canRead = (articleId: string) => {
        const article = issue.articles.find((candidate) => candidate.id === articleId)!;
        const entitlement = get(entitlementKey(reader.userId, articleId)) as { via: 'points' } | undefined;
        // No meter, no balance, no spend: a mail never spends the free article, and never charges.
        return decideAccess({ price: article.price, entitlement, reader: { balance: 0, freeRemaining: 0, spent: 0, subscription } }).kind === 'granted';
      };
      const token = unsubscribeToken(options.secret, reader.userId, issue.newsletterId, issue.issueId);
      return issueMailFor(rendered, reader, canRead, {
        unsubscribeApi: `${options.publicUrl}/v1/newsletters/${encodeURIComponent(issue.newsletterId)}/unsubscribe?token=${token}`,
        unsubscribePage: `${options.publicUrl}/newsletters/unsubscribe?newsletter=${encodeURIComponent(issue.newsletterId)}&token=${token}`,
        preferencesPage: `${options.publicUrl}/account`,
      });
    });
  return { mails, skipped: userIds.length - mails.length };
}

const userIdOf = (issueId: string, mail: MailMessage) => mail.id.slice(`newsletter.${issueId}.`.length);
const sentMark = (db: Db, issueId: string, mail: MailMessage, now: Date, released?: true) => ({
  TableName: db.tableName,
  Item: { ...issueSentKey(issueId, userIdOf(issueId, mail)), type: 'issue_sent', ...(released ? { released } : {}), [TTL_ATTRIBUTE]: Math.floor(now.getTime() / 1000) + SENT_MARK_SECONDS },
});

/**
 * Claims the page's readers' sent marks for this issue and answers the mails
 * nobody claimed before: first all at once (one transaction), and when that
 * finds a mark already there (a repeated page), one by one. A mark given back
 * (its mail was not queued) may be claimed again.
 */
async function claimSent(db: Db, issueId: string, mails: MailMessage[], now: Date): Promise<MailMessage[]> {
  if (mails.length === 0) return [];
  const claim = (mail: MailMessage) => ({ ...sentMark(db, issueId, mail, now), ConditionExpression: 'attribute_not_exists(PK) OR released = :yes', ExpressionAttributeValues: { ':yes': true } });
  const all = await transactWrite(db, mails.map((mail) => ({ Put: claim(mail) })));
  if (all.committed) return mails;
  const fresh: MailMessage[] = [];
  for (const mail of mails) if (await conditionHeld(db.doc.send(new PutCommand(claim(mail))))) fresh.push(mail);
  return fresh;
}

/**
 * Hands the claimed mails to the queue. When it fails, the marks of the mails
 * it did not take are given back before the failure is passed on: a batch SQS
 * refused is known by name; after any other failure none is known to be
 * queued, so all are given back (and a retry may queue a few twice).
 */
async function queueClaimed(db: Db, issueId: string, claimed: MailMessage[], options: FanOutOptions): Promise<{ queued: number; failure?: { error: unknown } }> {
  if (claimed.length === 0) return { queued: 0 };
  try {
    await options.queueMails(claimed);
    return { queued: claimed.length };
  } catch (error) {
    const unqueued = error instanceof MailsNotQueued ? error.unqueued : claimed;
    const now = options.now();
    await Promise.all(unqueued.map((mail) => db.doc.send(new PutCommand(sentMark(db, issueId, mail, now, true)))));
    return { queued: claimed.length - unqueued.length, failure: { error } };
  }
}
