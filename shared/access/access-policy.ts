/**
 * The one access decision, used by every channel that shows or unlocks an
 * article. Pure: it sees facts loaded beforehand and says what applies first.
 *
 * Order: free article → already entitled → active subscription or trial →
 * monthly spend cap reached → free meter left → points → not enough points.
 */
export type AccessVia = 'free' | 'already' | 'subscription' | 'trial' | 'cap' | 'meter' | 'points' | 'gift';

export interface ReaderFacts {
  balance: number;
  freeRemaining: number;
  subscription?: 'subscription' | 'trial' | undefined;
  /** Points paid to this publisher through unlocks this month. */
  spent: number;
  /** The publisher's cheapest monthly plan, when it has one. */
  spendCap?: number | undefined;
}

export interface AccessFacts {
  price: number;
  /** Present when the reader already holds an entitlement to this article. */
  entitlement?: { via: AccessVia } | undefined;
  /** Absent for anonymous visitors. */
  reader?: ReaderFacts | undefined;
}

export type AccessDecision =
  | { kind: 'granted'; via: 'free' | 'already' | 'subscription' | 'trial' }
  | { kind: 'unlock'; via: 'cap' | 'meter' }
  /** `charge` is the price, or less when the spend cap leaves less to pay. */
  | { kind: 'unlock'; via: 'points'; charge: number }
  | { kind: 'insufficient'; price: number; balance: number }
  | { kind: 'sign_in'; price: number };

export function decideAccess({ price, entitlement, reader }: AccessFacts): AccessDecision {
  if (price === 0) return { kind: 'granted', via: 'free' };
  if (!reader) return { kind: 'sign_in', price };
  if (entitlement) return { kind: 'granted', via: 'already' };
  if (reader.subscription) return { kind: 'granted', via: reader.subscription };
  if (reader.spendCap !== undefined && reader.spent >= reader.spendCap) return { kind: 'unlock', via: 'cap' };
  if (reader.freeRemaining > 0) return { kind: 'unlock', via: 'meter' };
  const charge = reader.spendCap === undefined ? price : Math.min(price, reader.spendCap - reader.spent);
  if (reader.balance >= charge) return { kind: 'unlock', via: 'points', charge };
  return { kind: 'insufficient', price: charge, balance: reader.balance };
}

/** Calendar month in UTC, the period of the free meter and the spend cap. */
export const meterMonth = (now: Date): string => now.toISOString().slice(0, 7);
