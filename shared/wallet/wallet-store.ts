/**
 * Wallet balance and ledger. Every change is one transaction: the balance moves
 * under the condition that it still is what we read (so `balanceAfter` in the
 * ledger is exact and the balance never goes negative), and the ledger entry is
 * written beside it. Callers add their own items (an entitlement, a meter).
 */
import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { Contention } from '../errors.js';
import type { PageKey } from '../db/cursor.js';
import { transactWrite, type TransactItem } from '../db/transactions.js';
import { LEDGER_SK_PREFIX, ledgerEntryKey, paymentKey, readerPartition, walletKey } from '../db/keys.js';
import type { LedgerEntry, LedgerKind } from './ledger.js';

export interface WalletChange {
  userId: string;
  seenBalance: number;
  amount: number;
  kind: LedgerKind;
  at: string;
  articleId?: string | undefined;
  publisherSlug?: string | undefined;
  postId?: string | undefined;
  note?: string | undefined;
}

/** The two transaction items of a wallet change; the wallet's is first, so its cancellation reason is index 0. */
export function walletChangeItems(db: Db, change: WalletChange): { items: TransactItem[]; entry: LedgerEntry } {
  const entry: LedgerEntry = {
    entryId: randomUUID(),
    at: change.at,
    kind: change.kind,
    amount: change.amount,
    balanceAfter: change.seenBalance + change.amount,
    articleId: change.articleId,
    publisherSlug: change.publisherSlug,
    postId: change.postId,
    note: change.note,
  };
  return {
    entry,
    items: [
      {
        Update: {
          TableName: db.tableName,
          Key: walletKey(change.userId),
          UpdateExpression: 'SET balance = :after, updatedAt = :at',
          ConditionExpression: 'balance = :seen AND :after >= :zero',
          ExpressionAttributeValues: { ':after': entry.balanceAfter, ':seen': change.seenBalance, ':at': change.at, ':zero': 0 },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      { Put: { TableName: db.tableName, Item: { ...ledgerEntryKey(change.userId, entry.at, entry.entryId), type: 'ledger', ...entry } } },
    ],
  };
}

export async function getBalance(db: Db, userId: string): Promise<number> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: walletKey(userId), ConsistentRead: true }));
  return (Item?.balance as number | undefined) ?? 0;
}

export async function listLedger(db: Db, userId: string, limit: number, startKey?: PageKey) {
  const result = await db.doc.send(
    new QueryCommand({
      TableName: db.tableName,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :ledger)',
      ExpressionAttributeValues: { ':pk': readerPartition(userId), ':ledger': LEDGER_SK_PREFIX },
      ScanIndexForward: false,
      Limit: limit,
      ExclusiveStartKey: startKey,
    }),
  );
  const entries = (result.Items ?? []).map(({ PK: _pk, SK: _sk, type: _type, ...entry }) => entry as LedgerEntry);
  return { entries, lastKey: result.LastEvaluatedKey };
}

/** Adds points with a ledger entry, retrying when the balance moved meanwhile. */
export async function creditWallet(db: Db, userId: string, amount: number, kind: LedgerKind, note: string, now: Date): Promise<LedgerEntry> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const seenBalance = await getBalance(db, userId);
    const change = walletChangeItems(db, { userId, seenBalance, amount, kind, at: now.toISOString(), note });
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
    const change = walletChangeItems(db, { userId: payment.userId, seenBalance: wallet.balance, amount: payment.points, kind: 'topup', at: now.toISOString(), note: payment.note });
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

async function findWallet(db: Db, userId: string): Promise<{ balance: number } | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: walletKey(userId), ConsistentRead: true }));
  return Item ? { balance: (Item.balance as number | undefined) ?? 0 } : undefined;
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
