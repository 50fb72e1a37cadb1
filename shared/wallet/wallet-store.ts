/**
 * Wallet balance and ledger. Every change is one transaction: the balance moves
 * under the condition that it still is what we read (so `balanceAfter` in the
 * ledger is exact and the balance never goes negative), and the ledger entry is
 * written beside it. Callers add their own items (an entitlement, a meter).
 */
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { Contention } from '../errors.js';
import type { PageKey } from '../db/cursor.js';
import { queryPrefixPage } from '../db/index-page.js';
import { transactWrite, type TransactItem } from '../db/transactions.js';
import { LEDGER_SK_PREFIX, ledgerEntryKey, paymentKey, readerPartition, walletKey } from '../db/keys.js';
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
  articleId?: string | undefined;
  publisherSlug?: string | undefined;
  postId?: string | undefined;
  note?: string | undefined;
}

/**
 * The two transaction items of a wallet change; the wallet's is first, so its
 * cancellation reason is index 0. The balance moves only from the value read
 * and never below zero. A change with a promotional part moves the promotional
 * balance from the value read too; any other change keeps it, under the
 * condition that it still fits in the balance after (so a debit of purchased
 * points can never eat into promotional ones).
 */
export function walletChangeItems(db: Db, change: WalletChange): { items: TransactItem[]; entry: LedgerEntry } {
  const promoAmount = change.promoAmount ?? 0;
  const balanceAfter = change.seen.balance + change.amount;
  const promoAfter = change.seen.promotional + promoAmount;
  if (promoAmount !== 0 && (promoAfter < 0 || promoAfter > balanceAfter)) {
    throw new Error(`Promotional points out of range: ${promoAfter} of ${balanceAfter}.`);
  }
  const entry: LedgerEntry = {
    entryId: randomUUID(),
    at: change.at,
    kind: change.kind,
    amount: change.amount,
    balanceAfter,
    ...(promoAmount !== 0 ? { promoAmount } : {}),
    articleId: change.articleId,
    publisherSlug: change.publisherSlug,
    postId: change.postId,
    note: change.note,
  };
  const promoCondition =
    promoAmount === 0
      ? '(attribute_not_exists(promoBalance) OR promoBalance <= :after)'
      : change.seen.promotional === 0
        ? '(attribute_not_exists(promoBalance) OR promoBalance = :zero)'
        : 'promoBalance = :seenPromo';
  return {
    entry,
    items: [
      {
        Update: {
          TableName: db.tableName,
          Key: walletKey(change.userId),
          UpdateExpression: `SET balance = :after, updatedAt = :at${promoAmount !== 0 ? ', promoBalance = :promoAfter' : ''}`,
          ConditionExpression: `balance = :seen AND :after >= :zero AND ${promoCondition}`,
          ExpressionAttributeValues: {
            ':after': balanceAfter,
            ':seen': change.seen.balance,
            ':at': change.at,
            ':zero': 0,
            ...(promoAmount !== 0 ? { ':promoAfter': promoAfter } : {}),
            ...(promoAmount !== 0 && change.seen.promotional !== 0 ? { ':seenPromo': change.seen.promotional } : {}),
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
  const entries = page.items.map(({ PK: _pk, SK: _sk, type: _type, ...entry }) => entry as unknown as LedgerEntry);
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

/**
 * Credits a paid purchase once per payment id. A payment for an account with
 * no wallet (deleted, or metadata naming nobody) cannot be credited: it is
 * recorded as orphaned, once, for an operator to resolve, instead of failing
 * so that the provider retries it for days.
 */
export async function creditPaymentOnce(db: Db, payment: { paymentId: string; userId: string; points: number; note: string }, now: Date): Promise<PaymentCredit> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const wallet = await findWallet(db, payment.userId);
    if (!wallet) return recordOrphanedPayment(db, payment, now);
    const change = walletChangeItems(db, { userId: payment.userId, seen: wallet, amount: payment.points, kind: 'topup', at: now.toISOString(), note: payment.note });
    const result = await transactWrite(db, [
      {
        Put: {
          TableName: db.tableName,
          Item: { ...paymentKey(payment.paymentId), type: 'payment', userId: payment.userId, points: payment.points, ledgerEntryId: change.entry.entryId, at: change.entry.at },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...change.items,
    ]);
    if (result.committed) return 'credited';
    if (result.reasons[0]?.code === 'ConditionalCheckFailed') return 'duplicate';
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)));
  }
  throw new Contention('The wallet was too busy to credit the payment; the provider will retry the webhook.');
}

async function findWallet(db: Db, userId: string): Promise<WalletBalance | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: walletKey(userId), ConsistentRead: true }));
  return Item ? walletBalanceOf(Item) : undefined;
}

async function recordOrphanedPayment(db: Db, payment: { paymentId: string; userId: string; points: number }, now: Date): Promise<'orphaned' | 'duplicate'> {
  try {
    await db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: { ...paymentKey(payment.paymentId), type: 'payment', status: 'orphaned', userId: payment.userId, points: payment.points, at: now.toISOString() },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return 'orphaned';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'duplicate';
    throw error;
  }
}
