/**
 * A publisher's monthly statement from its earnings ledger, in US cents, that
 * reconciles to the cent: opening + earned − reversed − paid out = closing.
 * Each entry is listed, so the lines add up to the totals.
 */
import type { Db } from '../db/client.js';
import { pointsToCents } from '../wallet/points.js';
import { EPOCH, earningsBetween } from './publisher-earnings.js';

export interface StatementLine {
  at: string;
  kind: string;
  /** The article, post or transfer the line is about. */
  reference?: string | undefined;
  amountCents: number;
  note?: string | undefined;
}

export interface Statement {
  month: string;
  currency: 'usd';
  openingCents: number;
  earnedCents: number;
  reversedCents: number;
  paidOutCents: number;
  closingCents: number;
  lines: StatementLine[];
}

export async function monthlyStatement(db: Db, publisherSlug: string, month: string): Promise<Statement> {
  const start = new Date(`${month}-01T00:00:00.000Z`).toISOString();
  const end = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1)).toISOString();
  // One pass over the ledger up to the month's end: what came before is the opening balance, the month its lines.
  const entries = await earningsBetween(db, publisherSlug, EPOCH, end, ['at', 'kind', 'points', 'articleId', 'postId', 'transferId', 'note']);
  const openingCents = pointsToCents(entries.filter((entry) => (entry.at as string) < start).reduce((total, entry) => total + (entry.points as number), 0));
  const lines: StatementLine[] = entries
    .filter((entry) => (entry.at as string) >= start)
    .map((item) => ({
      at: item.at as string,
      kind: item.kind as string,
      reference: (item.articleId ?? item.postId ?? item.transferId) as string | undefined,
      amountCents: pointsToCents(item.points as number),
      note: item.note as string | undefined,
    }));
  const sum = (pick: (line: StatementLine) => boolean) => lines.filter(pick).reduce((total, line) => total + line.amountCents, 0);
  const earnedCents = sum((line) => line.kind !== 'payout' && line.amountCents > 0);
  const reversedCents = -sum((line) => line.kind !== 'payout' && line.amountCents < 0);
  const paidOutCents = -sum((line) => line.kind === 'payout');
  return { month, currency: 'usd', openingCents, earnedCents, reversedCents, paidOutCents, closingCents: openingCents + earnedCents - reversedCents - paidOutCents, lines };
}

/** The statement as CSV: an opening line, one line per entry, a closing line; the amounts add up. */
export function statementCsv(statement: Statement): string {
  const cell = (value: string | number | undefined) => {
    const text = value === undefined ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const rows = [
    ['at', 'kind', 'reference', 'amount_cents', 'note'],
    [`${statement.month}-01T00:00:00.000Z`, 'opening', '', statement.openingCents, ''],
    ...statement.lines.map((line) => [line.at, line.kind, line.reference, line.amountCents, line.note]),
    ['', 'closing', '', statement.closingCents, ''],
  ];
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
