/**
 * Publisher stats kept up to date from the table stream. Each new earnings
 * entry or gift event adds to its publisher's totals for its day and to its
 * article's count for its month (keys.ts: statsDaysKey, statsArticlesKey), so
 * reading a year of stats never reads the ledger.
 *
 * The stream delivers at least once, so every addition is made exactly once:
 * it commits in one transaction with a mark on the entry it counts
 * (`rolledUp`), and an entry already marked is left out. Gift readers are
 * counted through a claim per publisher and reader, which is itself the mark.
 */
import type { AttributeValue as StreamAttributeValue, DynamoDBRecord } from 'aws-lambda';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { giftReaderKey, type ItemKey, publisherOfEarningPk, publisherOfPartition, statsArticlesKey, statsDaysKey } from '../db/keys.js';
import { type TransactItem, transactWriteRetryingConflicts } from '../db/transactions.js';

/** What a day's totals are made of; each is an attribute `<counter><DD>` on the month's `days` item. */
export const DAY_COUNTERS = {
  unlocks: 'u',
  refunds: 'r',
  tips: 't',
  grossPoints: 'g',
  pointsEarned: 'p',
  giftLinks: 'gl',
  giftReaders: 'gr',
  giftReadersWhoPaid: 'gp',
  newsletterUnlocks: 'nu',
} as const;
export type DayCounter = keyof typeof DAY_COUNTERS;
/** Per-article attributes on a month's `articles` items. */
export const ARTICLE_COUNTERS = { unlocks: 'u:', pointsEarned: 'p:', title: 't:' } as const;

/** An entry counted in one transaction: the item to mark and what it adds. */
interface Source {
  key: ItemKey;
  publisherSlug: string;
  day: string;
  adds: Partial<Record<DayCounter, number>>;
  article?: { articleId: string; unlocks: number; pointsEarned: number; title?: string | undefined } | undefined;
}

interface GiftRead {
  publisherSlug: string;
  readerId: string;
  at: string;
}

interface Unlock {
  publisherSlug: string;
  readerId: string;
  at: string;
}

/** Sources per transaction: marks plus one days item and up to ARTICLE_STAT_PARTS article items stay under DynamoDB's 100. */
const SOURCES_PER_TRANSACTION = 80;

export type RollupOutcome = { ok: true; counted: number } | { ok: false; error: string; sequenceNumber: string };

/** Counts the stats-bearing inserts among these stream records; anything else is ignored. */
export async function rollUpStats(db: Db, records: DynamoDBRecord[]): Promise<RollupOutcome> {
  const { sources, giftReads, unlocks, first } = readRecords(records);
  if (!first) return { ok: true, counted: 0 };
  try {
    // Gift readers first: an unlock in the same batch as the reader's gift read then counts as paying.
    for (const read of giftReads) await countGiftReader(db, read);
    await countPayingGiftReaders(db, unlocks);
    let counted = 0;
    for (const group of groupByPublisherMonth(sources)) {
      for (let i = 0; i < group.length; i += SOURCES_PER_TRANSACTION) counted += await countOnce(db, group.slice(i, i + SOURCES_PER_TRANSACTION));
    }
    return { ok: true, counted };
  } catch (error) {
    // Everything above is idempotent, so the whole batch may simply be delivered again.
    return { ok: false, error: String(error), sequenceNumber: first };
  }
}

function readRecords(records: DynamoDBRecord[]) {
  const sources: Source[] = [];
  const giftReads: GiftRead[] = [];
  const unlocks: Unlock[] = [];
  let first: string | undefined;
  for (const record of records) {
    const image = record.dynamodb?.NewImage;
    const type = image?.type?.S;
    if (record.eventName !== 'INSERT' || !image || (type !== 'earning' && type !== 'gift_event')) continue;
    first ??= record.dynamodb?.SequenceNumber ?? '';
    const item = unmarshall(image as Record<string, StreamAttributeValue> as Record<string, AttributeValue>);
    const key = { PK: item.PK as string, SK: item.SK as string };
    if (type === 'gift_event') {
      const publisherSlug = publisherOfPartition(key.PK);
      const at = key.SK.split('#')[1] ?? '';
      if (item.event === 'created') sources.push({ key, publisherSlug, day: at.slice(0, 10), adds: { giftLinks: 1 } });
      else if (item.event === 'redeemed' && item.readerId) giftReads.push({ publisherSlug, readerId: item.readerId as string, at });
      continue;
    }
    const source = earningSource(key, item);
    if (!source) continue;
    sources.push(source);
    if (item.kind === 'unlock' && item.readerId) unlocks.push({ publisherSlug: source.publisherSlug, readerId: item.readerId as string, at: item.at as string });
  }
  return { sources, giftReads, unlocks, first };
}

/** What one earnings entry adds; payouts move money out and are no earnings. */
function earningSource(key: ItemKey, item: Record<string, unknown>): Source | undefined {
  if (item.kind === 'payout') return undefined;
  const publisherSlug = publisherOfEarningPk(key.PK);
  const points = item.points as number;
  const gross = (item.gross as number | undefined) ?? points;
  const base = { key, publisherSlug, day: (item.at as string).slice(0, 10) };
  if (item.kind === 'tip') return { ...base, adds: { tips: 1, grossPoints: gross, pointsEarned: points } };
  // An unlock adds one; a reversal or chargeback takes one back; a reinstated chargeback gives it back.
  const unlocks = item.kind === 'unlock' ? 1 : 0;
  const refunds = item.kind === 'reinstated' ? -1 : item.kind === 'unlock' ? 0 : 1;
  const articleId = item.articleId as string | undefined;
  return {
    ...base,
    adds: { unlocks, refunds, grossPoints: gross, pointsEarned: points, ...(unlocks && String(item.ref ?? '').startsWith('newsletter.') ? { newsletterUnlocks: 1 } : {}) },
    article: articleId ? { articleId, unlocks: unlocks - refunds, pointsEarned: points, title: item.title as string | undefined } : undefined,
  };
}

function groupByPublisherMonth(sources: Source[]): Source[][] {
  const groups = new Map<string, Source[]>();
  for (const source of sources) {
    const group = `${source.publisherSlug}#${source.day.slice(0, 7)}`;
    const members = groups.get(group) ?? [];
    members.push(source);
    groups.set(group, members);
  }
  return [...groups.values()];
}

/** Adds these sources (one publisher, one month) that are not marked yet; returns how many it counted. */
async function countOnce(db: Db, sources: Source[]): Promise<number> {
  let pending = sources;
  while (pending.length > 0) {
    const marks = pending.map((source) => markItem(db, source.key));
    const result = await transactWriteRetryingConflicts(db, [...marks, ...additions(db, pending)]);
    if (result.committed) return pending.length;
    const counted = new Set(result.reasons.slice(0, pending.length).flatMap((reason, i) => (reason.code === 'ConditionalCheckFailed' ? [i] : [])));
    if (counted.size === 0) throw new Error(`stats rollup cancelled: ${result.reasons.map((reason) => reason.code).join(', ')}`);
    pending = pending.filter((_, i) => !counted.has(i));
  }
  return 0;
}

const markItem = (db: Db, key: ItemKey): TransactItem => ({
  Update: {
    TableName: db.tableName,
    Key: key,
    UpdateExpression: 'SET rolledUp = :true',
    ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(rolledUp)',
    ExpressionAttributeValues: { ':true': true },
  },
});

/** The month's days item and article items, each updated once with the sum of the sources. */
function additions(db: Db, sources: Source[]): TransactItem[] {
  const { publisherSlug, day } = sources[0]!;
  const month = day.slice(0, 7);
  const dayAdds = new Map<string, number>();
  for (const source of sources) {
    for (const [counter, value] of Object.entries(source.adds)) {
      if (!value) continue;
      const attribute = `${DAY_COUNTERS[counter as DayCounter]}${source.day.slice(8, 10)}`;
      dayAdds.set(attribute, (dayAdds.get(attribute) ?? 0) + value);
    }
  }
  const parts = new Map<string, { key: ItemKey; adds: Map<string, number>; titles: Map<string, string> }>();
  for (const { article } of sources) {
    if (!article) continue;
    const key = statsArticlesKey(publisherSlug, month, article.articleId);
    const part = parts.get(key.SK) ?? { key, adds: new Map(), titles: new Map() };
    parts.set(key.SK, part);
    for (const [prefix, value] of [[ARTICLE_COUNTERS.unlocks, article.unlocks], [ARTICLE_COUNTERS.pointsEarned, article.pointsEarned]] as const) {
      part.adds.set(`${prefix}${article.articleId}`, (part.adds.get(`${prefix}${article.articleId}`) ?? 0) + value);
    }
    if (article.title) part.titles.set(`${ARTICLE_COUNTERS.title}${article.articleId}`, article.title);
  }
  const items: TransactItem[] = [];
  if (dayAdds.size > 0) items.push(addUpdate(db, statsDaysKey(publisherSlug, month), dayAdds, new Map()));
  for (const part of parts.values()) items.push(addUpdate(db, part.key, part.adds, part.titles));
  return items;
}

function addUpdate(db: Db, key: ItemKey, adds: Map<string, number>, sets: Map<string, string>): TransactItem {
  const names: Record<string, string> = { '#type': 'type' };
  const values: Record<string, unknown> = { ':type': 'stats' };
  const addClauses: string[] = [];
  const setClauses = ['#type = :type'];
  let n = 0;
  for (const [attribute, value] of adds) {
    names[`#a${n}`] = attribute;
    values[`:a${n}`] = value;
    addClauses.push(`#a${n} :a${n}`);
    n++;
  }
  for (const [attribute, value] of sets) {
    names[`#a${n}`] = attribute;
    values[`:a${n}`] = value;
    setClauses.push(`#a${n} = :a${n}`);
    n++;
  }
  return {
    Update: {
      TableName: db.tableName,
      Key: key,
      UpdateExpression: `SET ${setClauses.join(', ')}${addClauses.length ? ` ADD ${addClauses.join(', ')}` : ''}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/** A reader's first gift read of a publisher counts them once, on that day; the claim is the mark. */
async function countGiftReader(db: Db, read: GiftRead): Promise<void> {
  const day = read.at.slice(0, 10);
  const result = await transactWriteRetryingConflicts(db, [
    {
      Put: {
        TableName: db.tableName,
        Item: { ...giftReaderKey(read.publisherSlug, read.readerId), type: 'gift_reader', firstAt: read.at },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
    addUpdate(db, statsDaysKey(read.publisherSlug, day.slice(0, 7)), new Map([[`${DAY_COUNTERS.giftReaders}${day.slice(8, 10)}`, 1]]), new Map()),
  ]);
  if (!result.committed && result.reasons[0]?.code !== 'ConditionalCheckFailed') throw new Error(`gift reader rollup cancelled: ${result.reasons.map((reason) => reason.code).join(', ')}`);
}

/** A gift reader's first unlock of that publisher after the gift counts them as paying, once, on the unlock's day. */
async function countPayingGiftReaders(db: Db, unlocks: Unlock[]): Promise<void> {
  if (unlocks.length === 0) return;
  const keys = new Map(unlocks.map((unlock) => {
    const key = giftReaderKey(unlock.publisherSlug, unlock.readerId);
    return [`${key.PK}|${key.SK}`, key];
  }));
  const claims = new Map(
    (await batchGetAll(db, [...keys.values()], ['PK', 'SK', 'firstAt', 'paidAt'])).map((claim) => [`${claim.PK as string}|${claim.SK as string}`, claim]),
  );
  for (const unlock of unlocks) {
    const key = giftReaderKey(unlock.publisherSlug, unlock.readerId);
    const claim = claims.get(`${key.PK}|${key.SK}`);
    if (!claim || claim.paidAt || (claim.firstAt as string) >= unlock.at) continue;
    const day = unlock.at.slice(0, 10);
    const result = await transactWriteRetryingConflicts(db, [
      {
        Update: {
          TableName: db.tableName,
          Key: key,
          UpdateExpression: 'SET paidAt = :at',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(paidAt) AND firstAt < :at',
          ExpressionAttributeValues: { ':at': unlock.at },
        },
      },
      addUpdate(db, statsDaysKey(unlock.publisherSlug, day.slice(0, 7)), new Map([[`${DAY_COUNTERS.giftReadersWhoPaid}${day.slice(8, 10)}`, 1]]), new Map()),
    ]);
    if (result.committed) claim.paidAt = unlock.at;
    else if (result.reasons[0]?.code !== 'ConditionalCheckFailed') throw new Error(`paying gift reader rollup cancelled: ${result.reasons.map((reason) => reason.code).join(', ')}`);
  }
}
