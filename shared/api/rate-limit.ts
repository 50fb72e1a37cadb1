/**
 * Abuse limits: a counter per subject (a reader, a source address, an email
 * domain), action and fixed hour, one UpdateItem per request, expiring with its
 * window. Over the limit is a 429 with the seconds until the window ends.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MiddlewareHandler } from 'hono';
import { rateCounterKey } from '../db/keys.js';
import { TTL_ATTRIBUTE } from '../db/table-schema.js';
import { RateLimited } from '../errors.js';
import type { AppDeps, AppEnv } from './app-env.js';

const WINDOW_SECONDS = 3600;

export function rateLimited(deps: AppDeps, action: string): MiddlewareHandler<AppEnv> {
  const limit = deps.config.social.hourlyLimits[action];
  return async (c, next) => {
    const reader = c.get('reader');
    if (limit === undefined || !reader) return next();
    await takeHourlySlot(deps, reader.userId, action, limit, `You can do this ${limit} times an hour`);
    await next();
  };
}

/**
 * Counts one more `action` by `subject` in the current hour; over `limit` it is
 * refused with 429 and the seconds until the hour ends.
 */
export async function takeHourlySlot(deps: AppDeps, subject: string, action: string, limit: number, refusal: string): Promise<void> {
  const nowSeconds = Math.floor(deps.now().getTime() / 1000);
  const window = Math.floor(nowSeconds / WINDOW_SECONDS);
  const windowEnd = (window + 1) * WINDOW_SECONDS;
  const { Attributes } = await deps.db.doc.send(
    new UpdateCommand({
      TableName: deps.db.tableName,
      Key: rateCounterKey(subject, action, window),
      UpdateExpression: 'ADD #count :one SET #ttl = :ttl',
      ExpressionAttributeNames: { '#count': 'count', '#ttl': TTL_ATTRIBUTE },
      ExpressionAttributeValues: { ':one': 1, ':ttl': windowEnd + WINDOW_SECONDS },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  if ((Attributes?.count as number) > limit) {
    const retryAfter = Math.max(1, windowEnd - nowSeconds);
    throw new RateLimited(`${refusal}; try again in ${Math.ceil(retryAfter / 60)} minutes.`, retryAfter);
  }
}
