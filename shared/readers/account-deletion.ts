/**
 * Deleting a reader's account. What happens to each part is the policy in
 * docs/ACCOUNTS.md:
 * - posts stay in their threads as tombstones by "deleted account", without text;
 * - follows both ways, likes, blocks, newsletter subscriptions, the library,
 *   subscriptions, meters and the timeline are removed;
 * - the wallet ledger is kept, pseudonymous (it names an opaque id, no
 *   address or handle), for LEDGER_RETENTION_YEARS after the year of each
 *   entry, then DynamoDB's TTL removes it;
 * - points left in the wallet are forfeited with a last ledger entry, which
 *   for purchased points the reader must agree to (`forfeitPoints`);
 * - a paid subscription that would renew must be cancelled first.
 *
 * Every step can run again: a deletion that dies half-way is finished by
 * asking again (the reader can still sign in until the last step, which
 * removes the login, the handle and the profile in one transaction).
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { conditionHeld } from '../db/conditional-write.js';
import { batchDeleteAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import {
  authorPostsPk,
  blocksPk,
  emailKey,
  followersPk,
  followingPk,
  handleKey,
  INDEX,
  mergedFollowsPk,
  postIdOfPk,
  postKey,
  privateFeedKey,
  readerAccount,
  readerKey,
  readerLikesPk,
  readerPartition,
  timelinePk,
  userIdOfBlockSk,
  walletKey,
  type AccountKey,
  type ItemKey,
} from '../db/keys.js';
import { collectAll } from '../db/query-all.js';
import { TTL_ATTRIBUTE } from '../db/table-schema.js';
import { transactWrite } from '../db/transactions.js';
import { Conflict, Contention, NotFound } from '../errors.js';
import { unsubscribeNewsletter } from '../newsletters/newsletter-store.js';
import { unblock } from '../social/blocks.js';
import { unfollow } from '../social/follow-store.js';
import { setLike } from '../social/likes.js';
import type { Subscription } from '../subscriptions/subscription.js';
import { getWallet, walletChangeItems } from '../wallet/wallet-store.js';

/** Booking records are kept ten years after the end of their calendar year (e.g. §147 AO, §257 HGB in Germany). */
export const LEDGER_RETENTION_YEARS = 10;
/** How a deleted account's posts name their author. */
export const DELETED_AUTHOR = 'deleted account';

const RENEWING = new Set(['active', 'trialing', 'past_due']);

/** What stops a deletion until the reader acts: purchased points they have not agreed to forfeit, paid subscriptions that renew. */
export interface DeletionBlockers {
  purchasedPoints: number;
  renewingSubscriptions: string[];
}

/** The epoch second a ledger entry may be removed: the end of its year plus the retention period. */
export function ledgerRetainedUntil(at: string): number {
  const year = new Date(at).getUTCFullYear();
  return Date.UTC(year + 1 + LEDGER_RETENTION_YEARS, 0, 1) / 1000;
}

export async function deleteAccount(db: Db, input: { userId: string; email: string; handle: string; forfeitPoints: boolean; now: Date }): Promise<{ forfeited: number }> {
  const { userId, now } = input;
  const at = now.toISOString();
  const account = readerAccount(userId);
  const own = await collectAll(db, { partition: readerPartition(userId) });
  if (!own.some((item) => item.SK === 'PROFILE' && item.type === 'reader')) throw new NotFound('The account');

  const wallet = await getWallet(db, userId);
  const purchased = Math.max(0, wallet.balance - wallet.promotional);
  const renewing = own
    .filter((item) => item.type === 'subscription')
    .map((item) => item as unknown as Subscription)
    .filter((subscription) => subscription.kind === 'paid' && RENEWING.has(subscription.status) && !subscription.cancelAtPeriodEnd);
  if ((purchased > 0 && !input.forfeitPoints) || renewing.length > 0) {
    const blockers: DeletionBlockers = { purchasedPoints: input.forfeitPoints ? 0 : purchased, renewingSubscriptions: renewing.map((subscription) => subscription.publisherSlug) };
    throw new Conflict(
      [
        blockers.purchasedPoints > 0 ? `${purchased} purchased points are still in your wallet: spend them, ask for a refund of a recent purchase, or confirm that you give them up (forfeitPoints).` : '',
        renewing.length > 0 ? `Cancel your subscription${renewing.length > 1 ? 's' : ''} to ${blockers.renewingSubscriptions.join(', ')} first.` : '',
      ]
        .filter(Boolean)
        .join(' '),
      blockers,
    );
  }

  // The social graph, with every count kept exact by the same code a reader's own unfollow runs.
  const [following, followers, likes, blocks, posts] = await Promise.all([
    collectAll(db, { partition: followingPk(account) }),
    collectAll(db, { partition: followersPk(account), index: INDEX.byPublisher }),
    collectAll(db, { partition: readerLikesPk(userId), index: INDEX.byPublisher }),
    collectAll(db, { partition: blocksPk(userId) }),
    collectAll(db, { partition: authorPostsPk(account), index: INDEX.byPublisher }),
  ]);
  for (const item of following) await unfollow(db, account, item.SK as AccountKey);
  const followingPrefix = followingPk('' as AccountKey);
  for (const item of followers) await unfollow(db, (item.PK as string).slice(followingPrefix.length) as AccountKey, account);
  for (const item of likes) await setLike(db, { postId: postIdOfPk(item.PK as string), author: account }, userId, false, now).catch(ignoreGonePost);
  for (const item of blocks) {
    const other = userIdOfBlockSk(item.SK as string);
    await ((item.SK as string).startsWith('by-me#') ? unblock(db, userId, other) : unblock(db, other, userId));
  }
  for (const item of posts) await tombstone(db, postIdOfPk(item.PK as string), account);
  // Newsletters: through the same unsubscribe a reader's click runs, so subscriber lists and counts stay exact.
  for (const item of own.filter((candidate) => candidate.type === 'newsletter_subscription')) await unsubscribeNewsletter(db, { userId, newsletterId: item.newsletterId as string });

  // Points left: forfeited with a last entry, so the ledger still sums to the balance it ends with.
  let forfeited = 0;
  if (wallet.balance > 0) {
    const change = walletChangeItems(db, { userId, seen: wallet, amount: -wallet.balance, promoAmount: -wallet.promotional, kind: 'account_closed', at, note: 'Account deleted: remaining points forfeited' });
    const result = await transactWrite(db, change.items);
    if (!result.committed) throw new Contention('The wallet changed while the account was being deleted; nothing is lost: ask again to finish.');
    forfeited = wallet.balance;
  }

  // The ledger stays, pseudonymous, until its retention ends; everything else of the reader's own goes.
  const ledger = await collectAll(db, { partition: readerPartition(userId), prefix: 'LEDGER#' });
  for (const entry of ledger) {
    if (entry[TTL_ATTRIBUTE] !== undefined) continue;
    await db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: { PK: entry.PK, SK: entry.SK },
        UpdateExpression: 'SET #ttl = :until',
        ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':until': ledgerRetainedUntil(entry.at as string) },
      }),
    );
  }
  const keyOf = (item: Record<string, unknown>): ItemKey => ({ PK: item.PK as string, SK: item.SK as string });
  const [timeline, merged] = await Promise.all([collectAll(db, { partition: timelinePk(userId) }), collectAll(db, { partition: mergedFollowsPk(userId) })]);
  const disposable = own.filter((item) => item.type !== 'ledger' && item.SK !== 'PROFILE' && item.SK !== 'WALLET');
  const profile = own.find((item) => item.SK === 'PROFILE');
  // The private feed's address stops answering with the account.
  const feedToken = profile?.privateFeedDigest ? [privateFeedKey(profile.privateFeedDigest as string)] : [];
  await batchDeleteAll(db, [...disposable.map(keyOf), ...timeline.map(keyOf), ...merged.map(keyOf), ...feedToken]);

  // Last, in one transaction: the login and the handle go, and the profile becomes a tombstone that refuses every token.
  const result = await transactWrite(db, [
    { Delete: { TableName: db.tableName, Key: emailKey(input.email), ConditionExpression: 'attribute_not_exists(PK) OR userId = :user', ExpressionAttributeValues: { ':user': userId } } },
    { Delete: { TableName: db.tableName, Key: handleKey(input.handle), ConditionExpression: 'attribute_not_exists(PK) OR userId = :user', ExpressionAttributeValues: { ':user': userId } } },
    { Delete: { TableName: db.tableName, Key: walletKey(userId) } },
    {
      Put: {
        TableName: db.tableName,
        Item: { ...readerKey(userId), type: 'deleted_reader', userId, deletedAt: at, sessionsValidAfter: Number.MAX_SAFE_INTEGER },
        ConditionExpression: '#type = :reader',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':reader': 'reader' },
      },
    },
  ]);
  if (!result.committed) throw new Contention('The account could not be deleted at this moment; ask again to finish.');
  db.sessions.set(userId, Number.MAX_SAFE_INTEGER);
  return { forfeited };
}

/** The post keeps its place in threads, by "deleted account", without its words, and leaves its author's list. */
async function tombstone(db: Db, postId: string, author: AccountKey): Promise<void> {
  await conditionHeld(
    db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: postKey(postId),
        UpdateExpression: 'SET deleted = :true, #text = :empty, links = :none, authorHandle = :gone REMOVE articleId, GSI1PK, GSI1SK',
        ConditionExpression: 'attribute_exists(PK) AND author = :author',
        ExpressionAttributeNames: { '#text': 'text' },
        ExpressionAttributeValues: { ':true': true, ':empty': '', ':none': [], ':gone': DELETED_AUTHOR, ':author': author },
      }),
    ),
  );
}

/** A like on a post that is gone needs no taking back. */
function ignoreGonePost(error: unknown): void {
  if (!(error instanceof NotFound)) throw error;
}

