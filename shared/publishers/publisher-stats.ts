/**
 * A publisher's numbers for a period, from its earnings ledger (one entry per
 * unlock or reversal) and the subscribers index. The ledger is the source: the
 * totals reconcile with the readers' wallet ledgers entry by entry.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { articleKey, EARNING_SK_PREFIX, GIFT_EVENT_SK_PREFIX, publisherPartition } from '../db/keys.js';
import { countActiveSubscribers } from '../subscriptions/subscription-store.js';

interface EarningEntry {
  kind: 'unlock' | 'reversal' | 'tip';
  readerId?: string;
  articleId?: string;
  gross: number;
  points: number;
  at: string;
}

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
  topArticles: Array<{ articleId: string; title?: string | undefined; unlocks: number; pointsEarned: number }>;
  perDay: DayStats[];
}

export async function publisherStats(db: Db, slug: string, from: Date, to: Date, now: Date): Promise<PublisherStats> {
  const [entries, giftEvents, activeSubscribers, activeTrials] = await Promise.all([
    ledgerBetween<EarningEntry>(db, slug, EARNING_SK_PREFIX, from.toISOString(), to.toISOString(), ['kind', 'readerId', 'articleId', 'gross', 'points', 'at']),
    ledgerBetween<GiftEvent>(db, slug, GIFT_EVENT_SK_PREFIX, from.toISOString(), to.toISOString(), ['event', 'readerId', 'SK']),
    countActiveSubscribers(db, slug, 'paid', now),
    countActiveSubscribers(db, slug, 'trial', now),
  ]);
  const days = new Map<string, DayStats>();
  const articles = new Map<string, { unlocks: number; pointsEarned: number }>();
  const totals = { unlocks: 0, refunds: 0, tips: 0, grossPoints: 0, pointsEarned: 0 };
  for (const entry of entries) {
    const date = entry.at.slice(0, 10);
    const day = days.get(date) ?? { date, unlocks: 0, refunds: 0, pointsEarned: 0 };
    days.set(date, day);
    totals.grossPoints += entry.gross;
    totals.pointsEarned += entry.points;
    day.pointsEarned += entry.points;
    if (entry.kind === 'tip') {
      totals.tips += 1;
      continue;
    }
    const articleId = entry.articleId ?? '';
    const article = articles.get(articleId) ?? { unlocks: 0, pointsEarned: 0 };
    const isUnlock = entry.kind === 'unlock';
    day.unlocks += isUnlock ? 1 : 0;
    day.refunds += isUnlock ? 0 : 1;
    article.unlocks += isUnlock ? 1 : -1;
    article.pointsEarned += entry.points;
    totals.unlocks += isUnlock ? 1 : 0;
    totals.refunds += isUnlock ? 0 : 1;
    articles.set(articleId, article);
  }
  const top = [...articles.entries()]
    .filter(([, article]) => article.unlocks > 0)
    .sort((a, b) => b[1].pointsEarned - a[1].pointsEarned || b[1].unlocks - a[1].unlocks)
    .slice(0, 10);
  const titles = new Map(
    (await batchGetAll(db, top.map(([id]) => articleKey(id)), ['id', 'title'])).map((item) => [item.id as string, item.title as string]),
  );
  // A gift reader "paid" when they unlocked something of this publisher after coming in by a gift.
  const firstGiftRead = new Map<string, string>();
  for (const event of giftEvents) {
    if (event.event !== 'redeemed' || !event.readerId) continue;
    const at = event.SK.slice(GIFT_EVENT_SK_PREFIX.length).split('#')[0]!;
    if (!firstGiftRead.has(event.readerId) || at < firstGiftRead.get(event.readerId)!) firstGiftRead.set(event.readerId, at);
  }
  const payers = new Set(
    entries.filter((entry) => entry.kind === 'unlock' && entry.readerId && firstGiftRead.has(entry.readerId) && entry.at > firstGiftRead.get(entry.readerId)!).map((entry) => entry.readerId),
  );
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    ...totals,
    activeSubscribers,
    activeTrials,
    gifts: { links: giftEvents.filter((event) => event.event === 'created').length, readers: firstGiftRead.size, readersWhoPaid: payers.size },
    topArticles: top.map(([articleId, article]) => ({ articleId, title: titles.get(articleId), ...article })),
    perDay: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)),
  };
}

interface GiftEvent {
  event: 'created' | 'redeemed';
  readerId?: string;
  SK: string;
}

/** Entries of one of the publisher's ledgers (earnings, gift events) in a period, oldest first. */
async function ledgerBetween<T>(db: Db, slug: string, prefix: string, from: string, to: string, fields: string[]): Promise<T[]> {
  const entries: T[] = [];
  const names = Object.fromEntries(fields.map((field, i) => [`#f${i}`, field]));
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': publisherPartition(slug), ':from': `${prefix}${from}`, ':to': `${prefix}${to}\uffff` },
        ProjectionExpression: Object.keys(names).join(', '),
        ExpressionAttributeNames: names,
        ExclusiveStartKey: startKey,
      }),
    );
    entries.push(...((page.Items ?? []) as T[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return entries;
}
