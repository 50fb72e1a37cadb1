/**
 * Paying publishers what they earned. For each publisher with a payout account
 * that can receive money, the earnings out of their hold and not yet paid are
 * summed; at or above the threshold they are sent with one transfer.
 *
 * Crash-safe in three steps, each recorded before the next:
 *  1. the payout is claimed on the publisher's payout state (amount, period,
 *     a payout id), under the condition that no other is in flight;
 *  2. the transfer is sent, keyed by the payout id (the Stripe adapter finds an
 *     earlier transfer of the same payout before making one);
 *  3. one transaction writes the payout entry into the earnings ledger (and
 *     the publisher's payout list) and moves the state past the period,
 *     clearing the claim.
 * A run killed anywhere and run again finds the claim and finishes it with the
 * same id: nothing is paid twice, and nothing is skipped.
 */
import { conditionHeld } from '../db/conditional-write.js';
import { randomUUID } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { earningKey, payoutKey, payoutStateKey } from '../db/keys.js';
import { transactWrite } from '../db/transactions.js';
import { Contention } from '../errors.js';
import { POINT_CURRENCY, POINT_VALUE_CENTS, pointsToCents } from '../wallet/points.js';
import { findPayoutAccount, publishersWithPayoutAccounts, type PayoutAccount } from './payout-account.js';
import { EPOCH, payoutCutoff, sumEarnings } from './publisher-earnings.js';

/** Sends money to a connected account; the same `payoutId` never sends twice. */
export interface PayoutTransfers {
  send(payout: { payoutId: string; publisherSlug: string; destination: string; amountCents: number; currency: string }): Promise<{ transferId: string }>;
}

export interface PayoutOptions {
  holdDays: number;
  thresholdCents: number;
  now: Date;
}

interface PendingPayout {
  payoutId: string;
  /** Earnings made before this moment are in the payout. */
  periodEnd: string;
  amountCents: number;
  startedAt: string;
}

interface PayoutState {
  paidThrough: string;
  paidOutCents: number;
  pending?: PendingPayout | undefined;
}

export type PayoutOutcome =
  | { publisherSlug: string; outcome: 'paid'; amountCents: number; transferId: string; periodEnd: string }
  | { publisherSlug: string; outcome: 'below_threshold' | 'nothing_due' | 'account_not_ready'; amountCents: number }
  | { publisherSlug: string; outcome: 'failed'; error: Error };

/** Every publisher with a payout account; one publisher's failure is reported and the others still run. */
export async function runPayouts(db: Db, transfers: PayoutTransfers, options: PayoutOptions): Promise<PayoutOutcome[]> {
  const outcomes: PayoutOutcome[] = [];
  for await (const publisherSlug of publishersWithPayoutAccounts(db)) {
    try {
      outcomes.push(...(await payOutPublisher(db, transfers, publisherSlug, options)));
    } catch (error) {
      outcomes.push({ publisherSlug, outcome: 'failed', error: error as Error });
    }
  }
  return outcomes;
}

export async function payOutPublisher(db: Db, transfers: PayoutTransfers, publisherSlug: string, options: PayoutOptions): Promise<PayoutOutcome[]> {
  const account = await findPayoutAccount(db, publisherSlug);
  if (!account?.payoutsEnabled) return [{ publisherSlug, outcome: 'account_not_ready', amountCents: 0 }];
  const outcomes: PayoutOutcome[] = [];
  let state = await readPayoutState(db, publisherSlug);
  if (state.pending) {
    outcomes.push(await finishPayout(db, transfers, account, state.pending));
    state = await readPayoutState(db, publisherSlug);
  }
  const periodEnd = payoutCutoff(options.now, options.holdDays);
  if (periodEnd <= state.paidThrough) return outcomes.length > 0 ? outcomes : [{ publisherSlug, outcome: 'nothing_due', amountCents: 0 }];
  const { earned } = await sumEarnings(db, publisherSlug, state.paidThrough, periodEnd);
  const amountCents = pointsToCents(earned);
  if (amountCents < options.thresholdCents) return [...outcomes, { publisherSlug, outcome: amountCents > 0 ? 'below_threshold' : 'nothing_due', amountCents }];
  const pending: PendingPayout = { payoutId: randomUUID(), periodEnd, amountCents, startedAt: options.now.toISOString() };
  await claimPayout(db, publisherSlug, state, pending);
  outcomes.push(await finishPayout(db, transfers, account, pending));
  return outcomes;
}

export async function readPayoutState(db: Db, publisherSlug: string): Promise<PayoutState> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: payoutStateKey(publisherSlug), ConsistentRead: true }));
  return { paidThrough: (Item?.paidThrough as string | undefined) ?? EPOCH, paidOutCents: (Item?.paidOutCents as number | undefined) ?? 0, pending: Item?.pending as PendingPayout | undefined };
}

/** Step 1: only one payout in flight per publisher, and only from the state we summed from. */
async function claimPayout(db: Db, publisherSlug: string, seen: PayoutState, pending: PendingPayout): Promise<void> {
  const claimed = await conditionHeld(
    db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: payoutStateKey(publisherSlug),
        UpdateExpression: 'SET pending = :pending, #type = :type',
        ConditionExpression: 'attribute_not_exists(pending) AND (attribute_not_exists(paidThrough) OR paidThrough = :seen)',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':pending': pending, ':seen': seen.paidThrough, ':type': 'payout_state' },
      }),
    ),
  );
  if (!claimed) throw new Contention('Another payout run is paying this publisher; run again later.');
}

/** Steps 2 and 3: send (again, harmlessly, after a crash), then record, once. */
async function finishPayout(db: Db, transfers: PayoutTransfers, account: PayoutAccount, pending: PendingPayout): Promise<PayoutOutcome> {
  const { publisherSlug } = account;
  const { transferId } = await transfers.send({
    payoutId: pending.payoutId,
    publisherSlug,
    destination: account.stripeAccountId,
    amountCents: pending.amountCents,
    currency: POINT_CURRENCY,
  });
  const result = await transactWrite(db, [
    {
      Put: {
        TableName: db.tableName,
        Item: {
          ...earningKey(publisherSlug, pending.startedAt, pending.payoutId),
          type: 'earning',
          entryId: pending.payoutId,
          kind: 'payout',
          points: -pending.amountCents / POINT_VALUE_CENTS,
          amountCents: pending.amountCents,
          transferId,
          periodEnd: pending.periodEnd,
          at: pending.startedAt,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    {
      Put: {
        TableName: db.tableName,
        Item: {
          ...payoutKey(publisherSlug, pending.startedAt, pending.payoutId),
          type: 'payout',
          payoutId: pending.payoutId,
          amountCents: pending.amountCents,
          currency: POINT_CURRENCY,
          transferId,
          periodEnd: pending.periodEnd,
          at: pending.startedAt,
        },
      },
    },
    {
      Update: {
        TableName: db.tableName,
        Key: payoutStateKey(publisherSlug),
        UpdateExpression: 'SET paidThrough = :end, paidOutCents = if_not_exists(paidOutCents, :zero) + :amount REMOVE pending',
        ConditionExpression: 'pending.payoutId = :id',
        ExpressionAttributeValues: { ':end': pending.periodEnd, ':amount': pending.amountCents, ':zero': 0, ':id': pending.payoutId },
      },
    },
  ]);
  if (!result.committed) throw new Error(`Payout ${pending.payoutId} of ${publisherSlug} was sent (${transferId}) but not recorded: ${JSON.stringify(result.reasons)}; run again to record it.`);
  return { publisherSlug, outcome: 'paid', amountCents: pending.amountCents, transferId, periodEnd: pending.periodEnd };
}
