import type { AccessVia } from './access-policy.js';

/** A reader's right to read one article in full, and what getting it cost. */
export interface Entitlement {
  articleId: string;
  publisherSlug: string;
  via: AccessVia;
  charged: number;
  /** The wallet balance right after this unlock: a replay answers with it. */
  balanceAfter: number;
  grantedAt: string;
  idempotencyKey?: string | undefined;
  ledgerEntryId?: string | undefined;
  earningEntryId?: string | undefined;
  /** What the publisher was credited (after the platform share), so an undo reverses exactly that. */
  earned?: number | undefined;
  /** When a gift link was first made from this unlock; it can no longer be undone. */
  giftedAt?: string | undefined;
}
