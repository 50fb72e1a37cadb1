/**
 * Undoing an unlock paid with points, within minutes of it: the points go back,
 * the entitlement goes, the publisher's earning is reversed, all in one
 * transaction — and at most a few times a month, so undo cannot become free reading.
 *
 * Refused once something else rests on the payment: a gift link made from the
 * unlock, or free unlocks this month under the publisher's spend cap, which
 * the paid unlocks reached. Both are checked on read and again as conditions
 * of the transaction, so a gift or a cap unlock racing the undo cannot slip by.
 */
import { randomUUID } from 'node:crypto';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { earningKey, entitlementKey, ledgerEntryKey, promoBudgetKey, spendKey, undoCounterKey, walletKey } from '../db/keys.js';
import { boundedIncrement, transactWrite } from '../db/transactions.js';
import { Conflict, Contention, NotFound } from '../errors.js';
import { walletBalanceOf } from '../wallet/ledger.js';
import { walletChangeItems } from '../wallet/wallet-store.js';
import { meterMonth } from './access-policy.js';
import { publisherSlugOfArticleId } from './access-facts.js';
import type { Entitlement } from './entitlement.js';

export const UNDO_WINDOW_MS = 10 * 60_000;
export const UNDOS_PER_MONTH = 5;
const MAX_ATTEMPTS = 10;

export interface UndoResult {
  refunded: number;
  balance: number;
  undosLeftThisMonth: number;
}

export async function undoUnlock(db: Db, userId: string, articleId: string, now: () => Date): Promise<UndoResult> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const at = now();
    const month = meterMonth(at);
    // The unlock was at most UNDO_WINDOW_MS ago: its month's spend is this month's or the last one's.
    const slug = publisherSlugOfArticleId(articleId);
    const spendMonths = [...new Set([month, meterMonth(new Date(at.getTime() - UNDO_WINDOW_MS))])];
    const items = await batchGetAll(db, [
      entitlementKey(userId, articleId),
      walletKey(userId),
      undoCounterKey(userId, month),
      ...spendMonths.map((spendMonth) => spendKey(userId, slug, spendMonth)),
    ]);
    const entitlement = items.find((item) => item.type === 'entitlement') as Entitlement | undefined;
    const wallet = walletBalanceOf(items.find((item) => item.type === 'wallet'));
    const undosUsed = (items.find((item) => item.type === 'undo_counter')?.used as number | undefined) ?? 0;
    if (!entitlement) throw new NotFound('An unlock of this article');
    if (entitlement.via !== 'points') throw new Conflict('Only unlocks paid with points can be undone.');
    if (at.getTime() - Date.parse(entitlement.grantedAt) > UNDO_WINDOW_MS) {
      throw new Conflict(`An unlock can be undone within ${UNDO_WINDOW_MS / 60_000} minutes; this one is older.`);
    }
    if (undosUsed >= UNDOS_PER_MONTH) throw new Conflict(`You have used all ${UNDOS_PER_MONTH} undos of this month.`);
    if (entitlement.giftedAt) throw new Conflict('A gift link was made from this unlock, so it can no longer be undone.');
    const unlockMonth = meterMonth(new Date(entitlement.grantedAt));
    const spendKeyOfUnlock = spendKey(userId, entitlement.publisherSlug, unlockMonth);
    const spend = items.find((item) => item.PK === spendKeyOfUnlock.PK && item.SK === spendKeyOfUnlock.SK);
    if (((spend?.capUnlocks as number | undefined) ?? 0) > 0) {
      throw new Conflict(`This month you have read articles free under ${entitlement.publisherSlug}'s spend cap, which your paid unlocks reached; they can no longer be undone.`);
    }

    const stamp = at.toISOString();
    const refund = walletChangeItems(db, {
      userId,
      seen: wallet,
      amount: entitlement.charged,
      // Promotional points spent come back as promotional points.
      promoAmount: entitlement.promoCharged ?? 0,
      kind: 'refund',
      at: stamp,
      articleId,
      publisherSlug: entitlement.publisherSlug,
      note: 'Unlock undone',
    });
    const reversalId = randomUUID();
    const result = await transactWrite(db, [
      ...refund.items,
      {
        Delete: {
          TableName: db.tableName,
          Key: entitlementKey(userId, articleId),
          // Exactly the entitlement we judged: not one re-created meanwhile.
          ConditionExpression: 'grantedAt = :grantedAt AND via = :points AND attribute_not_exists(giftedAt)',
          ExpressionAttributeValues: { ':grantedAt': entitlement.grantedAt, ':points': 'points' },
        },
      },
      boundedIncrement(db, undoCounterKey(userId, month), 'undo_counter', UNDOS_PER_MONTH),
      // Index 4. The unlock's ledger entry is marked undone, so a refund or dispute of the purchase that paid for it
      // never reverses its earning a second time; and if such a reversal already counted it, it cannot be undone.
      ...(entitlement.ledgerEntryId
        ? [
            {
              Update: {
                TableName: db.tableName,
                Key: ledgerEntryKey(userId, entitlement.grantedAt, entitlement.ledgerEntryId),
                UpdateExpression: 'SET undoneAt = :at',
                ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(reversedPoints) OR reversedPoints = :none)',
                ExpressionAttributeValues: { ':none': 0, ':at': stamp },
              },
            },
          ]
        : []),
      {
        // The spend cap counts what was paid in the month of the unlock; take this payment off it.
        Update: {
          TableName: db.tableName,
          Key: spendKeyOfUnlock,
          UpdateExpression: 'SET spent = spent - :charged',
          ConditionExpression: 'spent >= :charged AND (attribute_not_exists(capUnlocks) OR capUnlocks = :none)',
          ExpressionAttributeValues: { ':charged': entitlement.charged, ':none': 0 },
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...earningKey(entitlement.publisherSlug, stamp, reversalId),
            type: 'earning',
            entryId: reversalId,
            kind: 'reversal',
            articleId,
            readerId: userId,
            gross: -entitlement.charged,
            points: -(entitlement.earned ?? entitlement.charged),
            ...(entitlement.promoEarned ? { promoPoints: -entitlement.promoEarned } : {}),
            reverses: entitlement.earningEntryId,
            at: stamp,
          },
        },
      },
      // What the platform funded goes back to the publisher's promotional budget.
      ...(entitlement.promoEarned
        ? [
            {
              Update: {
                TableName: db.tableName,
                Key: promoBudgetKey(entitlement.publisherSlug, unlockMonth),
                UpdateExpression: 'ADD used :back',
                ExpressionAttributeValues: { ':back': -entitlement.promoEarned },
              },
            },
          ]
        : []),
    ]);
    if (result.committed) {
      return { refunded: entitlement.charged, balance: refund.entry.balanceAfter, undosLeftThisMonth: UNDOS_PER_MONTH - undosUsed - 1 };
    }
    if (entitlement.ledgerEntryId && result.reasons[4]?.code === 'ConditionalCheckFailed') {
      throw new Conflict('The purchase whose points paid for this unlock was refunded or disputed, and the unlock was settled with it; it can no longer be undone.');
    }
    // The balance, the entitlement or the counter moved meanwhile: judge again from fresh facts.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)));
  }
  throw new Contention();
}
