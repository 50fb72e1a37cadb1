/**
 * The one access decision, used by every channel that shows or unlocks an
 * article. Pure: it sees facts loaded beforehand and says what applies first.
 *
 * Order: free article → already entitled → (subscription or trial, spend cap:
 * with subscriptions) → free meter left → points → not enough points.
 */
export type AccessVia = 'free' | 'already' | 'subscription' | 'trial' | 'cap' | 'meter' | 'points' | 'gift';

export interface AccessFacts {
  price: number;
  /** Present when the reader already holds an entitlement to this article. */
  entitlement?: { via: AccessVia } | undefined;
  /** Absent for anonymous visitors. */
  reader?: { balance: number; freeRemaining: number } | undefined;
}

export type AccessDecision =
  | { kind: 'granted'; via: 'free' | 'already' }
  | { kind: 'unlock'; via: 'meter' }
  | { kind: 'unlock'; via: 'points'; price: number }
  | { kind: 'insufficient'; price: number; balance: number }
  | { kind: 'sign_in'; price: number };

export function decideAccess(facts: AccessFacts): AccessDecision {
  if (facts.price === 0) return { kind: 'granted', via: 'free' };
  if (!facts.reader) return { kind: 'sign_in', price: facts.price };
  if (facts.entitlement) return { kind: 'granted', via: 'already' };
  if (facts.reader.freeRemaining > 0) return { kind: 'unlock', via: 'meter' };
  if (facts.reader.balance >= facts.price) return { kind: 'unlock', via: 'points', price: facts.price };
  return { kind: 'insufficient', price: facts.price, balance: facts.reader.balance };
}

/** Calendar month in UTC, the free meter's period. */
export const meterMonth = (now: Date): string => now.toISOString().slice(0, 7);
