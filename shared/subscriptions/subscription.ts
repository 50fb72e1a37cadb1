/**
 * A reader's subscription to one publisher, or their trial of it. Access follows
 * the record's own state and period end: only `active` or `trialing` with a period
 * end still ahead opens articles, whatever order the updates arrived in.
 */
export interface Subscription {
  publisherSlug: string;
  planId: string;
  /** `trial`: postwire's own no-card trial; `paid`: a Stripe subscription (which may itself be trialing). */
  kind: 'trial' | 'paid';
  status: string;
  currentPeriodEnd: string;
  cancelAtPeriodEnd: boolean;
  stripeSubscriptionId?: string | undefined;
  /** While a renewal payment has failed (`past_due`), access lasts until this moment. */
  graceUntil?: string | undefined;
  updatedAt: string;
}

const GRANTING = new Set(['active', 'trialing']);

export function accessOfSubscription(subscription: Subscription | undefined, now: Date): 'subscription' | 'trial' | undefined {
  if (!subscription) return undefined;
  // A failed renewal keeps access for the grace period only, whatever the period end says.
  if (subscription.status === 'past_due') return subscription.graceUntil && Date.parse(subscription.graceUntil) > now.getTime() ? 'subscription' : undefined;
  if (!GRANTING.has(subscription.status)) return undefined;
  if (Date.parse(subscription.currentPeriodEnd) <= now.getTime()) return undefined;
  return subscription.status === 'trialing' ? 'trial' : 'subscription';
}
