/**
 * postwire's feeds out. A publisher's (or one of its sections') public Atom
 * feed carries teasers that link to the article pages; a reader's private
 * feed carries in full what they may read: the articles they unlocked or
 * were given, and the newest articles of the publishers they subscribe to.
 */
import { createHash } from 'node:crypto';
import { listLibrary } from '../access/library-store.js';
import { priceAt } from '../access/article-price.js';
import { listArticles, type ArticleCardFields } from '../articles/article-store.js';
import type { Article } from '../articles/article.js';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { articleKey } from '../db/keys.js';
import { NotFound } from '../errors.js';
import { getPublisher, getPublishers } from '../publishers/publisher-store.js';
import { getReaderWithBalance } from '../readers/reader-store.js';
import { listReaderSubscriptions } from '../subscriptions/subscription-store.js';
import { accessOfSubscription } from '../subscriptions/subscription.js';
import { atomDocument, type AtomEntry } from './atom.js';

export const PUBLIC_FEED_ENTRIES = 50;
/** The private feed: the newest this many, unlocked and subscribed together. */
export const PRIVATE_FEED_ENTRIES = 100;
const SUBSCRIBED_PER_PUBLISHER = 20;

interface FeedContext {
  publicUrl: string;
  defaultPrice: number;
  now: Date;
}

const pageOf = (context: FeedContext, articleId: string) => `${context.publicUrl}/articles/${articleId}`;

export async function publicFeed(db: Db, slug: string, section: string | undefined, context: FeedContext) {
  const publisher = await getPublisher(db, slug);
  const { items } = await listArticles(db, { publisher: slug, section }, PUBLIC_FEED_ENTRIES);
  if (section && items.length === 0) throw new NotFound(`The section "${section}" of ${publisher.name}`);
  const self = `${context.publicUrl}/feeds/${slug}${section ? `/${encodeURIComponent(section.toLowerCase())}` : ''}.atom`;
  const entries: AtomEntry[] = items.map((card) => {
    const price = priceAt(card, publisher, context.defaultPrice, context.now);
    return {
      id: pageOf(context, card.id),
      title: card.title,
      link: pageOf(context, card.id),
      published: card.publishedAt,
      updated: card.publishedAt,
      author: card.author,
      category: card.section,
      summary: [card.dek, price === 0 ? 'Free to read on postwire.' : `Read on postwire: ${price} points, a subscription or a free article of the month.`].filter(Boolean).join(' '),
    };
  });
  return atomDocument({
    id: self,
    title: section ? `${publisher.name}: ${items[0]?.section ?? section}` : publisher.name,
    subtitle: `${publisher.name} on postwire`,
    selfLink: self,
    alternateLink: `${context.publicUrl}/p/${slug}`,
    entries,
    emptyUpdated: publisher.updatedAt,
  });
}

export async function privateFeed(db: Db, userId: string, token: string, context: FeedContext) {
  const [{ reader }, library, subscriptions] = await Promise.all([getReaderWithBalance(db, userId), listLibrary(db, userId, PRIVATE_FEED_ENTRIES), listReaderSubscriptions(db, userId)]);
  if (!reader) throw new NotFound('The feed');
  const subscribed = subscriptions.filter((subscription) => accessOfSubscription(subscription, context.now) !== undefined).map((subscription) => subscription.publisherSlug);
  const pages = await Promise.all(subscribed.map((slug) => listArticles(db, { publisher: slug }, SUBSCRIBED_PER_PUBLISHER)));
  const cards = new Map<string, ArticleCardFields>();
  for (const { article } of library.items) cards.set(article.id, article);
  for (const page of pages) for (const card of page.items) cards.set(card.id, card);
  const newest = [...cards.values()].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).slice(0, PRIVATE_FEED_ENTRIES);
  const [articles, publishers] = await Promise.all([
    batchGetAll(db, newest.map((card) => articleKey(card.id)), ['id', 'title', 'publishedAt', 'updatedAt', 'author', 'section', 'dek', 'contentHtml', 'publisherSlug']),
    getPublishers(db, newest.map((card) => card.publisherSlug)),
  ]);
  const full = new Map(articles.map((item) => [item.id as string, item as unknown as Article]));
  const self = `${context.publicUrl}/feeds/private/${token}.atom`;
  return atomDocument({
    // Stable across new addresses, and naming no account: a digest of the reader's id.
    id: `urn:postwire:library:${createHash('sha256').update(userId).digest('hex').slice(0, 24)}`,
    title: `@${reader.handle}'s library on postwire`,
    selfLink: self,
    alternateLink: `${context.publicUrl}/library`,
    emptyUpdated: reader.createdAt,
    entries: newest.flatMap((card) => {
      const article = full.get(card.id);
      if (!article) return [];
      const publisher = publishers.get(card.publisherSlug);
      return [{
        id: pageOf(context, card.id),
        title: `${article.title}${publisher ? ` (${publisher.name})` : ''}`,
        link: pageOf(context, card.id),
        published: article.publishedAt,
        updated: article.updatedAt ?? article.publishedAt,
        author: article.author,
        category: article.section,
        summary: article.dek,
        contentHtml: article.contentHtml,
      }];
    }),
  });
}
