import type { AccessVia } from './access-policy.js';

/** A reader's right to read one article in full, and what getting it cost. */
export interface Entitlement {
  articleId: string;
  publisherSlug: string;
  via: AccessVia;
  charged: number;
  /** The promotional part of `charged`: an undo gives it back as promotional points. */
  promoCharged?: number | undefined;
  /** The wallet balance right after this unlock: a replay answers with it. */
  balanceAfter: number;
  grantedAt: string;
  idempotencyKey?: string | undefined;
  ledgerEntryId?: string | undefined;
  earningEntryId?: string | undefined;
  /** What the publisher was credited (after the platform share), so an undo reverses exactly that. */
  earned?: number | undefined;
  /** The part of `earned` funded by the platform's promotional budget, given back to it by an undo. */
  promoEarned?: number | undefined;
  /** When a gift link was first made from this unlock; it can no longer be undone. */
  giftedAt?: string | undefined;
}
