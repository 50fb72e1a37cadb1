/**
 * How a publisher's plans are offered to a reader, as on a paywall: "30 days
 * free access, then $2.90 per month", "$19.90 per year, save $14.90 compared to
 * monthly billing". The saving of a yearly plan is against twelve months of the
 * cheapest monthly plan in the same currency.
 */
import type { Plan } from './publisher.js';

export interface OfferedPlan extends Plan {
  /** "$2.90 per month". */
  displayPrice: string;
  /** "30 days free, then $2.90 per month", when the plan has a trial. */
  trialText?: string | undefined;
  /** Twelve months of the monthly plan less this yearly price, when that is a saving. */
  yearlySavingCents?: number | undefined;
  /** "save $14.90 compared to monthly billing". */
  savingText?: string | undefined;
}

export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: currency.toUpperCase() }).format(cents / 100);
}

export function offeredPlans(plans: readonly Plan[]): OfferedPlan[] {
  return plans.map((plan) => {
    const { currency } = plan;
    const displayPrice = `${formatMoney(plan.priceCents, currency)} per ${plan.interval}`;
    const offered: OfferedPlan = { ...plan, displayPrice };
    if (plan.trialDays > 0) offered.trialText = `${plan.trialDays} days free, then ${displayPrice}`;
    if (plan.interval === 'year') {
      const monthly = plans.filter((other) => other.interval === 'month' && other.currency === currency).map((other) => other.priceCents);
      const saving = monthly.length > 0 ? 12 * Math.min(...monthly) - plan.priceCents : 0;
      if (saving > 0) {
        offered.yearlySavingCents = saving;
        offered.savingText = `save ${formatMoney(saving, currency)} compared to monthly billing`;
      }
    }
    return offered;
  });
}
