/**
 * Tips: purchased points (never promotional ones) from a reader's wallet to a
 * post's author, under the same ledger rules as unlocks — one transaction, balances moved only from the values read
 * (never negative, `balanceAfter` exact), an entry on each side. A publisher's
 * tips land in its earnings ledger.
 */
import { randomUUID } from 'node:crypto';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { earningKey, walletKey } from '../db/keys.js';
import { transactWrite, type TransactItem } from '../db/transactions.js';
import { Contention, InsufficientPoints, ValidationFailed } from '../errors.js';
import { purchasedOf, walletBalanceOf } from '../wallet/ledger.js';
import { walletChangeItems } from '../wallet/wallet-store.js';
import { assertNotBlocked } from './block-rule.js';
import type { Post } from './post.js';

const MAX_ATTEMPTS = 15;

export async function tipAuthor(db: Db, fromUserId: string, post: Post, points: number, now: () => Date): Promise<{ balance: number }> {
  if (post.author === `r:${fromUserId}`) throw new ValidationFailed('You cannot tip yourself.', [{ field: 'postId', message: 'is yours' }]);
  const toUserId = post.author.startsWith('r:') ? post.author.slice(2) : undefined;
  await assertNotBlocked(db, fromUserId, post.author);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const at = now().toISOString();
    const wallets = await batchGetAll(db, [walletKey(fromUserId), ...(toUserId ? [walletKey(toUserId)] : [])], ['PK', 'balance', 'promoBalance']);
    const walletOf = (userId: string) => walletBalanceOf(wallets.find((item) => item.PK === walletKey(userId).PK));
    const from = walletOf(fromUserId);
    // Only purchased points can be tipped: promotional ones would otherwise be minted into someone else's wallet.
    const purchased = purchasedOf(from);
    if (purchased < points) {
      throw new InsufficientPoints(
        points,
        purchased,
        `A tip of ${points} points must come from purchased points; you have ${purchased}${from.promotional > 0 ? ` (your ${from.promotional} promotional points only unlock articles)` : ''}.`,
        { promotional: from.promotional },
      );
    }
    // A tip to a publisher names it, and its earning entry shares the ledger entry's id, so a refund of the
    // points that paid for it can find the earning to reverse (payment-reversals.ts).
    const entryId = randomUUID();
    const sent = walletChangeItems(db, {
      userId: fromUserId,
      seen: from,
      amount: -points,
      kind: 'tip_sent',
      at,
      entryId,
      postId: post.postId,
      publisherSlug: toUserId ? undefined : post.authorHandle,
      note: `Tip to ${post.authorHandle}`,
    });
    const credit: TransactItem[] = toUserId
      ? walletChangeItems(db, { userId: toUserId, seen: walletOf(toUserId), amount: points, kind: 'tip_received', at, postId: post.postId, note: 'Tip received' }).items
      : [
          {
            Put: {
              TableName: db.tableName,
              Item: { ...earningKey(post.authorHandle, at, entryId), type: 'earning', entryId, kind: 'tip', postId: post.postId, readerId: fromUserId, gross: points, points, at },
            },
          },
        ];
    const result = await transactWrite(db, [...sent.items, ...credit]);
    if (result.committed) return { balance: sent.entry.balanceAfter };
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)));
  }
  throw new Contention('The wallets were too busy to tip; nothing was changed, please retry.');
}
