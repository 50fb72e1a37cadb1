/** The wallet's append-only ledger: the balance always equals the sum of `amount`. */
export type LedgerKind = 'starter' | 'topup' | 'unlock' | 'refund' | 'tip_sent' | 'tip_received';

export interface LedgerEntry {
  entryId: string;
  at: string;
  kind: LedgerKind;
  /** Points added (positive) or spent (negative). */
  amount: number;
  balanceAfter: number;
  articleId?: string | undefined;
  publisherSlug?: string | undefined;
  postId?: string | undefined;
  note?: string | undefined;
}
