/**
 * The one block rule every social entry point obeys: two readers of whom one
 * has blocked the other do not interact — no follows, replies, reposts, quotes,
 * likes or tips. Publishers neither block nor are blocked.
 */
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { blockedByMeKey, blockingMeKey, type AccountKey } from '../db/keys.js';
import { Forbidden } from '../errors.js';

export const readerIdOf = (account: AccountKey): string | undefined => (account.startsWith('r:') ? account.slice(2) : undefined);

/** Throws Forbidden when the reader and the other account have blocked each other, either way round; one read. */
export async function assertNotBlocked(db: Db, userId: string, other: AccountKey): Promise<void> {
  const otherId = readerIdOf(other);
  if (!otherId || otherId === userId) return;
  const found = await batchGetAll(db, [blockedByMeKey(userId, otherId), blockingMeKey(userId, otherId)], ['PK']);
  if (found.length > 0) throw new Forbidden('One of you has blocked the other.');
}
