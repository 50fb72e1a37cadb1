/**
 * A publisher's numbers for a period, from the stats rolled up out of the
 * table stream (stats-rollup.ts) and the subscribers index: one query for the
 * months the period touches, whatever the size of the earnings ledger. The
 * ledger stays the source; the rollup counts each of its entries exactly once.
 *
 * Totals count whole UTC days: every day the period touches. Top articles
 * count the calendar months it touches. Newsletter figures add the issues
 * made in the period (an index query and a batch read).
 */
import { paginateQuery } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { INDEX, publisherIssuesPk, STATS_MONTH_SK_PREFIX, statsPartition } from '../db/keys.js';
import { countActiveSubscribers } from '../subscriptions/subscription-store.js';
import { ARTICLE_COUNTERS, DAY_COUNTERS, type DayCounter } from './stats-rollup.js';

export interface DayStats {
  date: string;
  unlocks: number;
  refunds: number;
  pointsEarned: number;
}

export interface PublisherStats {
  from: string;
  to: string;
  unlocks: number;
  refunds: number;
  tips: number;
  grossPoints: number;
  pointsEarned: number;
  activeSubscribers: number;
  activeTrials: number;
  gifts: { links: number; readers: number; readersWhoPaid: number };
  /** Issues made in the period and what became of their mails; unlocks paid through a newsletter's links in the period. */
  newsletters: { issues: number; sent: number; delivered: number; bounced: number; unsubscribed: number; unlocks: number };
  topArticles: Array<{ articleId: string; title?: string | undefined; unlocks: number; pointsEarned: number }>;
  perDay: DayStats[];
}

const COUNTER_OF_ATTRIBUTE = new Map<string, DayCounter>(Object.entries(DAY_COUNTERS).map(([counter, prefix]) => [prefix, counter as DayCounter]));
const DAY_ATTRIBUTE = /^([a-z]+)(\d\d)$/;

export async function publisherStats(db: Db, slug: string, from: Date, to: Date, now: Date): Promise<PublisherStats> {
  const [items, issues, activeSubscribers, activeTrials] = await Promise.all([
    rollupsBetween(db, slug, from.toISOString().slice(0, 7), to.toISOString().slice(0, 7)),
    issuesBetween(db, slug, from, to),
    countActiveSubscribers(db, slug, 'paid', now),
    countActiveSubscribers(db, slug, 'trial', now),
  ]);
  const [firstDay, lastDay] = [from.toISOString().slice(0, 10), to.toISOString().slice(0, 10)];
  const totals: Record<DayCounter, number> = { unlocks: 0, refunds: 0, tips: 0, grossPoints: 0, pointsEarned: 0, giftLinks: 0, giftReaders: 0, giftReadersWhoPaid: 0, newsletterUnlocks: 0 };
  const days = new Map<string, DayStats>();
  const articles = new Map<string, { articleId: string; title?: string | undefined; unlocks: number; pointsEarned: number }>();
  for (const item of items) {
    const month = (item.SK as string).slice(STATS_MONTH_SK_PREFIX.length, STATS_MONTH_SK_PREFIX.length + 7);
    if ((item.SK as string).endsWith('#days')) {
      for (const [attribute, value] of Object.entries(item)) {
        const match = DAY_ATTRIBUTE.exec(attribute);
        const counter = match && COUNTER_OF_ATTRIBUTE.get(match[1]!);
        const date = match && `${month}-${match[2]}`;
        if (!counter || !date || date < firstDay || date > lastDay) continue;
        totals[counter] += value as number;
        if (counter !== 'unlocks' && counter !== 'refunds' && counter !== 'pointsEarned') continue;
        const day = days.get(date) ?? { date, unlocks: 0, refunds: 0, pointsEarned: 0 };
        day[counter] += value as number;
        days.set(date, day);
      }
      continue;
    }
    for (const [attribute, value] of Object.entries(item)) {
      const [prefix, articleId] = [attribute.slice(0, 2), attribute.slice(2)];
      if (prefix !== ARTICLE_COUNTERS.unlocks && prefix !== ARTICLE_COUNTERS.pointsEarned && prefix !== ARTICLE_COUNTERS.title) continue;
      const article = articles.get(articleId) ?? { articleId, unlocks: 0, pointsEarned: 0 };
      articles.set(articleId, article);
      if (prefix === ARTICLE_COUNTERS.title) article.title = value as string;
      else if (prefix === ARTICLE_COUNTERS.unlocks) article.unlocks += value as number;
      else article.pointsEarned += value as number;
    }
  }
  const topArticles = [...articles.values()]
    .filter((article) => article.unlocks > 0)
    .sort((a, b) => b.pointsEarned - a.pointsEarned || b.unlocks - a.unlocks || a.articleId.localeCompare(b.articleId))
    .slice(0, 10);
  const { giftLinks, giftReaders, giftReadersWhoPaid, newsletterUnlocks, ...money } = totals;
  const issueSum = (counter: 'sent' | 'delivered' | 'bounced' | 'unsubscribed') => issues.reduce((sum, issue) => sum + ((issue[counter] as number | undefined) ?? 0), 0);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    ...money,
    activeSubscribers,
    activeTrials,
    gifts: { links: giftLinks, readers: giftReaders, readersWhoPaid: giftReadersWhoPaid },
    newsletters: { issues: issues.length, sent: issueSum('sent'), delivered: issueSum('delivered'), bounced: issueSum('bounced'), unsubscribed: issueSum('unsubscribed'), unlocks: newsletterUnlocks },
    topArticles,
    perDay: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

/** The rollup items of the months from `firstMonth` to `lastMonth` (`YYYY-MM`). */
async function rollupsBetween(db: Db, slug: string, firstMonth: string, lastMonth: string): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  const query = {
    TableName: db.tableName,
    KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': statsPartition(slug), ':from': `${STATS_MONTH_SK_PREFIX}${firstMonth}`, ':to': `${STATS_MONTH_SK_PREFIX}${lastMonth}#\uffff` },
  };
  for await (const page of paginateQuery({ client: db.doc }, query)) items.push(...(page.Items ?? []));
  return items;
}

/** The publisher's newsletter issues made in the period, with their counters (the index lists them; one batch read each hundred). */
async function issuesBetween(db: Db, slug: string, from: Date, to: Date): Promise<Array<Record<string, unknown>>> {
  const keys: Array<Record<string, unknown>> = [];
  const query = {
    TableName: db.tableName,
    IndexName: INDEX.byPublisher,
    KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
    ExpressionAttributeValues: { ':pk': publisherIssuesPk(slug), ':from': from.toISOString(), ':to': `${to.toISOString()}#\uffff` },
  };
  for await (const page of paginateQuery({ client: db.doc }, query)) keys.push(...(page.Items ?? []));
  if (keys.length === 0) return [];
  return batchGetAll(db, keys.map((item) => ({ PK: item.PK as string, SK: item.SK as string })), ['sent', 'delivered', 'bounced', 'unsubscribed']);
}
