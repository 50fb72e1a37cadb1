/**
 * One fan-out job: one subscriber shard of one issue, a page of readers at a
 * time, from where the last attempt stopped. For each page it reads what the
 * access decision needs (each reader's profile, their subscription to the
 * publisher and their entitlements to the issue's articles) in batch reads,
 * builds each reader's mail, claims each reader's sent mark (a conditional
 * write, so a reader is mailed once however often a page is read), hands the
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
 * One job works a shard at a time: it takes the shard's lease (on its
 * progress item, a conditional write) before it reads a page, renews it with
 * every move of the resume point (which only the holder may make) and gives
 * it up when it stops. Jobs come twice (SQS delivers at least once, a dispatch
 * run again queues every job again), and without the lease a duplicate that
 * met marks claimed by a job whose queue send was failing took them for sent
 * and moved the resume point past them; the failing job then gave them back
 * behind the resume point, and nobody read that page again. A job that finds
 * the lease held does nothing and succeeds: the holder's own message stays on
 * the queue until the holder finishes or fails, and a failed holder's retry
 * comes back for the shard. The lease outlasts the worker's timeout, so a live
 * holder never loses it, and lapses well before SQS hands a killed job's
 * message out again (its visibility timeout, 30 minutes). The lease was chosen
 * over marks that tell a claimed mail from a queued one: such marks cost a
 * second write per mail, and a job meeting a claimed one could not tell a
 * live claimer from a dead one without a lease on each mark.
 *
 * The free meter is never spent by a mail: the access decision is asked with
 * no meter, no balance and no spend, so only a free article, an entitlement
 * or a subscription opens an article.
 */
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { decideAccess } from '../access/access-policy.js';
import { backoff } from '../db/backoff.js';
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
  /** Nothing is left for this job: its shard is finished, or another job holds the shard and finishes it. */
  done: boolean;
  queued: number;
  skipped: number;
}

/** Sent marks are kept while a retry could still come: a month. */
const SENT_MARK_SECONDS = 30 * 86400;
/** A shard's lease: longer than the worker's timeout (5 minutes), far shorter than the job queue's visibility timeout (30). */
const SHARD_LEASE_MS = 6 * 60_000;
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
  const lease = shardLease(db, issueShardKey(issue.issueId, job.shard), options.now);
  const result: FanOutResult = { done: false, queued: 0, skipped: 0 };
  const taken = await lease.take();
  if (!taken) return { ...result, done: true };
  let cursor = taken.cursor;

  try {
    for (;;) {
      if (options.deadline !== undefined && Date.now() > options.deadline) break;
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
      // Held no longer (only a job outliving its lease loses it): its new holder goes on from the resume point.
      if (!(await lease.move(cursor))) return { ...result, done: true };
      if (cursor === 'done') return { ...result, done: true };
    }
  } catch (error) {
    // Given up for the retry (or a duplicate) to take at once; had that failed too, the lease lapses.
    await lease.giveUp().catch(() => undefined);
    throw error;
  }
  // Given up before the continuation is queued: a continuation finding the lease held would do nothing.
  await lease.giveUp();
  return result;
}

/**
 * A shard's lease on its progress item, which also holds the shard's resume
 * point (`cursor`: the last subscriber done, or `done`). Each lease is this
 * job's own (a fresh owner), so a job takes it only when nobody holds it or its
 * holder's time is up.
 */
function shardLease(db: Db, key: ItemKey, now: () => Date) {
  const owner = randomUUID();
  const expiry = () => {
    const at = now().getTime();
    return { ':until': at + SHARD_LEASE_MS, ':ttl': Math.floor(at / 1000) + SENT_MARK_SECONDS };
  };
  const update = (input: { UpdateExpression: string; ConditionExpression: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues: Record<string, unknown>; ReturnValues?: 'ALL_NEW' }) =>
    db.doc.send(new UpdateCommand({ TableName: db.tableName, Key: key, ...input }));
  return {
    /** Takes the shard unless it is done or held; answers its resume point. */
    async take(): Promise<{ cursor: string | undefined } | undefined> {
      try {
        const { Attributes } = await update({
          UpdateExpression: 'SET #type = :type, leaseOwner = :owner, leaseUntil = :until, #ttl = :ttl',
          ConditionExpression: '(attribute_not_exists(#cursor) OR #cursor <> :done) AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
          ExpressionAttributeNames: { '#type': 'type', '#cursor': 'cursor', '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: { ...expiry(), ':type': 'issue_progress', ':owner': owner, ':done': 'done', ':now': now().getTime() },
          ReturnValues: 'ALL_NEW',
        });
        return { cursor: Attributes?.cursor as string | undefined };
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return undefined;
        throw error;
      }
    },
    /** Moves the resume point and renews the lease (`done` ends it); false when this job holds it no longer. */
    move: (cursor: string) =>
      conditionHeld(
        update({
          UpdateExpression: cursor === 'done' ? 'SET #cursor = :cursor, #ttl = :ttl REMOVE leaseOwner, leaseUntil' : 'SET #cursor = :cursor, #ttl = :ttl, leaseUntil = :until',
          ConditionExpression: 'leaseOwner = :owner',
          ExpressionAttributeNames: { '#cursor': 'cursor', '#ttl': TTL_ATTRIBUTE },
          ExpressionAttributeValues: cursor === 'done' ? { ':cursor': cursor, ':ttl': expiry()[':ttl'], ':owner': owner } : { ...expiry(), ':cursor': cursor, ':owner': owner },
        }),
      ),
    giveUp: () => conditionHeld(update({ UpdateExpression: 'REMOVE leaseOwner, leaseUntil', ConditionExpression: 'leaseOwner = :owner', ExpressionAttributeValues: { ':owner': owner } })),
  };
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
    await giveBack(db, issueId, unqueued, options.now(), error);
    return { queued: claimed.length - unqueued.length, failure: { error } };
  }
}

/** Tries to give back a mark this often: a mark left claimed loses its reader's mail. */
const GIVE_BACK_ATTEMPTS = 4;

/**
 * Gives back the marks of mails the queue did not take, each on its own, and
 * tries the ones that failed again after a pause (capped exponential, full
 * jitter): one failed write must not leave the others claimed. What still
 * fails is thrown, with the queue's failure as its cause (those readers'
 * mails are lost, as with a job killed between claiming and queueing).
 */
async function giveBack(db: Db, issueId: string, mails: MailMessage[], now: Date, queueFailure: unknown): Promise<void> {
  let pending = mails;
  for (let attempt = 1; ; attempt++) {
    const results = await Promise.allSettled(pending.map((mail) => db.doc.send(new PutCommand(sentMark(db, issueId, mail, now, true)))));
    const failed = results.flatMap((result, i) => (result.status === 'rejected' ? [{ mail: pending[i]!, reason: result.reason as Error }] : []));
    if (failed.length === 0) return;
    if (attempt === GIVE_BACK_ATTEMPTS) {
      throw new Error(`${failed.length} sent marks of mails not queued could not be given back (${failed[0]!.reason.message})`, { cause: queueFailure });
    }
    pending = failed.map(({ mail }) => mail);
    await backoff(attempt, { baseMs: 50, capMs: 1_000 });
  }
}
