/** What a publisher has earned and been paid, in US cents, and its payouts. */
import type { Db } from '../db/client.js';
import { queryPrefixPage } from '../db/index-page.js';
import type { PageKey } from '../db/cursor.js';
import { PAYOUT_SK_PREFIX, publisherPartition } from '../db/keys.js';
import { pointsToCents } from '../wallet/points.js';
import { findPayoutAccount } from './payout-account.js';
import { readPayoutState } from './payout-run.js';
import { payoutCutoff, sumEarningsAround } from './publisher-earnings.js';

export async function payoutBalance(db: Db, publisherSlug: string, options: { holdDays: number; thresholdCents: number; now: Date }) {
  const cutoff = payoutCutoff(options.now, options.holdDays);
  const [state, account] = await Promise.all([readPayoutState(db, publisherSlug), findPayoutAccount(db, publisherSlug)]);
  const far = new Date(options.now.getTime() + 86400_000).toISOString();
  // Available: paid-through up to the cutoff; held: from the cutoff (or the paid-through point, if later) on.
  const [available, held] = await sumEarningsAround(db, publisherSlug, state.paidThrough, cutoff < state.paidThrough ? state.paidThrough : cutoff, far);
  const inFlightCents = state.pending?.amountCents ?? 0;
  return {
    heldCents: pointsToCents(held.earned),
    availableCents: pointsToCents(available.earned) - inFlightCents,
    inFlightCents,
    paidOutCents: state.paidOutCents,
    thresholdCents: options.thresholdCents,
    holdDays: options.holdDays,
    payoutAccount: (!account ? 'none' : account.payoutsEnabled ? 'ready' : 'onboarding') as 'none' | 'onboarding' | 'ready',
  };
}

export async function listPayouts(db: Db, publisherSlug: string, limit: number, startKey?: PageKey) {
  const page = await queryPrefixPage(db, { partition: publisherPartition(publisherSlug), prefix: PAYOUT_SK_PREFIX, limit, startKey });
  const items = page.items.map(({ payoutId, amountCents, currency, transferId, periodEnd, at }) => ({ payoutId, amountCents, currency, transferId, periodEnd, at }));
  return { items: items as Array<{ payoutId: string; amountCents: number; currency: string; transferId: string; periodEnd: string; at: string }>, lastKey: page.lastKey };
}
