/**
 * Unlocking one article for one reader. Each attempt reads the facts in one
 * round trip, decides, and commits the decision in one transaction whose
 * conditions make it safe under any concurrency:
 *  - the entitlement is written only if absent (never charged twice);
 *  - the wallet moves only from the balance we read (never negative, and the
 *    ledger's balanceAfter is exact);
 *  - the meter counts only below the publisher's monthly allowance;
 *  - the month's spend with the publisher moves only from the value we read,
 *    so the spend cap holds exactly.
 * A failed condition means the world changed under us: read again and decide
 * again. A replay with the same Idempotency-Key answers what the first call did.
 * The platform-funded part of a promotional unlock is reserved from the
 * publisher's monthly budget just before the transaction and given back if it
 * does not commit.
 */
import { priceAt } from './article-price.js';
import { randomUUID } from 'node:crypto';
import type { Article } from '../articles/article.js';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { earningKey, entitlementKey, libraryKeys, meterKey, promoBudgetKey, spendKey } from '../db/keys.js';
import { boundedIncrement, transactWrite, type TransactItem } from '../db/transactions.js';
import { Contention, InsufficientPoints, NotFound } from '../errors.js';
import { deficitOf } from '../wallet/ledger.js';
import { walletChangeItems } from '../wallet/wallet-store.js';
import { decideAccess, type AccessVia } from './access-policy.js';
import { isArticleId, loadAccessFacts, readerFactsOf, type LoadedFacts } from './access-facts.js';
import type { Entitlement } from './entitlement.js';

export interface UnlockResult {
  via: AccessVia;
  charged: number;
  balance: number;
  contentHtml: string;
}

export interface UnlockOptions {
  defaultPrice: number;
  platformSharePercent: number;
  /** Monthly, per publisher: what promotional unlocks may earn it. */
  promoBudgetPoints: number;
  idempotencyKey?: string | undefined;
  /** Where the reader came from, when a link said so: a newsletter issue (`newsletter.<issueId>`), counted in the publisher's stats. */
  ref?: string | undefined;
  now: () => Date;
}

const MAX_ATTEMPTS = 25;
/** Cancellations that mean "the world changed, read again"; anything else is a bug to surface. */
const EXPECTED_REASONS = new Set(['None', 'ConditionalCheckFailed', 'TransactionConflict', 'ThrottlingError']);

export async function unlockArticle(db: Db, userId: string, articleId: string, options: UnlockOptions): Promise<UnlockResult> {
  if (!isArticleId(articleId)) throw new NotFound('The article');
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (attempt > 0) await pause(attempt);
    const now = options.now();
    const facts = await loadAccessFacts(db, articleId, userId, now);
    const article = facts.article;
    if (!article) throw new NotFound('The article');
    const content = article.contentHtml;
    if (facts.entitlement) {
      const first = facts.entitlement;
      const replay = options.idempotencyKey !== undefined && first.idempotencyKey === options.idempotencyKey;
      return replay
        ? { via: first.via, charged: first.charged, balance: first.balanceAfter, contentHtml: content }
        : { via: 'already', charged: 0, balance: facts.balance, contentHtml: content };
    }
    const price = priceAt(article, facts.publisher, options.defaultPrice, now);
    const decision = decideAccess({ price, reader: readerFactsOf(facts, now) });
    // Subscriptions and trials open articles while they last; nothing is written.
    if (decision.kind === 'granted') return { via: decision.via, charged: 0, balance: facts.balance, contentHtml: content };
    if (decision.kind === 'insufficient') {
      const owed = deficitOf(facts);
      if (owed > 0) {
        throw new InsufficientPoints(decision.price, 0, `Your wallet owes ${owed} points taken back from a refunded or disputed purchase; buy points to cover them before unlocking.`, { deficit: owed });
      }
      throw new InsufficientPoints(decision.price, decision.balance);
    }
    if (decision.kind === 'sign_in') throw new Error('unreachable: a reader is always signed in here');

    const at = now.toISOString();
    // The platform's share of promotional points is reserved from the publisher's monthly budget first, outside
    // the transaction: a popular publisher's promotional unlocks would otherwise all conflict on that one item.
    const promoDue = decision.via === 'points' ? shareOf(Math.min(facts.promotional, decision.charge), options.platformSharePercent) : 0;
    const promoFunded = promoDue > 0 ? await reservePromoBudget(db, article.publisherSlug, facts.month, promoDue, options.promoBudgetPoints) : 0;
    const plan =
      decision.via === 'points'
        ? pointsPlan(db, userId, article, facts, decision.charge, promoFunded, at, options)
        : freePlan(db, userId, article, facts, decision.via, at, options);
    const result = await transactWrite(db, plan.items);
    if (result.committed) return { via: decision.via, charged: plan.charged, balance: facts.balance - plan.charged, contentHtml: content };
    if (promoFunded > 0) await releasePromoBudget(db, article.publisherSlug, facts.month, promoFunded);

    const unexpected = result.reasons.find((reason) => !EXPECTED_REASONS.has(reason.code));
    if (unexpected) throw new Error(`Unlock transaction cancelled: ${JSON.stringify(result.reasons)}`);
    if (decision.via === 'points' && result.reasons[plan.entitlementIndex]?.code !== 'ConditionalCheckFailed') {
      const wallet = result.reasons[0];
      const current = wallet?.code === 'ConditionalCheckFailed' ? ((wallet.item?.balance as number | undefined) ?? 0) : undefined;
      if (current !== undefined && current < decision.charge) throw new InsufficientPoints(decision.charge, current);
    }
    // Otherwise someone else moved first (a concurrent unlock, a top-up, the meter, the spend): read again.
  }
  throw new Contention();
}

interface Plan {
  items: TransactItem[];
  charged: number;
  entitlementIndex: number;
}

function entitlementPut(db: Db, userId: string, entitlement: Entitlement): TransactItem {
  return {
    Put: {
      TableName: db.tableName,
      Item: {
        ...entitlementKey(userId, entitlement.articleId),
        ...libraryKeys(userId, entitlement.grantedAt, entitlement.articleId),
        type: 'entitlement',
        ...entitlement,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    },
  };
}

/** Unlocks that cost nothing: the free meter (counted, within the allowance) or the spend cap (already reached). */
function freePlan(db: Db, userId: string, article: Article, facts: LoadedFacts, via: 'meter' | 'cap', at: string, options: UnlockOptions): Plan {
  const allowance = facts.publisher?.freeArticlesPerMonth ?? 0;
  const entitlement = entitlementPut(db, userId, {
    articleId: article.id,
    publisherSlug: article.publisherSlug,
    via,
    charged: 0,
    balanceAfter: facts.balance,
    grantedAt: at,
    idempotencyKey: options.idempotencyKey,
  });
  const guard: TransactItem =
    via === 'meter'
      ? boundedIncrement(db, meterKey(userId, article.publisherSlug, facts.month), 'meter', allowance)
      : {
          // The cap is reached only if the month's spend still is what we read. The count of
          // cap unlocks lets an undo see that free reading now rests on this month's payments.
          Update: {
            TableName: db.tableName,
            Key: spendKey(userId, article.publisherSlug, facts.month),
            UpdateExpression: 'SET capUnlocks = if_not_exists(capUnlocks, :none) + :one',
            ConditionExpression: 'spent = :seen',
            ExpressionAttributeValues: { ':seen': facts.spent, ':none': 0, ':one': 1 },
          },
        };
  return { charged: 0, entitlementIndex: 1, items: [guard, entitlement] };
}

/**
 * Paying with points: promotional points first, then purchased ones. The
 * publisher earns its share of both; the share of promotional points is funded
 * by the platform, up to a monthly budget per publisher (`promoFunded`, already
 * reserved). Past the budget a promotional unlock still opens the article but
 * earns nothing, and the earning entry says so.
 */
function pointsPlan(db: Db, userId: string, article: Article, facts: LoadedFacts, price: number, promoFunded: number, at: string, options: UnlockOptions): Plan {
  const fromPromo = Math.min(facts.promotional, price);
  const promoDue = shareOf(fromPromo, options.platformSharePercent);
  const earned = shareOf(price - fromPromo, options.platformSharePercent) + promoFunded;
  const wallet = walletChangeItems(db, {
    userId,
    seen: { balance: facts.balance, promotional: facts.promotional },
    amount: -price,
    promoAmount: -fromPromo,
    kind: 'unlock',
    at,
    articleId: article.id,
    publisherSlug: article.publisherSlug,
  });
  const earningEntryId = randomUUID();
  return {
    charged: price,
    entitlementIndex: 2,
    items: [
      ...wallet.items,
      entitlementPut(db, userId, {
        articleId: article.id,
        publisherSlug: article.publisherSlug,
        via: 'points',
        charged: price,
        promoCharged: fromPromo || undefined,
        balanceAfter: wallet.entry.balanceAfter,
        grantedAt: at,
        idempotencyKey: options.idempotencyKey,
        ledgerEntryId: wallet.entry.entryId,
        earningEntryId,
        earned,
        promoEarned: promoFunded || undefined,
      }),
      {
        Update: {
          TableName: db.tableName,
          Key: spendKey(userId, article.publisherSlug, facts.month),
          UpdateExpression: 'SET spent = :after, #type = :type',
          ConditionExpression: 'attribute_not_exists(spent) OR spent = :seen',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':after': facts.spent + price, ':seen': facts.spent, ':type': 'spend' },
        },
      },
      {
        Put: {
          TableName: db.tableName,
          Item: {
            ...earningKey(article.publisherSlug, at, earningEntryId),
            type: 'earning',
            entryId: earningEntryId,
            kind: 'unlock',
            articleId: article.id,
            // For the stats rollup's top articles, so reading stats needs no article reads.
            title: article.title,
            readerId: userId,
            gross: price,
            points: earned,
            ...(promoFunded > 0 ? { promoPoints: promoFunded } : {}),
            ...(options.ref ? { ref: options.ref } : {}),
            ...(promoDue > promoFunded
              ? { promoUnfunded: promoDue - promoFunded, note: 'Paid with promotional points beyond this month’s platform budget for the publisher: not earned.' }
              : {}),
            at,
          },
        },
      },
    ],
  };
}

const shareOf = (points: number, platformSharePercent: number) => Math.floor((points * (100 - platformSharePercent)) / 100);

/**
 * Takes up to `points` from the month's promotional budget, never past it:
 * all of them while they fit, else what is left. A process that dies before
 * its unlock commits leaves its reservation counted — the budget can only be
 * under-spent, never over-spent.
 */
async function reservePromoBudget(db: Db, publisherSlug: string, month: string, points: number, budget: number): Promise<number> {
  let wanted = Math.min(points, budget);
  for (let attempt = 0; attempt < 3 && wanted > 0; attempt++) {
    try {
      await db.doc.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: promoBudgetKey(publisherSlug, month),
          UpdateExpression: 'ADD used :points SET #type = :type',
          ConditionExpression: 'attribute_not_exists(used) OR used <= :room',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':points': wanted, ':room': budget - wanted, ':type': 'promo_budget' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return wanted;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      // The item as it stood, in the low-level format (the document client does not convert exceptions).
      const stood = error.Item?.used as { N?: string } | number | undefined;
      const used = typeof stood === 'number' ? stood : Number(stood?.N ?? budget);
      wanted = Math.min(points, budget - used);
    }
  }
  return 0;
}

async function releasePromoBudget(db: Db, publisherSlug: string, month: string, points: number): Promise<void> {
  await db.doc.send(
    new UpdateCommand({ TableName: db.tableName, Key: promoBudgetKey(publisherSlug, month), UpdateExpression: 'ADD used :back', ExpressionAttributeValues: { ':back': -points } }),
  );
}

function pause(attempt: number): Promise<void> {
  const ceiling = Math.min(250, 10 * 2 ** Math.min(attempt, 5));
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
