/** A publisher as the API shows it; `apiKeyHash` never leaves the store. */
export interface Publisher {
  slug: string;
  name: string;
  homepageUrl?: string | undefined;
  /** Default price of an article in points (1 point = 1 US cent); 0 makes articles free. */
  articlePrice: number;
  freeArticlesPerMonth: number;
  /** Subscription plans; the cheapest monthly one also caps what a reader pays in unlocks per month. */
  plans?: Plan[] | undefined;
  /** Origins of the publisher's own sites allowed to carry the paywall embed (CORS, and where an unlock may return to). */
  embedOrigins?: string[] | undefined;
  /** Articles turn free this many days after publication (null or absent: never, unless their section or the feed says so). */
  freeAfterDays?: number | null | undefined;
  /** The same per section (lower-case section name → days); a section's rule wins over `freeAfterDays`. */
  sectionFreeAfterDays?: Record<string, number> | undefined;
  createdAt: string;
  updatedAt: string;
}

export interface Plan {
  planId: string;
  name: string;
  interval: 'month' | 'year';
  /** Price per interval in the smallest unit of `currency` (cents). */
  priceCents: number;
  /** ISO 4217 code, lower case. */
  currency: string;
  /** Days of free trial a reader may take once per publisher (0 for none). */
  trialDays: number;
  /**
   * A card trial goes through Stripe Checkout and turns into a paid subscription
   * at its end unless cancelled; a card-less one (the default) just ends.
   */
  trialRequiresCard: boolean;
}

/** The monthly spend cap on unlocks: the cheapest monthly plan, or none without one. */
export function spendCapOf(publisher: Pick<Publisher, 'plans'> | undefined): number | undefined {
  // Points are US cents: only plans priced in dollars can cap what is paid in points.
  const monthly = (publisher?.plans ?? []).filter((plan) => plan.interval === 'month' && plan.currency === 'usd').map((plan) => plan.priceCents);
  return monthly.length > 0 ? Math.min(...monthly) : undefined;
}

export interface PublisherSettings {
  name?: string | undefined;
  homepageUrl?: string | undefined;
  articlePrice?: number | undefined;
  freeArticlesPerMonth?: number | undefined;
  plans?: Plan[] | undefined;
  embedOrigins?: string[] | undefined;
  freeAfterDays?: number | null | undefined;
  sectionFreeAfterDays?: Record<string, number> | undefined;
}

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
