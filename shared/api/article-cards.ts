/**
 * Article cards wherever an article appears (a post, a timeline, a profile),
 * each with *this viewer's* access state from the same decision as the article
 * page, for a whole page of posts in one read.
 */
import { loadAccessFactsForArticles, readerFactsOf } from '../access/access-facts.js';
import { decideAccess } from '../access/access-policy.js';
import type { AppDeps } from './app-env.js';
import { priceAt } from '../access/article-price.js';
import { toCard } from './presenters.js';

export type CardWithAccess = ReturnType<typeof toCard> & { access: { granted: boolean; via?: string } };

export async function cardsWithAccess(deps: AppDeps, articleIds: string[], viewerId: string | undefined): Promise<Map<string, CardWithAccess>> {
  if (articleIds.length === 0) return new Map();
  const now = deps.now();
  const facts = await loadAccessFactsForArticles(deps.db, articleIds, viewerId, now, { cardsOnly: true });
  const cards = new Map<string, CardWithAccess>();
  for (const [id, fact] of facts) {
    if (!fact.article) continue;
    const decision = decideAccess({
      price: priceAt(fact.article, fact.publisher, deps.config.defaultArticlePrice, now),
      entitlement: fact.entitlement,
      reader: viewerId ? readerFactsOf(fact, now) : undefined,
    });
    cards.set(id, {
      ...toCard(fact.article, fact.publisher, deps.config.defaultArticlePrice, now),
      access: decision.kind === 'granted' ? { granted: true, via: decision.via } : { granted: false },
    });
  }
  return cards;
}
