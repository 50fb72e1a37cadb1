/**
 * The poller for a single machine: on every tick it dispatches due feeds, as
 * the scheduled Lambda does, into an in-process pool that runs pollFeed, as the
 * queue worker does, a few feeds at a time. `stop()` waits for running fetches.
 */
import type { Logger } from '../api/app-env.js';
import { turnFreeArticles } from '../access/turn-free.js';
import { dispatchDueFeeds, type FeedJobSink } from './feed-dispatcher.js';
import type { FeedRef } from './feed-store.js';
import { pollFeed, type FeedRuntime } from './poll-feed.js';

export interface LocalPoller {
  stop(): Promise<void>;
  /** Runs one dispatch round now and resolves when its feeds are done. */
  tick(): Promise<void>;
}

export function startLocalPoller(runtime: FeedRuntime, logger: Logger, options: { intervalMs: number; concurrency: number }): LocalPoller {
  const queue: FeedRef[] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;

  const pump = () => {
    while (!stopped && running.size < options.concurrency && queue.length > 0) {
      const job = queue.shift()!;
      const task = pollFeed(runtime, job.publisherSlug, job.feedId)
        .then((result) => {
          if (result.outcome === 'failed') logger.warn('Feed fetch failed', { ...job, error: result.error, status: result.feed.lastStatus });
          else if (result.outcome === 'fetched') logger.info('Feed fetched', { ...job, created: result.summary.created, updated: result.summary.updated });
        })
        .catch((error: Error) => logger.error('Feed poll crashed', { ...job, error: error.message }))
        .finally(() => {
          running.delete(task);
          pump();
        });
      running.add(task);
    }
  };

  const sink: FeedJobSink = {
    async enqueue(jobs) {
      queue.push(...jobs);
      pump();
    },
  };

  const tick = async () => {
    try {
      await dispatchDueFeeds(runtime.db, sink, runtime.now());
      // Articles whose feed set a time to turn free, turned free: on the dispatcher's beat, as in AWS.
      const turned = await turnFreeArticles(runtime.db, runtime.now());
      if (turned > 0) logger.info('Articles turned free', { turned });
    } catch (error) {
      logger.error('Feed dispatch failed', { error: (error as Error).message });
    }
    while (running.size > 0 || queue.length > 0) await Promise.race(running);
  };

  let current: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    current = current.then(tick);
  }, options.intervalMs);
  current = current.then(tick);

  return {
    tick: () => (current = current.then(tick)),
    async stop() {
      stopped = true;
      clearInterval(timer);
      queue.length = 0;
      await Promise.allSettled([...running]);
    },
  };
}
