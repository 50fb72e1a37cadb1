/**
 * The wallet's append-only ledger: the balance always equals the sum of
 * `amount`, and the promotional part of it (starter points and any future
 * grants) the sum of `promoAmount`.
 */
export type LedgerKind = 'starter' | 'topup' | 'unlock' | 'refund' | 'tip_sent' | 'tip_received';

export interface LedgerEntry {
  entryId: string;
  at: string;
  kind: LedgerKind;
  /** Points added (positive) or spent (negative). */
  amount: number;
  balanceAfter: number;
  /** The promotional part of `amount`, when it has one: promotional points given (positive) or spent (negative). */
  promoAmount?: number | undefined;
  articleId?: string | undefined;
  publisherSlug?: string | undefined;
  postId?: string | undefined;
  note?: string | undefined;
}

/**
 * Promotional points unlock articles (and are spent first) but can never be
 * tipped, transferred or paid out: only purchased points move between people.
 */
export interface WalletBalance {
  /** Every point in the wallet, promotional ones included. */
  balance: number;
  /** The promotional part of `balance`. */
  promotional: number;
}

export const purchasedOf = (wallet: WalletBalance): number => wallet.balance - wallet.promotional;

/** A wallet item as stored; wallets from before promotional points have no `promoBalance`. */
export const walletBalanceOf = (item: Record<string, unknown> | undefined): WalletBalance => ({
  balance: (item?.balance as number | undefined) ?? 0,
  promotional: (item?.promoBalance as number | undefined) ?? 0,
});
