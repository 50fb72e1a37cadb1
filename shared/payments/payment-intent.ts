/**
 * A points purchase as Stripe's payment intent, and what has become of it:
 * who was credited how many points, what Stripe says was refunded or disputed
 * since, and the reversals already applied for that. Events may come late,
 * twice, or in any order, so the item keeps facts, never steps: the refunded
 * amount only grows, a decided dispute stays decided, and what should be
 * reversed is always worked out again from the facts (`pendingReversal`).
 */
import { conditionHeld } from '../db/conditional-write.js';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { paymentIntentKey } from '../db/keys.js';
import { Contention } from '../errors.js';

/** One spend the taken-back points had paid for, and what became of its earning. */
export interface Attribution {
  /** The reader's ledger entry of the spend (an unlock or a tip). */
  ledgerAt: string;
  ledgerEntryId: string;
  /** Points of the spend this reversal accounts for. */
  points: number;
  /** The publisher whose earning was reversed, and by how many points; 0 when the platform bore it. */
  publisherSlug?: string | undefined;
  earningReversed: number;
  /** What the spend was for, and the earning entry it made. */
  articleId?: string | undefined;
  postId?: string | undefined;
  earningEntryId?: string | undefined;
}

/** One reversal applied to the wallet: points taken back (positive) or given back when a dispute was won (negative). */
export interface Reversal {
  /** `refund`, or the dispute's id. */
  source: string;
  points: number;
  at: string;
  attributions: Attribution[];
  /** Of `points`, those already spent when taken (the deficit they made): publishers' reversed earnings plus the platform's loss. */
  spent: number;
  /** Spent points no publisher gave back: their earning had left the hold, or a reader was tipped. */
  platformLoss: number;
}

export interface Dispute {
  amountCents: number;
  status: string;
}

export interface PaymentIntentFacts {
  paymentIntentId: string;
  version: number;
  /** Set when the purchase is credited. */
  userId?: string | undefined;
  points?: number | undefined;
  amountCents?: number | undefined;
  paymentId?: string | undefined;
  creditedAt?: string | undefined;
  refundedCents: number;
  disputes: Record<string, Dispute>;
  reversals: Reversal[];
}

/** Dispute statuses under which the money is (or may end up) with the card holder: its points are taken back. */
const REVERSING_DISPUTE = new Set(['needs_response', 'under_review', 'lost']);
/** Statuses after which a dispute cannot change: a late `created` event never reopens it. */
const DECIDED_DISPUTE = new Set(['won', 'lost', 'warning_closed', 'prevented']);

export async function readPaymentIntent(db: Db, paymentIntentId: string): Promise<PaymentIntentFacts | undefined> {
  const { Item } = await db.doc.send(new GetCommand({ TableName: db.tableName, Key: paymentIntentKey(paymentIntentId), ConsistentRead: true }));
  return Item ? factsOf(Item) : undefined;
}

function factsOf(item: Record<string, unknown>): PaymentIntentFacts {
  return {
    paymentIntentId: item.paymentIntentId as string,
    version: (item.version as number | undefined) ?? 0,
    userId: item.userId as string | undefined,
    points: item.points as number | undefined,
    amountCents: item.amountCents as number | undefined,
    paymentId: item.paymentId as string | undefined,
    creditedAt: item.creditedAt as string | undefined,
    refundedCents: (item.refundedCents as number | undefined) ?? 0,
    disputes: (item.disputes as Record<string, Dispute> | undefined) ?? {},
    reversals: (item.reversals as Reversal[] | undefined) ?? [],
  };
}

export const blankPaymentIntent = (paymentIntentId: string): PaymentIntentFacts => ({ paymentIntentId, version: 0, refundedCents: 0, disputes: {}, reversals: [] });

/** The item as a Put that applies only if nobody changed it since `seenVersion` (0: it must be new). */
export function paymentIntentPut(db: Db, facts: PaymentIntentFacts, seenVersion: number) {
  return {
    TableName: db.tableName,
    Item: { ...paymentIntentKey(facts.paymentIntentId), type: 'payment_intent', ...facts, version: seenVersion + 1 },
    ConditionExpression: seenVersion === 0 ? 'attribute_not_exists(PK)' : 'version = :seen',
    ...(seenVersion === 0 ? {} : { ExpressionAttributeValues: { ':seen': seenVersion } }),
  };
}

/**
 * Change the facts and write them back under the version read; again, from a
 * fresh read, if someone wrote meanwhile. `known` (facts just read) saves the
 * first read; a change that changes nothing writes nothing.
 */
export async function updatePaymentIntent(
  db: Db,
  paymentIntentId: string,
  change: (facts: PaymentIntentFacts) => PaymentIntentFacts,
  known?: PaymentIntentFacts,
): Promise<PaymentIntentFacts> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const seen = (attempt === 0 && known) || (await readPaymentIntent(db, paymentIntentId)) || blankPaymentIntent(paymentIntentId);
    const next = change(seen);
    if (sameFacts(next, seen)) return seen;
    if (await conditionHeld(db.doc.send(new PutCommand(paymentIntentPut(db, next, seen.version))))) return { ...next, version: seen.version + 1 };
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * (attempt + 1)));
  }
  throw new Contention('The payment was too busy to update; Stripe will deliver the event again.');
}

/** Whether a change changed what events tell (reversals are the settling's own, and change only there). */
function sameFacts(a: PaymentIntentFacts, b: PaymentIntentFacts): boolean {
  const disputes = (facts: PaymentIntentFacts) =>
    Object.entries(facts.disputes)
      .map(([id, dispute]) => `${id}:${dispute.amountCents}:${dispute.status}`)
      .sort()
      .join();
  return (
    a.refundedCents === b.refundedCents &&
    a.amountCents === b.amountCents &&
    a.creditedAt === b.creditedAt &&
    a.userId === b.userId &&
    a.reversals.length === b.reversals.length &&
    disputes(a) === disputes(b)
  );
}

/** Refunds only add up: the charge's `amount_refunded` is cumulative, so the largest one seen is the truth. */
export const withRefund = (facts: PaymentIntentFacts, refundedCents: number, amountCents: number | undefined): PaymentIntentFacts => ({
  ...facts,
  refundedCents: Math.max(facts.refundedCents, refundedCents),
  amountCents: facts.amountCents ?? amountCents,
});

/** A dispute's status as an event tells it, unless the dispute was already decided. */
export function withDispute(facts: PaymentIntentFacts, disputeId: string, dispute: Dispute): PaymentIntentFacts {
  const known = facts.disputes[disputeId];
  if (known && DECIDED_DISPUTE.has(known.status)) return facts;
  return { ...facts, disputes: { ...facts.disputes, [disputeId]: dispute } };
}

/** What the credit of the purchase adds; the refund and dispute facts that came first stay. */
export const withCredit = (facts: PaymentIntentFacts, credit: { userId: string; points: number; amountCents?: number | undefined; paymentId: string; at: string }): PaymentIntentFacts => ({
  ...facts,
  userId: credit.userId,
  points: credit.points,
  amountCents: credit.amountCents ?? facts.amountCents,
  paymentId: credit.paymentId,
  creditedAt: credit.at,
});

/**
 * The next reversal to apply, if any: points to take back (positive) for a
 * source whose refund or dispute asks for more than was taken, or all of a
 * source's reversals to give back (negative) when its dispute was won. Never
 * more than the purchase's points in all. Nothing before the purchase is credited.
 */
export function pendingReversal(facts: PaymentIntentFacts): { source: string; points: number } | undefined {
  const points = facts.points;
  if (!facts.creditedAt || !points) return undefined;
  const pointsOf = (cents: number) => {
    if (cents <= 0) return 0;
    if (!facts.amountCents) return points;
    return Math.min(points, Math.round((points * cents) / facts.amountCents));
  };
  const wanted = new Map<string, number>([['refund', pointsOf(facts.refundedCents)]]);
  for (const [disputeId, dispute] of Object.entries(facts.disputes)) wanted.set(disputeId, REVERSING_DISPUTE.has(dispute.status) ? pointsOf(dispute.amountCents) : 0);
  const applied = new Map<string, number>();
  for (const reversal of facts.reversals) applied.set(reversal.source, (applied.get(reversal.source) ?? 0) + reversal.points);
  for (const [source, taken] of applied) if (taken > (wanted.get(source) ?? 0)) return { source, points: -taken };
  const room = points - [...applied.values()].reduce((total, taken) => total + taken, 0);
  for (const [source, want] of wanted) {
    const more = Math.min(want - (applied.get(source) ?? 0), room);
    if (more > 0) return { source, points: more };
  }
  return undefined;
}

/** The reversals of one source still standing (since it was last given back), to be given back together. */
export function standingReversals(facts: PaymentIntentFacts, source: string): Reversal[] {
  const ofSource = facts.reversals.filter((reversal) => reversal.source === source);
  const lastGivenBack = ofSource.findLastIndex((reversal) => reversal.points < 0);
  return ofSource.slice(lastGivenBack + 1);
}

export const isDisputeSource = (source: string): boolean => source !== 'refund';
