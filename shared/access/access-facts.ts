/**
 * Everything the access decision needs for one article and one reader, read in
 * a single BatchGetItem: the article and its publisher (the id carries the
 * slug), and the reader's entitlement, wallet, subscription, trial claim, and
 * this month's meter and spend with that publisher.
 */
import type { Article } from '../articles/article.js';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { articleKey, entitlementKey, meterKey, publisherKey, spendKey, subscriptionKey, trialClaimKey, walletKey, type ItemKey } from '../db/keys.js';
import { deficitOf, walletBalanceOf } from '../wallet/ledger.js';
import { ARTICLE_CARD_FIELDS } from '../articles/article-store.js';
import { isArticleId, publisherSlugOfArticleId } from '../articles/article-id.js';
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
  /** The promotional part of `balance`. */
  promotional: number;
  meterUsed: number;
  spent: number;
  subscription?: Subscription | undefined;
  trialUsed: boolean;
  month: string;
}

export { isArticleId, publisherSlugOfArticleId };

export async function loadAccessFacts(db: Db, articleId: string, userId: string | undefined, now: Date): Promise<LoadedFacts> {
  return (await loadAccessFactsForArticles(db, [articleId], userId, now)).get(articleId)!;
}

/** Attributes a card with its access state needs; article content stays behind. */
const CARD_FACTS_PROJECTION = [
  'PK', 'SK', 'type', ...ARTICLE_CARD_FIELDS, 'slug', 'name', 'articlePrice', 'freeArticlesPerMonth', 'plans',
  'via', 'balance', 'promoBalance', 'used', 'spent', 'status', 'currentPeriodEnd', 'kind', 'planId',
];

/**
 * The same facts for several articles (a page of posts with article cards) in
 * one BatchGetItem; with `cardsOnly`, article content is not read.
 */
export async function loadAccessFactsForArticles(
  db: Db,
  articleIds: string[],
  userId: string | undefined,
  now: Date,
  options: { cardsOnly?: boolean } = {},
): Promise<Map<string, LoadedFacts>> {
  const month = meterMonth(now);
  const ids = [...new Set(articleIds)];
  const slugs = [...new Set(ids.map(publisherSlugOfArticleId))];
  // Publishers this process read a moment ago come from memory: a popular publisher's record is on nearly every request.
  const cached = new Map(slugs.flatMap((slug) => {
    const item = db.publishers.get(slug);
    return item ? [[slug, item] as const] : [];
  }));
  const keys: ItemKey[] = [...ids.map(articleKey), ...slugs.filter((slug) => !cached.has(slug)).map(publisherKey)];
  if (userId) {
    keys.push(walletKey(userId), ...ids.map((id) => entitlementKey(userId, id)));
    for (const slug of slugs) {
      keys.push(meterKey(userId, slug, month), spendKey(userId, slug, month), subscriptionKey(userId, slug), trialClaimKey(userId, slug));
    }
  }
  const items = await batchGetAll(db, keys, options.cardsOnly ? CARD_FACTS_PROJECTION : undefined);
  const byKey = new Map(items.map((item) => [`${item.PK as string}|${item.SK as string}`, item]));
  const get = (key: ItemKey) => byKey.get(`${key.PK}|${key.SK}`);
  for (const slug of slugs) {
    const item = get(publisherKey(slug));
    if (item) db.publishers.set(slug, item);
  }
  const wallet = walletBalanceOf(userId ? get(walletKey(userId)) : undefined);
  return new Map(
    ids.map((id) => {
      const slug = publisherSlugOfArticleId(id);
      const publisherItem = cached.get(slug) ?? get(publisherKey(slug));
      const reader = <T>(key: (user: string) => ItemKey) => (userId ? (get(key(userId)) as T | undefined) : undefined);
      return [
        id,
        {
          article: get(articleKey(id)) as Article | undefined,
          publisher: publisherItem ? toPublisher(publisherItem) : undefined,
          entitlement: reader<Entitlement>((user) => entitlementKey(user, id)),
          balance: wallet.balance,
          promotional: wallet.promotional,
          meterUsed: (reader<{ used: number }>((user) => meterKey(user, slug, month))?.used) ?? 0,
          spent: (reader<{ spent: number }>((user) => spendKey(user, slug, month))?.spent) ?? 0,
          subscription: reader<Subscription>((user) => subscriptionKey(user, slug)),
          trialUsed: Boolean(reader((user) => trialClaimKey(user, slug))),
          month,
        },
      ];
    }),
  );
}

/** The reader's side of the decision, from loaded facts. */
export function readerFactsOf(facts: LoadedFacts, now: Date): ReaderFacts {
  return {
    // A wallet that owes points (a refunded purchase already spent) can spend none until that is covered.
    balance: deficitOf(facts) > 0 ? 0 : facts.balance,
    freeRemaining: Math.max(0, (facts.publisher?.freeArticlesPerMonth ?? 0) - facts.meterUsed),
    subscription: accessOfSubscription(facts.subscription, now),
    spent: facts.spent,
    spendCap: spendCapOf(facts.publisher),
  };
}
