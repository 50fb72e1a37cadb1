/**
 * Refunds and disputes of points purchases, settled against the wallet and
 * the publishers' earnings.
 *
 * Taking points back: the purchase's points leave the wallet. Points no longer
 * there were spent; purchased points then go below zero — a deficit the
 * wallet must cover before it can spend again — and the unlocks stay. What
 * those spent points paid for is found in the reader's ledger, newest spend
 * first, back to the purchase: a publisher's earning from it is reversed while
 * still held (payouts have not touched it); after that, or for a tip to
 * another reader, the platform bears the loss, and its loss ledger says so.
 *
 * Giving points back (a dispute decided for us) undoes exactly what its taking
 * did: the points return, the reversed earnings are reinstated, the platform's
 * loss is recovered.
 *
 * Each step is one transaction under the payment intent's version, the
 * wallet's balance as read and each spend's own marker of how much of it was
 * already accounted for, so concurrent or repeated events settle once.
 */
import { randomUUID } from 'node:crypto';
import { paginateQuery } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { batchGetAll } from '../db/batch.js';
import { earningKey, entitlementKey, LEDGER_SK_PREFIX, ledgerEntryKey, platformLossKey, readerPartition } from '../db/keys.js';
import { transactWrite, type TransactItem } from '../db/transactions.js';
import { Contention } from '../errors.js';
import { payoutCutoff } from '../payouts/publisher-earnings.js';
import type { Entitlement } from '../access/entitlement.js';
import { purchasedOf, type LedgerEntry } from '../wallet/ledger.js';
import { getWallet, walletChangeItems } from '../wallet/wallet-store.js';
import { isDisputeSource, paymentIntentPut, pendingReversal, readPaymentIntent, standingReversals, type Attribution, type PaymentIntentFacts, type Reversal } from './payment-intent.js';

export interface ReversalOptions {
  now: () => Date;
  /** Earnings younger than this many days are still held, and can be reversed. */
  holdDays: number;
}

/** At most this many spends are traced per reversal (each adds two or three items to its transaction); any more is the platform's loss. */
const MAX_ATTRIBUTIONS = 30;
const MAX_ATTEMPTS = 25;

/**
 * Applies whatever the payment's refund and dispute facts still ask for;
 * answers the points taken back (or, negative, given back). `known` facts,
 * just read or written, save the first read.
 */
export async function settlePaymentReversals(db: Db, paymentIntentId: string, options: ReversalOptions, known?: PaymentIntentFacts): Promise<number> {
  let moved = 0;
  let facts = known;
  for (let failures = 0; failures < MAX_ATTEMPTS; ) {
    facts ??= await readPaymentIntent(db, paymentIntentId);
    const next = facts && pendingReversal(facts);
    if (!facts || !next) return moved;
    const step = next.points > 0 ? await takeBackStep(db, facts, next.source, next.points, options) : await giveBackStep(db, facts, next.source, options.now());
    const result = await transactWrite(db, step.items);
    if (result.committed) {
      moved += next.points;
      // What was just written is what a read would answer.
      facts = { ...step.facts, version: facts.version + 1 };
      continue;
    }
    // The wallet, the payment or a spend changed meanwhile (a concurrent spend, event or reversal): read again.
    facts = undefined;
    failures++;
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 15 * failures));
  }
  throw new Contention('The wallet was too busy to settle the refund; Stripe will deliver the event again.');
}

/** One reversal: the transaction that applies it, and the facts it leaves. */
interface Step {
  items: TransactItem[];
  facts: PaymentIntentFacts;
}

interface TracedSpend extends Attribution {
  /** The spend's count of points already accounted for, as read. */
  seenReversed: number;
}

async function takeBackStep(db: Db, facts: PaymentIntentFacts, source: string, points: number, options: ReversalOptions): Promise<Step> {
  const userId = facts.userId!;
  const now = options.now();
  const at = now.toISOString();
  const wallet = await getWallet(db, userId);
  const spent = points - Math.min(points, Math.max(0, purchasedOf(wallet)));
  const traced = spent > 0 ? await traceSpends(db, userId, facts.creditedAt!, spent, payoutCutoff(now, options.holdDays)) : [];
  const platformLoss = spent - traced.reduce((total, spend) => total + spend.earningReversed, 0);
  const disputed = isDisputeSource(source);
  const change = walletChangeItems(db, {
    userId,
    seen: wallet,
    amount: -points,
    takeBack: true,
    kind: disputed ? 'payment_disputed' : 'payment_refunded',
    at,
    note: `${points} points of a ${disputed ? 'disputed' : 'refunded'} purchase taken back${spent > 0 ? `; ${spent} were already spent, so the wallet owes them until points come in` : ''}`,
  });
  const reversal: Reversal = {
    source,
    points,
    at,
    spent,
    platformLoss,
    attributions: traced.map(({ seenReversed: _seen, ...attribution }) => attribution),
  };
  const why = disputed ? 'The reader disputed the payment for these points.' : 'The payment for these points was refunded.';
  const after = { ...facts, reversals: [...facts.reversals, reversal] };
  const items = [
    ...change.items,
    { Put: paymentIntentPut(db, after, facts.version) },
    ...traced.map((spend) => markSpend(db, userId, spend, spend.seenReversed + spend.points, spend.seenReversed)),
    ...traced
      .filter((spend) => spend.earningReversed > 0)
      .map((spend) => earningPut(db, spend, { kind: 'chargeback', userId, at, sign: -1, paymentIntentId: facts.paymentIntentId, note: why })),
    ...(platformLoss > 0 ? [lossPut(db, { at, points: platformLoss, userId, paymentIntentId: facts.paymentIntentId, source, note: `${why} Spent points whose earnings had left the hold, or went to a reader.` })] : []),
  ];
  return { items, facts: after };
}

/** Undoes every standing reversal of a dispute decided for us, in one transaction. */
async function giveBackStep(db: Db, facts: PaymentIntentFacts, source: string, now: Date): Promise<Step> {
  const userId = facts.userId!;
  const standing = standingReversals(facts, source);
  const points = standing.reduce((total, reversal) => total + reversal.points, 0);
  const loss = standing.reduce((total, reversal) => total + reversal.platformLoss, 0);
  const spent = standing.reduce((total, reversal) => total + (reversal.spent ?? 0), 0);
  const attributions = standing.flatMap((reversal) => reversal.attributions);
  const at = now.toISOString();
  const givenBack: Reversal = {
    source,
    points: -points,
    at,
    spent: -spent,
    platformLoss: -loss,
    attributions: attributions.map((one) => ({ ...one, points: -one.points, earningReversed: -one.earningReversed })),
  };
  const wallet = await getWallet(db, userId);
  const after = { ...facts, reversals: [...facts.reversals, givenBack] };
  const items = [
    // The points cover any deficit first, as every credit does.
    ...walletChangeItems(db, { userId, seen: wallet, amount: points, kind: 'dispute_won', at, note: `${points} points given back: the dispute was decided for us` }).items,
    { Put: paymentIntentPut(db, after, facts.version) },
    ...attributions.map((spend) => unmarkSpend(db, userId, spend)),
    ...attributions
      .filter((spend) => spend.earningReversed > 0)
      .map((spend) => earningPut(db, spend, { kind: 'reinstated', userId, at, sign: 1, paymentIntentId: facts.paymentIntentId, note: 'A disputed payment was decided for us: the earning stands.' })),
    ...(loss > 0 ? [lossPut(db, { at, points: -loss, userId, paymentIntentId: facts.paymentIntentId, source, note: 'The dispute was decided for us: the loss is recovered.' })] : []),
  ];
  return { items, facts: after };
}

/**
 * The spends, newest first since the purchase, that the `needed` points had
 * paid for: unlocks (still standing, not undone) and tips, each up to the part
 * paid with purchased points and not yet accounted for by another reversal.
 */
async function traceSpends(db: Db, userId: string, since: string, needed: number, heldFrom: string): Promise<TracedSpend[]> {
  const candidates: Array<{ entry: LedgerEntry; left: number; seenReversed: number }> = [];
  let wanted = needed;
  const newestFirst = {
    TableName: db.tableName,
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': readerPartition(userId), ':from': `${LEDGER_SK_PREFIX}${since}`, ':to': `${LEDGER_SK_PREFIX}\uffff` },
    ScanIndexForward: false,
    ConsistentRead: true,
  };
  pages: for await (const page of paginateQuery({ client: db.doc, pageSize: 100 }, newestFirst)) {
    for (const item of page.Items ?? []) {
      if ((item.kind !== 'unlock' && item.kind !== 'tip_sent') || item.undoneAt) continue;
      const seenReversed = (item.reversedPoints as number | undefined) ?? 0;
      const left = -((item.amount as number) - ((item.promoAmount as number | undefined) ?? 0)) - seenReversed;
      if (left <= 0) continue;
      candidates.push({ entry: item as unknown as LedgerEntry, left, seenReversed });
      wanted -= left;
      if (wanted <= 0 || candidates.length >= MAX_ATTRIBUTIONS) break pages;
    }
  }

  const unlocks = candidates.filter(({ entry }) => entry.kind === 'unlock' && entry.articleId);
  const entitlements = unlocks.length > 0 ? ((await batchGetAll(db, unlocks.map(({ entry }) => entitlementKey(userId, entry.articleId!)))) as unknown as Entitlement[]) : [];
  const traced: TracedSpend[] = [];
  let remaining = needed;
  for (const { entry, left, seenReversed } of candidates) {
    if (remaining <= 0) break;
    const points = Math.min(left, remaining);
    const held = entry.at >= heldFrom;
    const base = { ledgerAt: entry.at, ledgerEntryId: entry.entryId, points, seenReversed };
    if (entry.kind === 'unlock') {
      const entitlement = entitlements.find((one) => one.articleId === entry.articleId && one.ledgerEntryId === entry.entryId && one.via === 'points');
      if (!entitlement) continue;
      // The publisher earned its share of the purchased part; reverse that share of the points traced.
      const purchasedPart = entitlement.charged - (entitlement.promoCharged ?? 0);
      const earnedFromPurchased = (entitlement.earned ?? entitlement.charged) - (entitlement.promoEarned ?? 0);
      const earningReversed = held && purchasedPart > 0 ? Math.floor((points * earnedFromPurchased) / purchasedPart) : 0;
      traced.push({ ...base, publisherSlug: entitlement.publisherSlug, earningReversed, earningEntryId: entitlement.earningEntryId, articleId: entry.articleId });
    } else {
      // A tip to a publisher names it and shares its earning's id; a tip to a reader cannot be taken back from them.
      const toPublisher = entry.publisherSlug !== undefined;
      traced.push({ ...base, publisherSlug: entry.publisherSlug, earningReversed: toPublisher && held ? points : 0, earningEntryId: toPublisher ? entry.entryId : undefined, postId: entry.postId });
    }
    remaining -= points;
  }
  return traced;
}

/** Counts points of a spend as accounted for, only from the count read and only if the spend was not undone. */
function markSpend(db: Db, userId: string, spend: Attribution, after: number, seen: number): TransactItem {
  return {
    Update: {
      TableName: db.tableName,
      Key: ledgerEntryKey(userId, spend.ledgerAt, spend.ledgerEntryId),
      UpdateExpression: 'SET reversedPoints = :after',
      ConditionExpression: `attribute_exists(PK) AND attribute_not_exists(undoneAt) AND (${seen === 0 ? 'attribute_not_exists(reversedPoints) OR ' : ''}reversedPoints = :seen)`,
      ExpressionAttributeValues: { ':after': after, ':seen': seen },
    },
  };
}

function unmarkSpend(db: Db, userId: string, spend: Attribution): TransactItem {
  return {
    Update: {
      TableName: db.tableName,
      Key: ledgerEntryKey(userId, spend.ledgerAt, spend.ledgerEntryId),
      UpdateExpression: 'SET reversedPoints = reversedPoints - :points',
      ConditionExpression: 'reversedPoints >= :points',
      ExpressionAttributeValues: { ':points': spend.points },
    },
  };
}

function earningPut(
  db: Db,
  spend: Attribution,
  entry: { kind: 'chargeback' | 'reinstated'; userId: string; at: string; sign: 1 | -1; paymentIntentId: string; note: string },
): TransactItem {
  const entryId = randomUUID();
  return {
    Put: {
      TableName: db.tableName,
      Item: {
        ...earningKey(spend.publisherSlug!, entry.at, entryId),
        type: 'earning',
        entryId,
        kind: entry.kind,
        readerId: entry.userId,
        ...(spend.articleId ? { articleId: spend.articleId } : {}),
        ...(spend.postId ? { postId: spend.postId } : {}),
        ...(spend.earningEntryId ? { reverses: spend.earningEntryId } : {}),
        gross: entry.sign * spend.points,
        points: entry.sign * spend.earningReversed,
        paymentIntentId: entry.paymentIntentId,
        note: entry.note,
        at: entry.at,
      },
    },
  };
}

function lossPut(db: Db, loss: { at: string; points: number; userId: string; paymentIntentId: string; source: string; note: string }): TransactItem {
  const entryId = randomUUID();
  return { Put: { TableName: db.tableName, Item: { ...platformLossKey(loss.at, entryId), type: 'platform_loss', entryId, ...loss } } };
}
