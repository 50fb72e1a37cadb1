/**
 * Newsletters in AWS, two triggers, one function:
 * - every minute (EventBridge Scheduler): make the issues that are due and
 *   queue one fan-out job per subscriber shard;
 * - the job queue: run a job until its shard is done or the function's time
 *   is nearly up, then queue its continuation. Mails go to the mail queue.
 * A job that fails is retried by SQS and resumes where it stopped; the sent
 * marks keep every reader to one mail per issue, and a page whose mails the
 * mail queue refused gives its marks back first. A duplicate of a job whose
 * shard another job is working does nothing and succeeds. A dispatch that cannot queue
 * an issue's jobs fails before it claims the newsletter's turn, so the next
 * one (a minute later at most) queues the same issue.
 */
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { loadConfig } from '../shared/config.js';
import { NEWSLETTER_JOB_MARGIN_MS } from '../shared/job-margins.js';
import { queueMails } from '../shared/mail/mail-queue.js';
import { runIssueJob } from '../shared/newsletters/newsletter-fanout.js';
import { dispatchDueNewsletters, type IssueJob } from '../shared/newsletters/newsletter-issues.js';
import { newsletterSqsClient } from '../shared/newsletters/newsletter-sqs-client.js';
import { createFeedDeps } from '../shared/runtime.js';
import { resolveSecretEnv } from '../shared/secrets.js';
import { createLambdaLogger } from './lambda-logger.js';
import { createLambdaMetrics } from './lambda-metrics.js';

const logger = createLambdaLogger('postwire-newsletter-worker');
const { metrics, flushed } = createLambdaMetrics('postwire-newsletter-worker');
const env = await resolveSecretEnv();
const config = loadConfig(env);
const { db } = createFeedDeps(config);
const sqs = newsletterSqsClient();

async function queueJobs(jobs: IssueJob[]): Promise<void> {
  for (let start = 0; start < jobs.length; start += 10) {
    const entries = jobs.slice(start, start + 10).map((job, i) => ({ Id: String(i), MessageBody: JSON.stringify(job) }));
    const result = await sqs.send(new SendMessageBatchCommand({ QueueUrl: config.newsletterQueueUrl, Entries: entries }));
    if (result.Failed?.length) throw new Error(`${result.Failed.length} newsletter jobs could not be queued.`);
  }
}

export const handler = flushed(async (event: SQSEvent | Record<string, unknown>, context: Context): Promise<SQSBatchResponse | { issues: number }> => {
  if (!config.newsletterQueueUrl || !config.mailQueueUrl || !env.JWT_SECRET) throw new Error('NEWSLETTER_QUEUE_URL, MAIL_QUEUE_URL and JWT_SECRET_ARN must be set.');
  if (!('Records' in event)) {
    const issues = await dispatchDueNewsletters(db, { enqueue: queueJobs }, new Date(), config.defaultArticlePrice);
    for (const issue of issues) logger.info('Newsletter issue made', { newsletterId: issue.newsletterId, issueId: issue.issueId, articles: issue.articles.length });
    metrics.count('NewsletterIssues', issues.length);
    return { issues: issues.length };
  }
  const failures: string[] = [];
  for (const record of (event as SQSEvent).Records) {
    try {
      const job = JSON.parse(record.body) as IssueJob;
      const result = await runIssueJob(db, job, {
        secret: env.JWT_SECRET,
        publicUrl: config.feeds.publicUrl,
        now: () => new Date(),
        deadline: Date.now() + context.getRemainingTimeInMillis() - NEWSLETTER_JOB_MARGIN_MS,
        queueMails: (mails) => queueMails(config.mailQueueUrl!, mails, sqs),
      });
      metrics.count('NewsletterMailsQueued', result.queued);
      if (!result.done) await queueJobs([job]);
    } catch (error) {
      logger.error('Newsletter job failed; SQS tries it again', { messageId: record.messageId, error: (error as Error).message });
      failures.push(record.messageId);
    }
  }
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
});
