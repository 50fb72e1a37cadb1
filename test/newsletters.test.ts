/**
 * Newsletters as publishers and readers meet them: defined by the publisher,
 * subscribed to with double opt-in, sent on schedule to each reader with what
 * that reader may read, unsubscribed in one click, counted in the stats. Mail
 * is read from the run's real mail catcher.
 */
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { issueShardKey, shardOf, NEWSLETTER_SUBSCRIBER_SHARDS } from '../shared/db/keys.js';
import type { MailMessage } from '../shared/mail/mail-message.js';
import { queueMails, type QueueClient } from '../shared/mail/mail-queue.js';
import { recordMailEvents, sendQueuedMails } from '../shared/mail/mail-worker.js';
import { smtpTransport } from '../shared/mail/smtp-transport.js';
import { runIssueJob } from '../shared/newsletters/newsletter-fanout.js';
import { newsletterSqsClient } from '../shared/newsletters/newsletter-sqs-client.js';
import { dispatchDueNewsletters, type IssueJob, type IssueJobSink } from '../shared/newsletters/newsletter-issues.js';
import { rss2, type RssItem } from './support/feeds.js';
import { linkIn, mailsTo, rawHeader, type CaughtMail } from './support/mailbox.js';
import { createTestStack, type TestStack } from './support/test-stack.js';

let stack: TestStack;
// Monday 30 November 2026, 05:00 UTC: 06:00 in Berlin.
let clock = new Date('2026-11-30T05:00:00Z');
const json = async (response: Response) => (await response.json()) as Record<string, any>;
const send = (method: string, path: string, auth: Record<string, string>, body?: unknown) =>
  stack.request(path, { method, headers: { ...auth, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
const PUBLIC = 'https://postwire.example';

beforeAll(async () => {
  stack = await createTestStack({ mail: true, stream: true, now: () => clock, env: { PUBLIC_URL: PUBLIC } });
});

/** Articles published in the hours before now: `count` priced ones, and one the feed makes free. */
function freshItems(prefix: string, count: number): RssItem[] {
  const items: RssItem[] = Array.from({ length: count }, (_, i) => ({
    guid: `${prefix}-${i}`,
    title: `${prefix} story ${i}`,
    link: `https://desk.example/${prefix}/${i}`,
    pubDate: new Date(clock.getTime() - (i + 1) * 3600_000).toUTCString(),
    category: i % 2 === 0 ? 'World' : 'Economy',
    description: `What happened in ${prefix} story ${i}.`,
    content: `<p>The whole of ${prefix} story ${i}, paragraph one.</p><p>Paragraph two.</p>`,
  }));
  items.push({ guid: `${prefix}-free`, title: `${prefix} free story`, link: `https://desk.example/${prefix}/free`, pubDate: new Date(clock.getTime() - 30 * 60_000).toUTCString(), description: 'Free to all.', content: '<p>Free text.</p>', extra: '<postwire:price>0</postwire:price>' });
  return items;
}

async function publisherWithNewsletter(slug: string, newsletter: Record<string, unknown> = {}) {
  const { auth } = await stack.createPublisher(slug, { articlePrice: 30, freeArticlesPerMonth: 1, plans: undefined });
  await send('PATCH', '/v1/publisher', auth, { plans: [{ planId: 'monthly', name: 'Monthly', interval: 'month', priceCents: 290, trialDays: 30 }] });
  const created = await send('POST', '/v1/publisher/newsletters', auth, { key: 'daily', name: 'The Daily Briefing', sendTime: '07:00', timeZone: 'Europe/Berlin', frequency: 'daily', ...newsletter });
  expect(created.status).toBe(201);
  return { auth, newsletter: (await json(created)).newsletter as { newsletterId: string; nextSendAt: string } };
}

async function push(auth: Record<string, string>, items: RssItem[]) {
  const xml = rss2(items).replace('<rss version="2.0"', '<rss version="2.0" xmlns:postwire="https://postwire.dev/ns"');
  const pushed = await stack.request('/v1/publisher/ingest', { method: 'POST', headers: { ...auth, 'content-type': 'application/rss+xml' }, body: xml });
  expect(pushed.status).toBe(200);
}

/** A reader who subscribed and used the link in the confirmation mail. */
async function subscriber(handle: string, newsletterId: string) {
  const reader = await stack.signUp(handle);
  expect(await json(await send('POST', `/v1/newsletters/${newsletterId}/subscribe`, reader.auth))).toEqual({ status: 'pending' });
  await stack.mailSent();
  const mail = (await mailsTo(`${handle}@readers.example`)).find((found) => found.subject.startsWith('Confirm your subscription'))!;
  const link = linkIn(mail, `${PUBLIC}/newsletters/confirm?`);
  const confirmed = await send('POST', `/v1/newsletters/${link.searchParams.get('newsletter')}/confirm`, {}, { token: link.searchParams.get('token') });
  expect(await json(confirmed)).toEqual({ newsletterId, subscribed: true, alreadySubscribed: false });
  return reader;
}

const issuesTo = async (address: string) => (await mailsTo(address)).filter((mail) => mail.subject.startsWith('The Daily Briefing'));

/** Sends the newsletter now and dispatches it, keeping its issue's fan-out jobs for the test to run. */
async function issueJobsOf(newsletterId: string, auth: Record<string, string>): Promise<IssueJob[]> {
  await send('POST', `/v1/publisher/newsletters/${newsletterId}/send-now`, auth);
  const jobs: IssueJob[] = [];
  const made = await dispatchDueNewsletters(stack.deps.db, { enqueue: async (more) => void jobs.push(...more) }, clock, stack.deps.config.defaultArticlePrice);
  const issue = made.find((candidate) => candidate.newsletterId === newsletterId)!;
  return jobs.filter((job) => job.issueId === issue.issueId);
}

const fanOutOptions = (queueMails: (mails: MailMessage[]) => Promise<void>) => ({ secret: stack.deps.config.jwtSecret, publicUrl: PUBLIC, now: () => clock, queueMails });
/** The mail queue as on one machine: the in-process outbox, to the run's mail catcher. */
const toOutbox = async (mails: MailMessage[]) => {
  for (const mail of mails) await stack.deps.mail.enqueue(mail);
};

describe('defining newsletters', () => {
  it('takes a name, a send time in a time zone and a frequency, and says when the first issue goes out', async () => {
    const { auth, newsletter } = await publisherWithNewsletter('nl-define', { sections: ['World'] });
    expect(newsletter).toMatchObject({ newsletterId: 'nl-define.daily', weekdays: [0, 1, 2, 3, 4, 5, 6], sections: ['World'], maxArticles: 10, subscriberCount: 0 });
    // 07:00 in Berlin in winter is 06:00 UTC, the same morning.
    expect(newsletter.nextSendAt).toBe('2026-11-30T06:00:00.000Z');
    const weekly = await json(await send('POST', '/v1/publisher/newsletters', auth, { key: 'weekly', name: 'The Week', sendTime: '18:30', timeZone: 'America/New_York', frequency: 'weekly', weekday: 5 }));
    expect(weekly.newsletter).toMatchObject({ weekdays: [5], nextSendAt: '2026-12-04T23:30:00.000Z' });

    expect((await json(await stack.request('/v1/publisher/newsletters', { headers: auth }))).items.map((item: any) => item.name)).toEqual(['The Daily Briefing', 'The Week']);
    expect((await json(await stack.request('/v1/publishers/nl-define/newsletters'))).items).toHaveLength(2);
    expect((await send('POST', '/v1/publisher/newsletters', auth, { key: 'daily', name: 'Again', sendTime: '07:00', timeZone: 'Europe/Berlin', frequency: 'daily' })).status).toBe(409);
    const bad = await send('POST', '/v1/publisher/newsletters', auth, { key: 'Bad Key', name: 'x', sendTime: '25:00', timeZone: 'Mars/Olympus', frequency: 'hourly' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.details.map((detail: any) => detail.field).sort()).toEqual(['frequency', 'key', 'sendTime', 'timeZone']);
    expect((await stack.request('/v1/publisher/newsletters')).status).toBe(401);
  });
});

describe('subscribing', () => {
  it('is double opt-in: nothing is sent until the link in the confirmation mail is used', async () => {
    const { auth, newsletter } = await publisherWithNewsletter('nl-optin');
    await push(auth, freshItems('optin', 2));
    const waiting = await stack.signUp('nl_waiting');
    expect(await json(await send('POST', `/v1/newsletters/${newsletter.newsletterId}/subscribe`, waiting.auth))).toEqual({ status: 'pending' });
    expect((await json(await stack.request('/v1/me/newsletters', { headers: waiting.auth }))).items).toEqual([expect.objectContaining({ newsletterId: 'nl-optin.daily', status: 'pending' })]);
    await subscriber('nl_confirmed', newsletter.newsletterId);
    expect(await json(await send('POST', `/v1/newsletters/${newsletter.newsletterId}/subscribe`, (await stack.signUp('nl_twice')).auth))).toEqual({ status: 'pending' });

    clock = new Date('2026-11-30T06:00:30Z');
    await stack.sendNewsletters();
    await stack.mailSent();
    expect(await issuesTo('nl_confirmed@readers.example')).toHaveLength(1);
    expect(await issuesTo('nl_waiting@readers.example')).toHaveLength(0);
    expect((await json(await stack.request('/v1/publisher/newsletters', { headers: auth }))).items[0]).toMatchObject({ subscriberCount: 1, lastIssueAt: clock.toISOString(), nextSendAt: '2026-12-01T06:00:00.000Z' });
    clock = new Date('2026-11-30T05:00:00Z');
  });

  it('refuses a forged or foreign confirmation link, and a subscription to a newsletter that does not exist', async () => {
    const { newsletter } = await publisherWithNewsletter('nl-forged');
    const reader = await stack.signUp('nl_forger');
    expect((await send('POST', `/v1/newsletters/${newsletter.newsletterId}/confirm`, {}, { token: 'eyJ1IjoieCJ9.forged-signature' })).status).toBe(400);
    expect((await send('POST', '/v1/newsletters/nobody.daily/subscribe', reader.auth)).status).toBe(404);
    expect((await send('POST', `/v1/newsletters/${newsletter.newsletterId}/subscribe`, {})).status).toBe(401);
  });
});

describe('an issue', () => {
  it('gives each reader what they may read: open for a subscriber or an unlock, teaser, price and unlock link otherwise; the meter is never spent', async () => {
    const { auth, newsletter } = await publisherWithNewsletter('nl-issue');
    await push(auth, freshItems('issue', 3));
    const ids = ((await json(await stack.request('/v1/articles?publisher=nl-issue'))).items as Array<{ id: string; title: string }>).reduce<Record<string, string>>((all, item) => ({ ...all, [item.title]: item.id }), {});
    const subscribed = await subscriber('nl_subscribed', newsletter.newsletterId);
    expect((await send('POST', '/v1/publishers/nl-issue/trial', subscribed.auth, {})).status).toBe(201);
    const unlocker = await subscriber('nl_unlocker', newsletter.newsletterId);
    await send('POST', '/v1/me/wallet/dev-top-up', unlocker.auth, { points: 100 });
    // The free article of the month, then one paid with points.
    expect((await json(await send('POST', `/v1/articles/${ids['issue story 2']}/unlock`, unlocker.auth))).access.via).toBe('meter');
    expect((await json(await send('POST', `/v1/articles/${ids['issue story 0']}/unlock`, unlocker.auth))).access.via).toBe('points');
    const stranger = await subscriber('nl_stranger', newsletter.newsletterId);

    clock = new Date('2026-11-30T06:01:00Z');
    await send('POST', `/v1/publisher/newsletters/${newsletter.newsletterId}/send-now`, auth);
    await stack.sendNewsletters();
    await stack.mailSent();
    const [toSubscriber] = await issuesTo('nl_subscribed@readers.example');
    const [toUnlocker] = await issuesTo('nl_unlocker@readers.example');
    const [toStranger] = await issuesTo('nl_stranger@readers.example');
    const open = (mail: CaughtMail) => [...mail.text.matchAll(/^(.+)\n.*\nRead it in full: /gm)].map((match) => match[1]!.toLowerCase()).sort();
    const locked = (mail: CaughtMail) => [...mail.text.matchAll(/^(.+)\n.*\nUnlock for 30 points: /gm)].map((match) => match[1]!.toLowerCase()).sort();
    expect(open(toSubscriber!)).toEqual(['issue free story', 'issue story 0', 'issue story 1', 'issue story 2']);
    expect(locked(toSubscriber!)).toEqual([]);
    expect(open(toUnlocker!)).toEqual(['issue free story', 'issue story 0', 'issue story 2']);
    expect(locked(toUnlocker!)).toEqual(['issue story 1']);
    expect(open(toStranger!)).toEqual(['issue free story']);
    expect(locked(toStranger!)).toEqual(['issue story 0', 'issue story 1', 'issue story 2']);
    expect(toStranger!.html).toContain('Unlock for 30 points');
    expect(toStranger!.text).toContain(`${PUBLIC}/articles/${ids['issue story 1']}?ref=newsletter.`);
    // Bulk mail: one-click unsubscribe headers, both the mailto-free https form and the RFC 8058 POST marker.
    expect(await rawHeader(toStranger!, 'List-Unsubscribe')).toMatch(new RegExp(`^<${PUBLIC}/v1/newsletters/nl-issue\\.daily/unsubscribe\\?token=[\\w.-]+>$`));
    expect(await rawHeader(toStranger!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    // Sending the mail spent no one's free article.
    const offer = await json(await stack.request(`/v1/articles/${ids['issue story 1']}`, { headers: stranger.auth }));
    expect(offer.offer.freeRemaining).toBe(1);
    clock = new Date('2026-11-30T05:00:00Z');
  });

  it('reaches each reader once however often its fan-out is retried, and nobody who turned newsletters off or whose address bounced', async () => {
    const { auth, newsletter } = await publisherWithNewsletter('nl-once');
    await push(auth, freshItems('once', 2));
    const readers = [];
    for (let i = 0; i < 6; i++) readers.push({ handle: `nl_once_${i}`, ...(await subscriber(`nl_once_${i}`, newsletter.newsletterId)) });
    await send('PUT', '/v1/me/mail-preferences', readers[4]!.auth, { newsletters: false });
    await recordMailEvents(stack.deps.db, [
      { messageId: 'bounce', body: JSON.stringify({ eventType: 'Bounce', bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: 'nl_once_5@readers.example' }] }, mail: { tags: {} } }), at: clock.toISOString() },
    ]);

    clock = new Date('2026-11-30T06:02:00Z');
    await send('POST', `/v1/publisher/newsletters/${newsletter.newsletterId}/send-now`, auth);
    await stack.sendNewsletters();
    await stack.mailSent();
    const [issue] = (await json(await stack.request(`/v1/publisher/newsletters/${newsletter.newsletterId}/issues`, { headers: auth }))).items;
    expect(issue).toMatchObject({ sent: 4, delivered: 4, bounced: 0 });

    // A job that died after queuing but before recording its progress runs again, for every shard: nobody gets a second mail.
    for (let shard = 0; shard < NEWSLETTER_SUBSCRIBER_SHARDS; shard++) await stack.deps.db.doc.send(new DeleteCommand({ TableName: stack.deps.db.tableName, Key: issueShardKey(issue.issueId, shard) }));
    const queued: string[] = [];
    for (const reader of readers) {
      const again = await runIssueJob(stack.deps.db, { issueId: issue.issueId, shard: shardOf(reader.userId, NEWSLETTER_SUBSCRIBER_SHARDS) }, { secret: stack.deps.config.jwtSecret, publicUrl: PUBLIC, now: () => clock, queueMails: async (mails) => void queued.push(...mails.map((mail) => mail.to)) });
      expect(again.done).toBe(true);
    }
    expect(queued).toEqual([]);
    for (const [i, reader] of readers.entries()) expect(await issuesTo(`${reader.handle}@readers.example`), reader.handle).toHaveLength(i < 4 ? 1 : 0);
    clock = new Date('2026-11-30T05:00:00Z');
  });

  it('carries only the sections it covers, newest first', async () => {
    const { auth, newsletter } = await publisherWithNewsletter('nl-world', { key: 'world', name: 'The Daily Briefing: World', sections: ['world'] });
    await push(auth, freshItems('sections', 4));
    await subscriber('nl_world', newsletter.newsletterId);
    clock = new Date('2026-11-30T06:05:00Z');
    await send('POST', `/v1/publisher/newsletters/${newsletter.newsletterId}/send-now`, auth);
    await stack.sendNewsletters();
    await stack.mailSent();
    const [issue] = await issuesTo('nl_world@readers.example');
    // Stories 0 and 2 are World (the free story has no section); newest first.
    expect([...issue!.text.matchAll(/^(SECTIONS [A-Z0-9 ]+)$/gm)].map((match) => match[1])).toEqual(['SECTIONS STORY 0', 'SECTIONS STORY 2']);
    clock = new Date('2026-11-30T05:00:00Z');
  });

  it('is not sent when nothing new was published since the last one, and then waits for its next send time', async () => {
    const { auth, newsletter } = await publisherWithNewsletter('nl-quiet');
    await subscriber('nl_quiet', newsletter.newsletterId);
    clock = new Date('2026-11-30T06:03:00Z');
    await stack.sendNewsletters();
    await stack.mailSent();
    expect(await issuesTo('nl_quiet@readers.example')).toHaveLength(0);
    expect((await json(await stack.request(`/v1/publisher/newsletters/${newsletter.newsletterId}/issues`, { headers: auth }))).items).toEqual([]);
    expect((await json(await stack.request('/v1/publisher/newsletters', { headers: auth }))).items[0].nextSendAt).toBe('2026-12-01T06:00:00.000Z');
    clock = new Date('2026-11-30T05:00:00Z');
  });

  it('loses nobody\'s mail when a queue send fails: the issue and its mails go out when tried again, each mail once', async () => {
    const { auth, newsletter } = await publisherWithNewsletter('nl-retry');
    await push(auth, freshItems('retry', 2));
    const readers = Array.from({ length: 5 }, (_, i) => `nl_retry_${i}@readers.example`);
    for (const address of readers) await subscriber(address.split('@')[0]!, newsletter.newsletterId);
    const issues = async () => (await json(await stack.request(`/v1/publisher/newsletters/${newsletter.newsletterId}/issues`, { headers: auth }))).items as Array<Record<string, any>>;
    const nextSend = async () => (await json(await stack.request('/v1/publisher/newsletters', { headers: auth }))).items[0].nextSendAt as string;

    clock = new Date('2026-11-30T06:06:00Z');
    const due = ((await json(await send('POST', `/v1/publisher/newsletters/${newsletter.newsletterId}/send-now`, auth))) as { nextSendAt: string }).nextSendAt;
    // The job queue refuses the first send: the dispatch fails, and the newsletter's turn is still to come.
    const jobs: IssueJob[] = [];
    let jobSends = 0;
    const jobQueue: IssueJobSink = {
      async enqueue(more) {
        if (jobSends++ === 0) throw new Error('SQS unavailable');
        jobs.push(...more);
      },
    };
    const price = stack.deps.config.defaultArticlePrice;
    await expect(dispatchDueNewsletters(stack.deps.db, jobQueue, clock, price)).rejects.toThrow('SQS unavailable');
    expect(await nextSend()).toBe(due);

    // The next minute's dispatch queues the same issue (not a second one) and claims the turn.
    clock = new Date('2026-11-30T06:07:00Z');
    const made = await dispatchDueNewsletters(stack.deps.db, jobQueue, clock, price);
    expect(made.map((issue) => issue.newsletterId)).toEqual([newsletter.newsletterId]);
    expect((await issues()).map((issue) => issue.issueId)).toEqual([made[0]!.issueId]);
    expect(await nextSend()).toBe('2026-12-01T06:00:00.000Z');

    // The mail queue fails its first request outright and refuses one mail of the second; SQS hands a failed job back until it is done.
    const queuedBodies: string[] = [];
    let mailSends = 0;
    const sqs: QueueClient = {
      async send(command) {
        if (++mailSends === 1) throw new Error('connect ETIMEDOUT');
        const entries = command.input.Entries ?? [];
        const refused = mailSends === 2 ? entries.slice(0, 1) : [];
        const taken = entries.filter((entry) => !refused.includes(entry));
        queuedBodies.push(...taken.map((entry) => entry.MessageBody!));
        return { Successful: taken.map((entry) => ({ Id: entry.Id!, MessageId: `m-${queuedBodies.length}`, MD5OfMessageBody: '' })), Failed: refused.map((entry) => ({ Id: entry.Id!, SenderFault: false, Code: 'InternalError', Message: 'try again' })), $metadata: {} };
      },
    };
    const failures: string[] = [];
    for (const job of jobs.filter((candidate) => candidate.issueId === made[0]!.issueId)) {
      for (let attempt = 1; attempt <= 3; attempt++) {
        const result = await runIssueJob(stack.deps.db, job, { secret: stack.deps.config.jwtSecret, publicUrl: PUBLIC, now: () => clock, queueMails: (mails) => queueMails('https://sqs.eu-west-1.amazonaws.com/123456789012/postwire-test-mail', mails, sqs) }).catch((error: Error) => void failures.push(error.message));
        if (result?.done) break;
      }
    }
    expect(failures).toEqual([expect.stringMatching(/^Mails not queued: \d+ \(connect ETIMEDOUT\)$/), 'Mails not queued: 1 (try again)']);
    const queuedTo = queuedBodies.map((body) => (JSON.parse(body) as { to: string }).to).sort();
    expect(queuedTo).toEqual([...readers].sort());

    // What the mail worker does with them: each reader has the issue once, and SES's deliveries are counted on it in one write.
    const smtp = smtpTransport(inject('smtpUrl'));
    const outcome = await sendQueuedMails(stack.deps.db, smtp, 'postwire <no-reply@postwire.localhost>', queuedBodies.map((body, i) => ({ messageId: `q${i}`, body })));
    smtp.close();
    expect(outcome).toMatchObject({ sent: 5, failed: [] });
    for (const address of readers) expect(await issuesTo(address), address).toHaveLength(1);
    const deliveries = queuedBodies.map((body, i) => ({ messageId: `e${i}`, at: clock.toISOString(), body: JSON.stringify({ eventType: 'Delivery', mail: { tags: { issue: [made[0]!.issueId] } }, delivery: { recipients: [(JSON.parse(body) as { to: string }).to] } }) }));
    await recordMailEvents(stack.deps.db, deliveries);
    expect(await issues()).toEqual([expect.objectContaining({ issueId: made[0]!.issueId, sent: 5, delivered: 5 })]);
    clock = new Date('2026-11-30T05:00:00Z');
  });

  it('reaches every reader once when a duplicate of a job runs while the job\'s mail-queue send is failing', async () => {
    const { auth, newsletter } = await publisherWithNewsletter('nl-twin');
    await push(auth, freshItems('twin', 2));
    const readers = Array.from({ length: 6 }, (_, i) => `nl_twin_${i}@readers.example`);
    for (const address of readers) await subscriber(address.split('@')[0]!, newsletter.newsletterId);
    clock = new Date('2026-11-30T06:08:00Z');
    const jobs = await issueJobsOf(newsletter.newsletterId, auth);

    // SQS delivers at least once, and a dispatch run again queues every job again: a duplicate of each job runs
    // while the job's mail-queue send is failing; the job is then tried again, as SQS does, until it is done.
    const queued: string[] = [];
    const mailQueue = async (mails: MailMessage[]) => {
      queued.push(...mails.map((mail) => mail.to));
      await toOutbox(mails);
    };
    for (const job of jobs) {
      let duplicateRan = false;
      const failingOnce = async (mails: MailMessage[]) => {
        if (duplicateRan) return mailQueue(mails);
        duplicateRan = true;
        await runIssueJob(stack.deps.db, job, fanOutOptions(mailQueue));
        throw new Error('SQS unavailable');
      };
      const first = await runIssueJob(stack.deps.db, job, fanOutOptions(failingOnce)).catch(() => undefined);
      for (let attempt = 1; attempt <= 3 && !first?.done; attempt++) {
        const retried = await runIssueJob(stack.deps.db, job, fanOutOptions(mailQueue)).catch(() => undefined);
        if (retried?.done) break;
      }
    }
    expect(queued.sort()).toEqual([...readers].sort());
    await stack.mailSent();
    for (const address of readers) expect(await issuesTo(address), address).toHaveLength(1);
    clock = new Date('2026-11-30T05:00:00Z');
  });

  it('leaves a shard to the job\'s continuation when the job runs out of time, and the continuation goes on where it stopped', async () => {
    const { auth, newsletter } = await publisherWithNewsletter('nl-relay');
    await push(auth, freshItems('relay', 2));
    const readers = Array.from({ length: 4 }, (_, i) => `nl_relay_${i}@readers.example`);
    for (const address of readers) await subscriber(address.split('@')[0]!, newsletter.newsletterId);
    clock = new Date('2026-11-30T06:10:00Z');
    const jobs = await issueJobsOf(newsletter.newsletterId, auth);

    // A page of one reader, and a queue send slower than the time left: each run does one page, then its continuation runs.
    const queued: string[] = [];
    const slowQueue = async (mails: MailMessage[]) => {
      queued.push(...mails.map((mail) => mail.to));
      await new Promise((resolve) => setTimeout(resolve, 30));
    };
    let runs = 0;
    for (const job of jobs) {
      for (let result = { done: false }; !result.done && runs < 20; runs++) {
        result = await runIssueJob(stack.deps.db, job, { ...fanOutOptions(slowQueue), pageSize: 1, deadline: Date.now() + 20 });
      }
    }
    expect(queued.sort()).toEqual([...readers].sort());
    expect(runs).toBeGreaterThan(jobs.length);
    clock = new Date('2026-11-30T05:00:00Z');
  });

  it('gives back the marks of a page whose mail-queue send hangs, so the retry mails those readers', async () => {
    const { auth, newsletter } = await publisherWithNewsletter('nl-hung');
    await push(auth, freshItems('hung', 2));
    const readers = Array.from({ length: 3 }, (_, i) => `nl_hung_${i}@readers.example`);
    for (const address of readers) await subscriber(address.split('@')[0]!, newsletter.newsletterId);
    clock = new Date('2026-11-30T06:11:00Z');
    const jobs = await issueJobsOf(newsletter.newsletterId, auth);

    // An SQS endpoint that takes the connection and never answers, reached through the worker's own client.
    const sockets = new Set<Socket>();
    const hung = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    const sqs = newsletterSqsClient({ endpoint: `http://127.0.0.1:${(hung.address() as AddressInfo).port}`, region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const queued: string[] = [];
    const failures: string[] = [];
    try {
      // The first job with readers meets the hung endpoint; it and every other job are then run as SQS runs them again.
      for (const job of jobs) {
        if (failures.length === 0) {
          await runIssueJob(stack.deps.db, job, fanOutOptions((mails) => queueMails('https://sqs.eu-west-1.amazonaws.com/123456789012/postwire-test-mail', mails, sqs))).catch((error: Error) => void failures.push(error.message));
        }
        const retried = await runIssueJob(stack.deps.db, job, fanOutOptions(async (mails) => void queued.push(...mails.map((mail) => mail.to))));
        expect(retried.done).toBe(true);
      }
    } finally {
      sqs.destroy();
      for (const socket of sockets) socket.destroy();
      hung.close();
    }
    expect(failures).toEqual([expect.stringMatching(/^Mails not queued: \d \(.*timeout/i)]);
    expect(queued.sort()).toEqual([...readers].sort());
    clock = new Date('2026-11-30T05:00:00Z');
  });

  it('gives back every mark of a page the mail queue did not take, even when giving one back fails at first', async () => {
    const { auth, newsletter } = await publisherWithNewsletter('nl-giveback');
    await push(auth, freshItems('giveback', 2));
    const readers = Array.from({ length: 4 }, (_, i) => `nl_giveback_${i}@readers.example`);
    for (const address of readers) await subscriber(address.split('@')[0]!, newsletter.newsletterId);
    clock = new Date('2026-11-30T06:12:00Z');
    const jobs = await issueJobsOf(newsletter.newsletterId, auth);

    // DynamoDB throttles the first mark given back (past the SDK's own retries), which DynamoDB Local never does.
    let throttled = 0;
    stack.deps.db.raw.middlewareStack.add(
      (next, context) => async (args) => {
        const item = (args.input as { Item?: Record<string, unknown> }).Item;
        if (context.commandName === 'PutItemCommand' && item?.released && throttled++ === 0) {
          throw new ProvisionedThroughputExceededException({ $metadata: {}, message: 'The level of configured provisioned throughput for the table was exceeded.' });
        }
        return next(args);
      },
      { step: 'initialize', name: 'throttleFirstGiveBack' },
    );
    const queued: string[] = [];
    const failures: string[] = [];
    try {
      for (const job of jobs) {
        let sends = 0;
        const failingFirst = async (mails: MailMessage[]) => {
          if (sends++ === 0) throw new Error('SQS unavailable');
          queued.push(...mails.map((mail) => mail.to));
        };
        for (let attempt = 1; attempt <= 3; attempt++) {
          const result = await runIssueJob(stack.deps.db, job, fanOutOptions(failingFirst)).catch((error: Error) => void failures.push(error.message));
          if (result?.done) break;
        }
      }
    } finally {
      stack.deps.db.raw.middlewareStack.remove('throttleFirstGiveBack');
    }
    expect(queued.sort()).toEqual([...readers].sort());
    // The failure passed on is the queue's, once per job that had readers; the throttled mark was given back on a second try.
    expect(failures.length).toBeGreaterThan(0);
    expect(new Set(failures)).toEqual(new Set(['SQS unavailable']));
    expect(throttled).toBeGreaterThan(1);
    clock = new Date('2026-11-30T05:00:00Z');
  });

  it('does not repeat an issue\'s articles when the publisher sends now while the issue is being queued', async () => {
    const { auth, newsletter } = await publisherWithNewsletter('nl-sendnow');
    await push(auth, freshItems('sendnow', 2));
    await subscriber('nl_sendnow', newsletter.newsletterId);
    const issues = async () => (await json(await stack.request(`/v1/publisher/newsletters/${newsletter.newsletterId}/issues`, { headers: auth }))).items as Array<Record<string, any>>;
    clock = new Date('2026-11-30T06:13:00Z');
    await send('POST', `/v1/publisher/newsletters/${newsletter.newsletterId}/send-now`, auth);

    // The publisher presses send-now again (a schedule change does the same) after the jobs are queued, before the turn is claimed.
    const jobs: IssueJob[] = [];
    const sink: IssueJobSink = {
      async enqueue(more) {
        jobs.push(...more);
        clock = new Date('2026-11-30T06:13:05Z');
        await send('POST', `/v1/publisher/newsletters/${newsletter.newsletterId}/send-now`, auth);
      },
    };
    const made = await dispatchDueNewsletters(stack.deps.db, sink, new Date('2026-11-30T06:13:00Z'), stack.deps.config.defaultArticlePrice);
    expect(made.map((issue) => issue.newsletterId)).toContain(newsletter.newsletterId);
    for (const job of jobs) await runIssueJob(stack.deps.db, job, fanOutOptions(toOutbox));

    // The send-now's turn finds nothing new since the issue just sent, so it sends nothing.
    clock = new Date('2026-11-30T06:14:00Z');
    await stack.sendNewsletters();
    await stack.mailSent();
    expect(await issues()).toHaveLength(1);
    expect(await issuesTo('nl_sendnow@readers.example')).toHaveLength(1);
    expect((await json(await stack.request('/v1/publisher/newsletters', { headers: auth }))).items[0].nextSendAt).toBe('2026-12-01T06:00:00.000Z');
    clock = new Date('2026-11-30T05:00:00Z');
  });
});

describe('unsubscribing and the stats', () => {
  it('takes one click from the mail’s List-Unsubscribe, stops the next issue, and shows in the publisher’s figures with the unlocks the issue brought', async () => {
    const { auth, newsletter } = await publisherWithNewsletter('nl-leave');
    await push(auth, freshItems('leave', 2));
    const leaver = await subscriber('nl_leaver', newsletter.newsletterId);
    const buyer = await subscriber('nl_buyer', newsletter.newsletterId);
    await send('POST', '/v1/me/wallet/dev-top-up', buyer.auth, { points: 100 });

    clock = new Date('2026-11-30T06:04:00Z');
    await send('POST', `/v1/publisher/newsletters/${newsletter.newsletterId}/send-now`, auth);
    await stack.sendNewsletters();
    await stack.mailSent();

    // The buyer follows the issue's unlock link: the article page carries the ref to the unlock.
    const [toBuyer] = await issuesTo('nl_buyer@readers.example');
    const [first, second] = [...toBuyer!.text.matchAll(/Unlock for 30 points: (\S+)/g)].map((match) => new URL(match[1]!));
    const unlock = (link: URL, ref: string | null) => send('POST', `/v1/articles/${link.pathname.split('/').at(-1)}/unlock${ref ? `?ref=${ref}` : ''}`, buyer.auth);
    expect((await json(await unlock(first!, first!.searchParams.get('ref')))).access.via).toBe('meter'); // the month's free article: nothing earned
    expect((await unlock(second!, 'not-a-ref')).status).toBe(400);
    expect((await json(await unlock(second!, second!.searchParams.get('ref')))).access.via).toBe('points');

    // The mail client's one-click unsubscribe: a POST of the RFC 8058 body to the header's address, no sign-in.
    const [toLeaver] = await issuesTo('nl_leaver@readers.example');
    const oneClick = new URL((await rawHeader(toLeaver!, 'List-Unsubscribe'))!.slice(1, -1));
    const unsubscribed = await stack.request(`${oneClick.pathname}${oneClick.search}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(unsubscribed.status).toBe(200);
    expect(await json(unsubscribed)).toEqual({ unsubscribed: true });
    expect(await json(await stack.request(`${oneClick.pathname}${oneClick.search}`, { method: 'POST' }))).toEqual({ unsubscribed: false });
    expect((await json(await stack.request('/v1/me/newsletters', { headers: leaver.auth }))).items).toEqual([]);
    // A token for one newsletter does not unsubscribe from another.
    expect((await stack.request(`/v1/newsletters/nl-optin.daily/unsubscribe${oneClick.search}`, { method: 'POST' })).status).toBe(400);

    clock = new Date('2026-11-30T08:00:00Z');
    await push(auth, [{ guid: 'leave-next', title: 'leave next story', link: 'https://desk.example/leave/next', pubDate: new Date('2026-11-30T07:30:00Z').toUTCString(), description: 'Next.', content: '<p>Next.</p>' }]);
    clock = new Date('2026-12-01T06:00:10Z');
    await stack.sendNewsletters();
    await stack.mailSent();
    expect(await issuesTo('nl_leaver@readers.example')).toHaveLength(1);
    expect(await issuesTo('nl_buyer@readers.example')).toHaveLength(2);

    await stack.rollUpStats();
    const stats = await json(await stack.request('/v1/publisher/stats?from=2026-11-30T00:00:00Z&to=2026-12-01T23:59:59Z', { headers: auth }));
    expect(stats.newsletters).toEqual({ issues: 2, sent: 3, delivered: 3, bounced: 0, unsubscribed: 1, unlocks: 1 });
    expect(stats.unlocks).toBe(1);
    clock = new Date('2026-11-30T05:00:00Z');
  });
});
