/**
 * Newsletters on one machine, as the scheduled dispatcher and the fan-out
 * queue are in AWS: each tick makes the issues that are due and runs their
 * fan-out jobs in-process, handing mails to the local mail queue. `tick()`
 * resolves when every job of that round is done.
 */
import type { Logger } from '../api/app-env.js';
import type { Db } from '../db/client.js';
import type { MailOutbox } from '../mail/mail-message.js';
import { dispatchDueNewsletters, type IssueJob } from './newsletter-issues.js';
import { runIssueJob } from './newsletter-fanout.js';

export interface LocalNewsletters {
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export interface LocalNewsletterOptions {
  intervalMs: number;
  secret: string;
  publicUrl: string;
  defaultPrice: number;
  mail: MailOutbox;
  now: () => Date;
  logger: Logger;
}

export function startLocalNewsletters(db: Db, options: LocalNewsletterOptions): LocalNewsletters {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;

  const round = async () => {
    const jobs: IssueJob[] = [];
    const issues = await dispatchDueNewsletters(db, { enqueue: async (more) => void jobs.push(...more) }, options.now(), options.defaultPrice);
    for (const issue of issues) options.logger.info('Newsletter issue made', { newsletterId: issue.newsletterId, issueId: issue.issueId, articles: issue.articles.length });
    for (const job of jobs) {
      const result = await runIssueJob(db, job, {
        secret: options.secret,
        publicUrl: options.publicUrl,
        now: options.now,
        queueMails: async (mails) => {
          for (const mail of mails) await options.mail.enqueue(mail);
        },
      });
      if (result.queued > 0) options.logger.info('Newsletter mails queued', { ...job, queued: result.queued, skipped: result.skipped });
    }
  };
  // One round at a time: a tick while one runs waits for it and then runs its own.
  const tick = () => (running = running.then(round).catch((error: Error) => options.logger.error('Newsletter round failed', { error: error.message })));
  const timer = options.intervalMs > 0 ? setInterval(() => void (stopped || tick()), options.intervalMs) : undefined;
  return {
    tick,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
