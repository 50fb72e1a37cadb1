/**
 * Stripe Connect for payouts: Express accounts for publishers, their onboarding
 * links, and transfers from the platform's balance to them.
 */
import type Stripe from 'stripe';
import type { PayoutTransfers } from './payout-run.js';

/**
 * Transfers keyed by payout: the payout id is the transfer group, so a payout
 * resumed after a crash finds the transfer it already made — even past the 24
 * hours for which Stripe keeps idempotency keys — before it makes one.
 */
export function stripeTransfers(stripe: Stripe): PayoutTransfers {
  return {
    async send({ payoutId, publisherSlug, destination, amountCents, currency }) {
      const earlier = await stripe.transfers.list({ transfer_group: payoutId, limit: 1 });
      if (earlier.data[0]) return { transferId: earlier.data[0].id };
      const transfer = await stripe.transfers.create(
        { amount: amountCents, currency, destination, transfer_group: payoutId, metadata: { payoutId, publisherSlug } },
        { idempotencyKey: `payout-${payoutId}` },
      );
      return { transferId: transfer.id };
    },
  };
}

export async function createExpressAccount(stripe: Stripe, publisherSlug: string): Promise<Stripe.Account> {
  return stripe.accounts.create(
    { type: 'express', metadata: { publisherSlug }, capabilities: { transfers: { requested: true } } },
    // Two onboarding requests at once make one account.
    { idempotencyKey: `connect-${publisherSlug}` },
  );
}

export async function onboardingLink(stripe: Stripe, accountId: string, urls: { refreshUrl: string; returnUrl: string }): Promise<string> {
  const link = await stripe.accountLinks.create({ account: accountId, refresh_url: urls.refreshUrl, return_url: urls.returnUrl, type: 'account_onboarding' });
  return link.url;
}
