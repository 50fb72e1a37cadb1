/**
 * A reader's own refund of a points purchase: within 14 days, and only while
 * the pack's points are all still in the wallet (an unused pack). Stripe
 * refunds the payment first; then the points leave the wallet. Should the
 * process stop in between, Stripe's `charge.refunded` event takes them, and
 * either way they leave once.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type Stripe from 'stripe';
import type { Db } from '../db/client.js';
import { paymentKey } from '../db/keys.js';
import { Conflict, NotFound } from '../errors.js';
import { purchasedOf } from '../wallet/ledger.js';
import { getWallet } from '../wallet/wallet-store.js';
import { readPaymentIntent, updatePaymentIntent, withRefund } from './payment-intent.js';
import { settlePaymentReversals, type ReversalOptions } from './payment-reversals.js';

export const REFUND_WINDOW_DAYS = 14;

export interface RefundResult {
  refundedCents: number;
  points: number;
  balance: number;
}

export async function refundUnusedPurchase(db: Db, stripe: Stripe, userId: string, paymentId: string, options: ReversalOptions): Promise<RefundResult> {
  const { Item: payment } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: paymentKey(paymentId), ConsistentRead: true }));
  // Someone else's purchase is as unknown as one that never was.
  if (!payment || payment.userId !== userId || payment.status === 'orphaned') throw new NotFound('The purchase');
  const paymentIntentId = payment.paymentIntentId as string | undefined;
  if (!paymentIntentId) throw new Conflict('This purchase predates refunds through postwire; support can refund it.');
  const points = payment.points as number;
  const ageDays = (options.now().getTime() - Date.parse(payment.at as string)) / 86400_000;
  if (ageDays > REFUND_WINDOW_DAYS) throw new Conflict(`A purchase can be refunded within ${REFUND_WINDOW_DAYS} days; this one was made on ${(payment.at as string).slice(0, 10)}.`);
  const [facts, wallet] = await Promise.all([readPaymentIntent(db, paymentIntentId), getWallet(db, userId)]);
  if (facts && (facts.refundedCents > 0 || Object.keys(facts.disputes).length > 0)) throw new Conflict('This purchase has already been refunded or disputed.');
  const purchased = purchasedOf(wallet);
  if (purchased < points) {
    throw new Conflict(`Only an unused purchase can be refunded: it brought ${points} points, and your wallet holds ${Math.max(0, purchased)} purchased points.`);
  }
  // One refund per payment, however often this is retried.
  const refund = await stripe.refunds.create(
    { payment_intent: paymentIntentId, reason: 'requested_by_customer', metadata: { userId, paymentId } },
    { idempotencyKey: `refund-${paymentIntentId}` },
  );
  const recorded = await updatePaymentIntent(db, paymentIntentId, (seen) => withRefund(seen, refund.amount, payment.amountCents as number | undefined), facts);
  await settlePaymentReversals(db, paymentIntentId, options, recorded);
  return { refundedCents: refund.amount, points, balance: (await getWallet(db, userId)).balance };
}
