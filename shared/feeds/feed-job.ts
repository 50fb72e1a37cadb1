/**
 * A feed job as it travels on the queue: which feed to poll. Read back with a
 * schema, so a message that is not one is refused with a reason, not read as
 * `undefined` fields deep inside the poll.
 */
import * as z from 'zod/mini';
import { SLUG_PATTERN } from '../publishers/publisher.js';
import type { FeedRef } from './feed-store.js';

const FeedJobSchema = z.object({
  publisherSlug: z.string().check(z.regex(SLUG_PATTERN, 'must be a publisher slug')),
  feedId: z.string().check(z.regex(/^[0-9a-f]{16}$/, 'must be a feed id (16 hex digits)')),
});

export const feedJobBody = (job: FeedRef): string => JSON.stringify({ publisherSlug: job.publisherSlug, feedId: job.feedId });

/** The job in a queue message body; throws an Error saying what is wrong with it. */
export function parseFeedJob(body: string): FeedRef {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new Error(`The feed job is not JSON: ${(error as Error).message}`, { cause: error });
  }
  const parsed = FeedJobSchema.safeParse(value);
  if (!parsed.success) {
    throw new Error(`The feed job is not valid: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'} ${issue.message}`).join('; ')}`);
  }
  return parsed.data;
}
