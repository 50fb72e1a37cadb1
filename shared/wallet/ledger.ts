/**
 * The wallet's append-only ledger: the balance always equals the sum of
 * `amount`, and the promotional part of it (starter points and any future
 * grants) the sum of `promoAmount`.
 *
 * `payment_refunded` and `payment_disputed` take bought points back when their
 * payment is refunded or disputed; `dispute_won` gives them back when a dispute
 * is decided for us. Only these can take purchased points below zero.
 * `account_closed` takes what is left when the reader deletes the account.
 */
export const LEDGER_KINDS = ['starter', 'topup', 'unlock', 'refund', 'tip_sent', 'tip_received', 'payment_refunded', 'payment_disputed', 'dispute_won', 'account_closed'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

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
  /** The purchase a top-up credited: what a refund request names. */
  paymentId?: string | undefined;
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

/** Purchased points: negative while the wallet owes points taken back from a refunded or disputed payment. */
export const purchasedOf = (wallet: WalletBalance): number => wallet.balance - wallet.promotional;

/**
 * Points the wallet owes: bought points taken back after they were spent. While
 * it owes any, nothing can be spent, promotional points included; purchased
 * points coming in cover it first.
 */
export const deficitOf = (wallet: WalletBalance): number => Math.max(0, -purchasedOf(wallet));

/** A wallet item as stored; wallets from before promotional points have no `promoBalance`. */
export const walletBalanceOf = (item: Record<string, unknown> | undefined): WalletBalance => ({
  balance: (item?.balance as number | undefined) ?? 0,
  promotional: (item?.promoBalance as number | undefined) ?? 0,
});
