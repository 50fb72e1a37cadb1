/**
 * Everything the access decision needs for one article and one reader, read in
 * a single BatchGetItem: the article and its publisher (the id carries the
 * slug), and the reader's entitlement, wallet, subscription, trial claim, and
 * this month's meter and spend with that publisher.
 */
import type { Article } from '../articles/article.js';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { articleKey, entitlementKey, meterKey, publisherKey, spendKey, subscriptionKey, trialClaimKey, walletKey } from '../db/keys.js';
import { spendCapOf, type Publisher } from '../publishers/publisher.js';
import { toPublisher } from '../publishers/publisher-store.js';
import type { Subscription } from '../subscriptions/subscription.js';
import { accessOfSubscription } from '../subscriptions/subscription.js';
import { meterMonth, type ReaderFacts } from './access-policy.js';
import type { Entitlement } from './entitlement.js';

export interface LoadedFacts {
  article?: Article | undefined;
  publisher?: Publisher | undefined;
  entitlement?: Entitlement | undefined;
  balance: number;
  meterUsed: number;
  spent: number;
  subscription?: Subscription | undefined;
  trialUsed: boolean;
  month: string;
}

const ARTICLE_ID = /^[a-z0-9-]{1,40}_[A-Za-z0-9]{22}$/;

export const isArticleId = (id: string): boolean => ARTICLE_ID.test(id);
export const publisherSlugOfArticleId = (id: string): string => id.slice(0, id.lastIndexOf('_'));

export async function loadAccessFacts(db: Db, articleId: string, userId: string | undefined, now: Date): Promise<LoadedFacts> {
  const slug = publisherSlugOfArticleId(articleId);
  const month = meterMonth(now);
  const keys = [articleKey(articleId), publisherKey(slug)];
  if (userId) {
    keys.push(
      entitlementKey(userId, articleId),
      walletKey(userId),
      meterKey(userId, slug, month),
      spendKey(userId, slug, month),
      subscriptionKey(userId, slug),
      trialClaimKey(userId, slug),
    );
  }
  const items = await batchGetAll(db, keys);
  const byType = (type: string) => items.find((item) => item.type === type);
  const publisherItem = byType('publisher');
  return {
    article: byType('article') as Article | undefined,
    publisher: publisherItem ? toPublisher(publisherItem) : undefined,
    entitlement: byType('entitlement') as Entitlement | undefined,
    balance: (byType('wallet')?.balance as number | undefined) ?? 0,
    meterUsed: (byType('meter')?.used as number | undefined) ?? 0,
    spent: (byType('spend')?.spent as number | undefined) ?? 0,
    subscription: byType('subscription') as Subscription | undefined,
    trialUsed: Boolean(byType('trial_claim')),
    month,
  };
}

/** The reader's side of the decision, from loaded facts. */
export function readerFactsOf(facts: LoadedFacts, now: Date): ReaderFacts {
  return {
    balance: facts.balance,
    freeRemaining: Math.max(0, (facts.publisher?.freeArticlesPerMonth ?? 0) - facts.meterUsed),
    subscription: accessOfSubscription(facts.subscription, now),
    spent: facts.spent,
    spendCap: spendCapOf(facts.publisher),
  };
}
