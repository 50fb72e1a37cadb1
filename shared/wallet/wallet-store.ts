/**
 * Wallet balance and ledger. Every change is one transaction: the balance moves
 * under the condition that it still is what we read (so `balanceAfter` in the
 * ledger is exact and the balance never goes negative), and the ledger entry is
 * written beside it. Callers add their own items (an entitlement, a meter).
 */
import { conditionHeld } from '../db/conditional-write.js';
import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { Contention } from '../errors.js';
import type { PageKey } from '../db/cursor.js';
import { queryPrefixPage } from '../db/index-page.js';
import { transactWrite, type TransactItem } from '../db/transactions.js';
import { LEDGER_SK_PREFIX, ledgerEntryKey, paymentKey, readerPartition, walletKey } from '../db/keys.js';
import { blankPaymentIntent, paymentIntentPut, readPaymentIntent, withCredit, type PaymentIntentFacts } from '../payments/payment-intent.js';
import { walletBalanceOf, type LedgerEntry, type LedgerKind, type WalletBalance } from './ledger.js';

export interface WalletChange {
  userId: string;
  /** The wallet as read; the change applies only if it still is. */
  seen: WalletBalance;
  amount: number;
  /** The promotional part of `amount` (0 when none: purchased points, or a credit). */
  promoAmount?: number | undefined;
  kind: LedgerKind;
  at: string;
  /**
   * Purchased points taken back from a refunded or disputed payment: the only
   * change that may take purchased points below zero (a deficit).
   */
  takeBack?: boolean | undefined;
  articleId?: string | undefined;
  publisherSlug?: string | undefined;
  postId?: string | undefined;
  paymentId?: string | undefined;
  note?: string | undefined;
  /** The entry's own id, when other items written beside it must name it; a fresh one otherwise. */
  entryId?: string | undefined;
}

/**
 * The two transaction items of a wallet change; the wallet's is first, so its
 * cancellation reason is index 0. The balance moves only from the value read.
 * A spend never takes the balance below zero nor purchased points below zero
 * (a wallet that owes points cannot spend, and a debit of purchased points
 * can never eat into promotional ones). A change with a promotional part
 * moves the promotional balance from the value read too. Credits (and taking
 * points back) need only the balance to be what was read.
 */
export function walletChangeItems(db: Db, change: WalletChange): { items: TransactItem[]; entry: LedgerEntry } {
  const promoAmount = change.promoAmount ?? 0;
  const balanceAfter = change.seen.balance + change.amount;
  const promoAfter = change.seen.promotional + promoAmount;
  const spend = change.amount < 0 && !change.takeBack;
  if (promoAfter < 0 || (spend && promoAfter > balanceAfter) || (change.takeBack && (promoAmount !== 0 || change.amount > 0))) {
    throw new Error(`Wallet change out of range: ${change.kind} ${change.amount} (promotional ${promoAmount}) on ${JSON.stringify(change.seen)}.`);
  }
  const entry: LedgerEntry = {
    entryId: change.entryId ?? randomUUID(),
    at: change.at,
    kind: change.kind,
    amount: change.amount,
    balanceAfter,
    ...(promoAmount !== 0 ? { promoAmount } : {}),
    articleId: change.articleId,
    publisherSlug: change.publisherSlug,
    postId: change.postId,
    paymentId: change.paymentId,
    note: change.note,
  };
  const conditions = ['balance = :seen'];
  if (spend) conditions.push(':after >= :zero');
  // A spend of purchased points only: promotional points must still fit in what is left.
  if (spend && promoAmount === 0) conditions.push('(attribute_not_exists(promoBalance) OR promoBalance <= :after)');
  if (promoAmount !== 0) {
    conditions.push(change.seen.promotional === 0 ? '(attribute_not_exists(promoBalance) OR promoBalance = :zero)' : 'promoBalance = :seenPromo');
  }
  const uses = (name: string) => conditions.some((condition) => condition.includes(name));
  return {
    entry,
    items: [
      {
        Update: {
          TableName: db.tableName,
          Key: walletKey(change.userId),
          UpdateExpression: `SET balance = :after, updatedAt = :at${promoAmount !== 0 ? ', promoBalance = :promoAfter' : ''}`,
          ConditionExpression: conditions.join(' AND '),
          ExpressionAttributeValues: {
            ':after': balanceAfter,
            ':seen': change.seen.balance,
            ':at': change.at,
            ...(uses(':zero') ? { ':zero': 0 } : {}),
            ...(promoAmount !== 0 ? { ':promoAfter': promoAfter } : {}),
            ...(uses(':seenPromo') ? { ':seenPromo': change.seen.promotional } : {}),
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      { Put: { TableName: db.tableName, Item: { ...ledgerEntryKey(change.userId, entry.at, entry.entryId), type: 'ledger', ...entry } } },
    ],
  };
}

export async function getWallet(db: Db, userId: string): Promise<WalletBalance> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: walletKey(userId), ConsistentRead: true }));
  return walletBalanceOf(Item);
}

export async function listLedger(db: Db, userId: string, limit: number, startKey?: PageKey) {
  const page = await queryPrefixPage(db, { partition: readerPartition(userId), prefix: LEDGER_SK_PREFIX, limit, startKey });
  // `reversedPoints` and `undoneAt` are bookkeeping for refunds and disputes (payment-reversals.ts), not part of the entry.
  const entries = page.items.map(({ PK: _pk, SK: _sk, type: _type, reversedPoints: _reversed, undoneAt: _undone, ...entry }) => entry as unknown as LedgerEntry);
  return { entries, lastKey: page.lastKey };
}

/** Adds points with a ledger entry, retrying when the balance moved meanwhile. */
export async function creditWallet(db: Db, userId: string, amount: number, kind: LedgerKind, note: string, now: Date): Promise<LedgerEntry> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const seen = await getWallet(db, userId);
    const change = walletChangeItems(db, { userId, seen, amount, kind, at: now.toISOString(), note });
    const result = await transactWrite(db, change.items);
    if (result.committed) return change.entry;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)));
  }
  throw new Contention('The wallet was too busy to credit; nothing was changed, please retry.');
}

/**
 * Credits a completed payment exactly once: the payment's claim item is written
 * in the same transaction as the credit, under the condition that it is new, so
 * any number of webhook deliveries credit one time.
 */
export type PaymentCredit = 'credited' | 'duplicate' | 'orphaned';

export interface PaidPurchase {
  paymentId: string;
  userId: string;
  points: number;
  note: string;
  /** Stripe's payment intent: refunds and disputes name the payment by it. */
  paymentIntentId?: string | undefined;
  amountCents?: number | undefined;
}

/**
 * Credits a paid purchase once per payment id, answering the purchase's facts
 * as written when it did. A payment for an account with
 * no wallet (deleted, or metadata naming nobody) cannot be credited: it is
 * recorded as orphaned, once, for an operator to resolve, instead of failing
 * so that the provider retries it for days. The purchase's payment intent is
 * recorded in the same transaction, keeping any refund or dispute that was
 * heard of first, for payment-reversals.ts to settle.
 */
export async function creditPaymentOnce(db: Db, payment: PaidPurchase, now: Date): Promise<{ outcome: PaymentCredit; intent?: PaymentIntentFacts | undefined }> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const [wallet, intent] = await Promise.all([
      findWallet(db, payment.userId),
      payment.paymentIntentId ? readPaymentIntent(db, payment.paymentIntentId) : Promise.resolve(undefined),
    ]);
    if (!wallet) return { outcome: await recordOrphanedPayment(db, payment, now) };
    const at = now.toISOString();
    const change = walletChangeItems(db, { userId: payment.userId, seen: wallet, amount: payment.points, kind: 'topup', at, paymentId: payment.paymentId, note: payment.note });
    const credited = payment.paymentIntentId
      ? withCredit(intent ?? blankPaymentIntent(payment.paymentIntentId), { userId: payment.userId, points: payment.points, amountCents: payment.amountCents, paymentId: payment.paymentId, at })
      : undefined;
    const intentPut = credited ? [{ Put: paymentIntentPut(db, credited, intent?.version ?? 0) }] : [];
    const result = await transactWrite(db, [
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...paymentKey(payment.paymentId),
            type: 'payment',
            userId: payment.userId,
            points: payment.points,
            paymentIntentId: payment.paymentIntentId,
            amountCents: payment.amountCents,
            ledgerEntryId: change.entry.entryId,
            at,
          },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...change.items,
      ...intentPut,
    ]);
    if (result.committed) return { outcome: 'credited', intent: credited && { ...credited, version: (intent?.version ?? 0) + 1 } };
    if (result.reasons[0]?.code === 'ConditionalCheckFailed') return { outcome: 'duplicate' };
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)));
  }
  throw new Contention('The wallet was too busy to credit the payment; the provider will retry the webhook.');
}

async function findWallet(db: Db, userId: string): Promise<WalletBalance | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: walletKey(userId), ConsistentRead: true }));
  return Item ? walletBalanceOf(Item) : undefined;
}

async function recordOrphanedPayment(db: Db, payment: { paymentId: string; userId: string; points: number }, now: Date): Promise<'orphaned' | 'duplicate'> {
  const recorded = await conditionHeld(
    db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...paymentKey(payment.paymentId), type: 'payment', status: 'orphaned', userId: payment.userId, points: payment.points, at: now.toISOString() },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    ),
  );
  return recorded ? 'orphaned' : 'duplicate';
}
