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
}
