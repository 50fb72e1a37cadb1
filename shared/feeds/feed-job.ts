/**
 * A feed job as it travels on the queue: which feed to poll. Read back with a
 * check of both fields, so a message that is not one is refused with a reason,
 * not read as `undefined` fields deep inside the poll. (Two patterns: no schema
 * library on the dispatcher's and worker's cold path for that.)
 */
import { SLUG_PATTERN } from '../publishers/publisher.js';
import type { FeedRef } from './feed-store.js';

const FEED_ID_PATTERN = /^[0-9a-f]{16}$/;

export const feedJobBody = (job: FeedRef): string => JSON.stringify({ publisherSlug: job.publisherSlug, feedId: job.feedId });

/** The job in a queue message body; throws an Error saying what is wrong with it. */
export function parseFeedJob(body: string): FeedRef {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new Error(`The feed job is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const job = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const problems = [
    ...(typeof job.publisherSlug === 'string' && SLUG_PATTERN.test(job.publisherSlug) ? [] : ['publisherSlug must be a publisher slug']),
    ...(typeof job.feedId === 'string' && FEED_ID_PATTERN.test(job.feedId) ? [] : ['feedId must be a feed id (16 hex digits)']),
  ];
  if (problems.length > 0) throw new Error(`The feed job is not valid: ${problems.join('; ')}`);
  return { publisherSlug: job.publisherSlug as string, feedId: job.feedId as string };
}
