/**
 * Every DynamoDB key of the single table is built here and nowhere else.
 * docs/ARCHITECTURE.md has the access-pattern table that matches these functions.
 *
 * Table: PK / SK, plus four overloaded sparse GSIs (GSI1..GSI4, each with
 * `GSInPK` / `GSInSK`). Sort keys that order by time start with an ISO-8601
 * timestamp, so lexical order is chronological order.
 */

export const INDEX = {
  byPublisher: 'GSI1',
  global: 'GSI2',
  bySection: 'GSI3',
  byPublisherSection: 'GSI4',
} as const;

export type IndexName = (typeof INDEX)[keyof typeof INDEX];

export interface ItemKey {
  PK: string;
  SK: string;
}

// ---- publishers -------------------------------------------------------------

export const publisherKey = (slug: string): ItemKey => ({ PK: `PUB#${slug}`, SK: 'PUB' });

/** All publishers, listed by slug (GSI1). */
export const PUBLISHER_LIST_PK = 'PUBLISHERS';
export const publisherListKeys = (slug: string) => ({ GSI1PK: PUBLISHER_LIST_PK, GSI1SK: slug });

// ---- feeds -------------------------------------------------------------------

export const feedKey = (slug: string, feedId: string): ItemKey => ({ PK: `PUB#${slug}`, SK: `FEED#${feedId}` });
/** Who owns a feed URL: the first publisher to register it. `urlDigest` hashes the URL as the URL parser normalises it. */
export const feedUrlClaimKey = (urlDigest: string): ItemKey => ({ PK: `FEEDURL#${urlDigest}`, SK: 'FEEDURL' });
export const FEED_SK_PREFIX = 'FEED#';
export const publisherPartition = (slug: string): string => `PUB#${slug}`;
export const publisherOfPartition = (pk: string): string => pk.slice('PUB#'.length);

/**
 * Feeds waiting for their next fetch, ordered by due time (GSI2; absent while
 * paused), spread over FEED_DUE_SHARDS partitions by feed: every fetch moves
 * its feed's entry (a delete and a put in the index), and a million feeds
 * polled every half hour would ask one partition for about 1,100 writes a
 * second. The dispatcher reads every shard.
 */
export const FEED_DUE_SHARDS = 16;
export const feedsDuePk = (shard: number): string => `FEEDS_DUE#${shard}`;
export const feedDueKeys = (nextFetchAt: string, slug: string, feedId: string) => ({
  GSI2PK: feedsDuePk(shardOf(`${slug}#${feedId}`, FEED_DUE_SHARDS)),
  GSI2SK: `${nextFetchAt}#${slug}#${feedId}`,
});

// ---- articles ----------------------------------------------------------------

export const articleKey = (articleId: string): ItemKey => ({ PK: `ART#${articleId}`, SK: 'ART' });

/**
 * Every article, newest first, spread over ARTICLE_LIST_SHARDS partitions by
 * id (GSI2), so the ingest of all publishers does not write one index
 * partition. A listing reads every shard and merges them by sort key.
 */
export const ARTICLE_LIST_SHARDS = 4;
export const allArticlesPk = (shard: number): string => `ARTICLES#${shard}`;

/**
 * An article's address on the publisher's own site → the article (the paywall
 * embed's lookup). One item per publisher under one address, so two
 * publishers syndicating one URL never overwrite each other.
 */
export const articleUrlPartition = (urlDigest: string): string => `ARTURL#${urlDigest}`;
export const articleUrlKey = (urlDigest: string, publisherSlug: string): ItemKey => ({ PK: articleUrlPartition(urlDigest), SK: `PUB#${publisherSlug}` });
export const publisherArticlesPk = (slug: string): string => `PUBART#${slug}`;
/** Sections match case-insensitively: "World" and "world" are one listing. */
export const sectionArticlesPk = (section: string): string => `SECTION#${section.toLowerCase()}`;
export const publisherSectionArticlesPk = (slug: string, section: string): string =>
  `PUBSECTION#${slug}#${section.toLowerCase()}`;

/**
 * Articles the feed said turn free later (`postwire:freeAfter`), by the day
 * they do: the sweep reads the days up to now and sets their price to 0, so
 * every listing (which reads the index's projected price) shows them free.
 */
export const turnFreePk = (day: string): string => `FREEAT#${day}`;
export const turnFreeKey = (freeFrom: string, articleId: string): ItemKey => ({ PK: turnFreePk(freeFrom.slice(0, 10)), SK: `${freeFrom}#${articleId}` });

/** Newest-first listings: one sort key shape for every article index. */
export const articleListSk = (publishedAt: string, articleId: string): string => `${publishedAt}#${articleId}`;

export function articleListKeys(article: { id: string; publisherSlug: string; section?: string | undefined; publishedAt: string }) {
  const sk = articleListSk(article.publishedAt, article.id);
  return {
    GSI1PK: publisherArticlesPk(article.publisherSlug),
    GSI1SK: sk,
    GSI2PK: allArticlesPk(shardOf(article.id, ARTICLE_LIST_SHARDS)),
    GSI2SK: sk,
    ...(article.section
      ? {
          GSI3PK: sectionArticlesPk(article.section),
          GSI3SK: sk,
          GSI4PK: publisherSectionArticlesPk(article.publisherSlug, article.section),
          GSI4SK: sk,
        }
      : {}),
  };
}

/** Which index and partitions answer an article listing with these filters (several: shards to merge). */
export function articleListQuery(filter: { publisher?: string | undefined; section?: string | undefined }): {
  index: IndexName;
  partitions: string[];
} {
  if (filter.publisher && filter.section) {
    return { index: INDEX.byPublisherSection, partitions: [publisherSectionArticlesPk(filter.publisher, filter.section)] };
  }
  if (filter.publisher) return { index: INDEX.byPublisher, partitions: [publisherArticlesPk(filter.publisher)] };
  if (filter.section) return { index: INDEX.bySection, partitions: [sectionArticlesPk(filter.section)] };
  return { index: INDEX.global, partitions: Array.from({ length: ARTICLE_LIST_SHARDS }, (_, shard) => allArticlesPk(shard)) };
}

// ---- readers, wallets, access ---------------------------------------------------

export const readerPartition = (userId: string): string => `USER#${userId}`;
export const readerKey = (userId: string): ItemKey => ({ PK: readerPartition(userId), SK: 'PROFILE' });
export const walletKey = (userId: string): ItemKey => ({ PK: readerPartition(userId), SK: 'WALLET' });
/** Claims that make email and handle unique; the email claim also holds the password hash, so login is one read. */
export const emailKey = (email: string): ItemKey => ({ PK: `EMAIL#${email.toLowerCase()}`, SK: 'EMAIL' });
export const handleKey = (handle: string): ItemKey => ({ PK: `HANDLE#${handle.toLowerCase()}`, SK: 'HANDLE' });
export const loginFailuresKey = (email: string): ItemKey => ({ PK: `LOGINFAIL#${email.toLowerCase()}`, SK: 'LOGINFAIL' });

/** A password-reset link, by the SHA-256 of its secret token: used once, gone after 30 minutes. */
export const passwordResetKey = (tokenDigest: string): ItemKey => ({ PK: `PWRESET#${tokenDigest}`, SK: 'PWRESET' });
/** A reader's pending change of address: both sides' link digests and which agreed (one per account; a new request replaces it). */
export const emailChangeKey = (userId: string): ItemKey => ({ PK: readerPartition(userId), SK: 'EMAILCHANGE' });
/** A reader's private feed address, by the SHA-256 of its secret token (one per reader; rotating or revoking deletes it). */
export const privateFeedKey = (tokenDigest: string): ItemKey => ({ PK: `FEEDTOKEN#${tokenDigest}`, SK: 'FEEDTOKEN' });
/** That an address was once granted starter points, by the SHA-256 of the address: kept when the account is deleted, so they are granted once per address. */
export const starterClaimKey = (addressDigest: string): ItemKey => ({ PK: `STARTER#${addressDigest}`, SK: 'STARTER' });

/** Append-only wallet ledger, newest last by time. */
export const LEDGER_SK_PREFIX = 'LEDGER#';
export const ledgerEntryKey = (userId: string, at: string, entryId: string): ItemKey => ({
  PK: readerPartition(userId),
  SK: `${LEDGER_SK_PREFIX}${at}#${entryId}`,
});

/** One item per article a reader may read in full; its existence is what "never charged twice" checks. */
export const entitlementKey = (userId: string, articleId: string): ItemKey => ({ PK: readerPartition(userId), SK: `ENT#${articleId}` });
export const articleIdOfEntitlementSk = (sk: string): string => sk.slice('ENT#'.length);
/** The reader's library, newest first (GSI1). */
export const libraryPk = (userId: string): string => `LIBRARY#${userId}`;
export const libraryKeys = (userId: string, grantedAt: string, articleId: string) => ({
  GSI1PK: libraryPk(userId),
  GSI1SK: `${grantedAt}#${articleId}`,
});

/** Free articles used of one publisher in one calendar month (UTC, `YYYY-MM`). */
export const meterKey = (userId: string, publisherSlug: string, month: string): ItemKey => ({
  PK: readerPartition(userId),
  SK: `METER#${publisherSlug}#${month}`,
});

/** A reader's subscription to (or trial of) one publisher: the one item access checks. */
export const subscriptionKey = (userId: string, publisherSlug: string): ItemKey => ({
  PK: readerPartition(userId),
  SK: `SUB#${publisherSlug}`,
});
/**
 * A publisher's subscribers with access, by kind and period end (GSI1), present only
 * while the subscription grants access, so "active now" is one key-range count.
 */
export const subscribersPk = (publisherSlug: string): string => `SUBSCRIBERS#${publisherSlug}`;
export const subscriberKeys = (publisherSlug: string, kind: 'trial' | 'paid', periodEnd: string, userId: string) => ({
  GSI1PK: subscribersPk(publisherSlug),
  GSI1SK: `${kind}#${periodEnd}#${userId}`,
});
/** Marks that a reader has had their one trial of a publisher. */
export const trialClaimKey = (userId: string, publisherSlug: string): ItemKey => ({ PK: readerPartition(userId), SK: `TRIALUSED#${publisherSlug}` });
/** Points a reader paid one publisher through unlocks in one calendar month: what the spend cap checks. */
/** What a publisher's promotional unlocks have earned this month, against the platform's budget (`used`). */
export const promoBudgetKey = (publisherSlug: string, month: string): ItemKey => ({ PK: publisherPartition(publisherSlug), SK: `PROMOBUDGET#${month}` });
export const spendKey = (userId: string, publisherSlug: string, month: string): ItemKey => ({
  PK: readerPartition(userId),
  SK: `SPEND#${publisherSlug}#${month}`,
});

/** A completed payment, recorded once: the webhook credits points only if this claim is new. */
export const paymentKey = (paymentId: string): ItemKey => ({ PK: `PAYMENT#${paymentId}`, SK: 'PAYMENT' });
/**
 * A points purchase as Stripe's payment intent: who was credited what, and what
 * was refunded or disputed since — the facts refunds and disputes are settled from.
 */
export const paymentIntentKey = (paymentIntentId: string): ItemKey => ({ PK: `PAYMENTINTENT#${paymentIntentId}`, SK: 'PAYMENTINTENT' });
/** What the platform bore when refunded or disputed points had already been spent and could not be reversed. */
export const PLATFORM_LOSSES_PK = 'PLATFORM#LOSSES';
export const platformLossKey = (at: string, entryId: string): ItemKey => ({ PK: PLATFORM_LOSSES_PK, SK: `LOSS#${at}#${entryId}` });

/** Undos used in one calendar month (UTC, `YYYY-MM`). */
export const undoCounterKey = (userId: string, month: string): ItemKey => ({ PK: readerPartition(userId), SK: `UNDO#${month}` });

/**
 * A publisher's earnings ledger: one entry per unlock (or reversal), never a
 * shared counter to contend on. Entries are spread over EARNING_SHARDS
 * partitions by their id: sort keys that only grow never split a partition
 * for heat, so one partition would cap a publisher at 1,000 entries a second
 * and share that with the publisher record. Readers query every shard.
 */
export const EARNING_SK_PREFIX = 'EARNING#';
export const EARNING_SHARDS = 4;
export const earningPartition = (publisherSlug: string, shard: number): string => `EARN#${publisherSlug}#${shard}`;
export const earningShardOf = (entryId: string): number => shardOf(entryId, EARNING_SHARDS);
/** The publisher whose ledger holds an entry, from its partition key. */
export const publisherOfEarningPk = (pk: string): string => pk.slice('EARN#'.length, pk.lastIndexOf('#'));
export const earningKey = (publisherSlug: string, at: string, entryId: string): ItemKey => ({
  PK: earningPartition(publisherSlug, earningShardOf(entryId)),
  SK: `${EARNING_SK_PREFIX}${at}#${entryId}`,
});

/**
 * A publisher's stats, rolled up from the table stream: per calendar month one
 * item of day totals (`days`) and ARTICLE_STAT_PARTS items of per-article
 * counts (an article's part follows from its id), so a year of stats is one
 * query of a few dozen items however many entries the ledger holds.
 */
export const ARTICLE_STAT_PARTS = 8;
export const statsPartition = (publisherSlug: string): string => `STATS#${publisherSlug}`;
export const STATS_MONTH_SK_PREFIX = 'M#';
export const statsDaysKey = (publisherSlug: string, month: string): ItemKey => ({ PK: statsPartition(publisherSlug), SK: `${STATS_MONTH_SK_PREFIX}${month}#days` });
export const statsArticlesKey = (publisherSlug: string, month: string, articleId: string): ItemKey => ({
  PK: statsPartition(publisherSlug),
  SK: `${STATS_MONTH_SK_PREFIX}${month}#articles#${shardOf(articleId, ARTICLE_STAT_PARTS)}`,
});
/** The first time a reader came to this publisher through a gift, and whether they unlocked something since. */
export const giftReaderKey = (publisherSlug: string, readerId: string): ItemKey => ({ PK: statsPartition(publisherSlug), SK: `GIFTREADER#${readerId}` });

/** A stable shard in 0..shards-1 for an id (FNV-1a: cheap, and even enough over random ids). */
export function shardOf(id: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % shards;
}

// ---- payouts -----------------------------------------------------------------

/** The publisher's Stripe Connect account; listed in GSI1 under PAYOUT_ACCOUNTS so a payout run finds every one. */
export const PAYOUT_ACCOUNTS_PK = 'PAYOUT_ACCOUNTS';
export const payoutAccountKey = (publisherSlug: string): ItemKey => ({ PK: publisherPartition(publisherSlug), SK: 'CONNECT' });
export const payoutAccountListKeys = (publisherSlug: string) => ({ GSI1PK: PAYOUT_ACCOUNTS_PK, GSI1SK: publisherSlug });
/** A payout as the publisher lists them, newest first (the earnings ledger holds its entry too). */
export const PAYOUT_SK_PREFIX = 'PAYOUT#';
export const payoutKey = (publisherSlug: string, at: string, payoutId: string): ItemKey => ({ PK: publisherPartition(publisherSlug), SK: `${PAYOUT_SK_PREFIX}${at}#${payoutId}` });
/** How far the publisher's earnings have been paid out, and the payout in flight, if any. */
export const payoutStateKey = (publisherSlug: string): ItemKey => ({ PK: publisherPartition(publisherSlug), SK: 'PAYOUTSTATE' });

// ---- social: posts, likes, follows, timelines -----------------------------------

/** Who a post or follow is by or about: a reader (`r:<userId>`) or a publisher (`p:<slug>`). */
export type AccountKey = `r:${string}` | `p:${string}`;
export const readerAccount = (userId: string): AccountKey => `r:${userId}`;
export const publisherAccount = (slug: string): AccountKey => `p:${slug}`;

export const postKey = (postId: string): ItemKey => ({ PK: `POST#${postId}`, SK: 'POST' });
export const postIdOfPk = (pk: string): string => pk.slice('POST#'.length);
/** An account's posts, newest first (GSI1), and replies to a post in order (GSI2). */
export const authorPostsPk = (account: AccountKey): string => `POSTS#${account}`;
export const postListSk = (createdAt: string, postId: string): string => `${createdAt}#${postId}`;
export const repliesPk = (parentId: string): string => `REPLIES#${parentId}`;
export function postIndexKeys(post: { postId: string; author: AccountKey; createdAt: string; replyTo?: string | undefined }) {
  const sk = postListSk(post.createdAt, post.postId);
  return {
    GSI1PK: authorPostsPk(post.author),
    GSI1SK: sk,
    ...(post.replyTo ? { GSI2PK: repliesPk(post.replyTo), GSI2SK: sk } : {}),
  };
}

export const likeKey = (postId: string, userId: string): ItemKey => ({ PK: `POST#${postId}`, SK: `LIKE#${userId}` });
/** A reader's likes, newest first (GSI1): what their export lists and their deletion takes back. */
export const readerLikesPk = (userId: string): string => `LIKES#${userId}`;
export const readerLikeKeys = (userId: string, likedAt: string, postId: string) => ({ GSI1PK: readerLikesPk(userId), GSI1SK: `${likedAt}#${postId}` });

/** `follower` follows `target`; the followers of a target are listed newest first through GSI1. */
export const followKey = (follower: AccountKey, target: AccountKey): ItemKey => ({ PK: `FOLLOWS#${follower}`, SK: target });
export const followingPk = (follower: AccountKey): string => `FOLLOWS#${follower}`;
export const followersPk = (target: AccountKey): string => `FOLLOWERS#${target}`;
export const followerKeys = (target: AccountKey, followedAt: string, follower: AccountKey) => ({
  GSI1PK: followersPk(target),
  GSI1SK: `${followedAt}#${follower}`,
});
/**
 * Follower and following counts of an account, split over shards in one partition:
 * each follow adds to one shard picked at random, so a popular account's
 * follows do not all contend for one item; a read sums the partition.
 * Shard 0 is the original single item.
 */
export const socialCountsPk = (account: AccountKey): string => `COUNTS#${account}`;
export const socialCountsKey = (account: AccountKey, shard = 0): ItemKey => ({ PK: socialCountsPk(account), SK: shard === 0 ? 'COUNTS' : `COUNTS#${shard}` });
/** Beside the counts: present once the account passed the merge threshold and its followers merge it at read time. */
export const PROMOTED_SK = 'PROMOTED';
export const socialPromotedKey = (account: AccountKey): ItemKey => ({ PK: socialCountsPk(account), SK: PROMOTED_SK });

/** A reader's home timeline: entries written by fan-out, newest first, expiring by TTL. */
export const timelinePk = (userId: string): string => `TIMELINE#${userId}`;
export const timelineEntryKey = (userId: string, createdAt: string, postId: string): ItemKey => ({
  PK: timelinePk(userId),
  SK: postListSk(createdAt, postId),
});
/** The accounts with very many followers that a reader follows: merged into the timeline at read time. */
export const mergedFollowKey = (userId: string, target: AccountKey): ItemKey => ({ PK: `MERGE#${userId}`, SK: target });
export const mergedFollowsPk = (userId: string): string => `MERGE#${userId}`;

/**
 * Blocks, kept on both sides in one partition per reader: `by-me#<userId>` for
 * readers I block, `of-me#<userId>` for readers who block me. One query tells
 * whom a reader must not see or be seen by.
 */
export const blocksPk = (userId: string): string => `BLOCK#${userId}`;
export const blockedByMeKey = (userId: string, target: string): ItemKey => ({ PK: blocksPk(userId), SK: `by-me#${target}` });
export const blockingMeKey = (userId: string, blocker: string): ItemKey => ({ PK: blocksPk(userId), SK: `of-me#${blocker}` });
export const userIdOfBlockSk = (sk: string): string => sk.slice(sk.indexOf('#') + 1);

/** A gift link: opens one article for up to N readers until it expires. */
export const giftKey = (giftId: string): ItemKey => ({ PK: `GIFT#${giftId}`, SK: 'GIFT' });
/** Gift links a reader created in one calendar month (the monthly allowance). */
export const giftCounterKey = (userId: string, month: string): ItemKey => ({ PK: readerPartition(userId), SK: `GIFTS#${month}` });
/** The publisher's record of gift activity, read by its stats: links made and readers who came in by one. */
export const GIFT_EVENT_SK_PREFIX = 'GIFTEVENT#';
export const giftEventKey = (publisherSlug: string, at: string, eventId: string): ItemKey => ({
  PK: publisherPartition(publisherSlug),
  SK: `${GIFT_EVENT_SK_PREFIX}${at}#${eventId}`,
});

/** How often a reader did one action in one fixed window (rate limits). */
/** `subject`: a reader id, or `ip:<address>` / `domain:<email domain>` for sign-ups. */
export const rateCounterKey = (subject: string, action: string, window: number): ItemKey => ({ PK: `RATE#${subject}#${action}`, SK: String(window) });

// ---- mail ---------------------------------------------------------------------

/** A mail on its way out (AWS): the table's stream hands it to the mail worker. */
export const mailOutboxKey = (mailId: string): ItemKey => ({ PK: `MAIL#${mailId}`, SK: 'MAIL' });
/** An address postwire no longer mails (a permanent bounce or a complaint). */
export const mailSuppressionKey = (address: string): ItemKey => ({ PK: `MAILSUPPRESS#${address.toLowerCase()}`, SK: 'MAILSUPPRESS' });

// ---- newsletters ----------------------------------------------------------------

/** A newsletter's definition, found by its id alone (subscribe links name only the id). */
export const newsletterKey = (newsletterId: string): ItemKey => ({ PK: `NEWSLETTER#${newsletterId}`, SK: 'NEWSLETTER' });
/** A publisher's newsletters, by name (GSI1). */
export const publisherNewslettersPk = (slug: string): string => `NEWSLETTERS#${slug}`;
export const publisherNewsletterKeys = (slug: string, newsletterId: string) => ({ GSI1PK: publisherNewslettersPk(slug), GSI1SK: newsletterId });
/** Newsletters waiting for their next issue, by send time (GSI2; absent while paused). */
export const NEWSLETTERS_DUE_PK = 'NEWSLETTERS_DUE';
export const newsletterDueKeys = (nextSendAt: string, newsletterId: string) => ({ GSI2PK: NEWSLETTERS_DUE_PK, GSI2SK: `${nextSendAt}#${newsletterId}` });

/** A reader's own record of a newsletter subscription (pending until the double opt-in, then active). */
export const NEWSLETTER_SUBSCRIPTION_SK_PREFIX = 'NLSUB#';
export const readerNewsletterKey = (userId: string, newsletterId: string): ItemKey => ({ PK: readerPartition(userId), SK: `${NEWSLETTER_SUBSCRIPTION_SK_PREFIX}${newsletterId}` });
/**
 * Confirmed subscribers of a newsletter, spread over NEWSLETTER_SUBSCRIBER_SHARDS
 * partitions by reader: an issue's fan-out pages through every shard at
 * once, and a popular newsletter's sign-ups do not all write one partition.
 */
export const NEWSLETTER_SUBSCRIBER_SHARDS = 8;
export const newsletterSubscribersPk = (newsletterId: string, shard: number): string => `NLSUBS#${newsletterId}#${shard}`;
export const newsletterSubscriberKey = (newsletterId: string, userId: string): ItemKey => ({
  PK: newsletterSubscribersPk(newsletterId, shardOf(userId, NEWSLETTER_SUBSCRIBER_SHARDS)),
  SK: userId,
});

/** One issue of a newsletter: its articles, fixed when it is made, and its counters. */
export const newsletterIssueKey = (issueId: string): ItemKey => ({ PK: `NLISSUE#${issueId}`, SK: 'NLISSUE' });
/** A publisher's issues by send time (GSI1): what its stats sum over a period. */
export const publisherIssuesPk = (slug: string): string => `NLISSUES#${slug}`;
export const publisherIssueKeys = (slug: string, sentAt: string, issueId: string) => ({ GSI1PK: publisherIssuesPk(slug), GSI1SK: `${sentAt}#${issueId}` });
/** How far an issue's fan-out has come through one subscriber shard (the resume point of a retried job). */
export const issueShardKey = (issueId: string, shard: number): ItemKey => ({ PK: `NLISSUE#${issueId}`, SK: `SHARD#${shard}` });
/** That a reader was sent an issue: written before the mail is queued, so a retried page skips them. */
export const issueSentKey = (issueId: string, userId: string): ItemKey => ({ PK: `NLSENT#${issueId}#${shardOf(userId, NEWSLETTER_SUBSCRIBER_SHARDS)}`, SK: userId });

// ---- webhooks -----------------------------------------------------------------------

/** A publisher's webhook endpoint; listed with `begins_with(SK, WEBHOOK#)`. */
export const WEBHOOK_SK_PREFIX = 'WEBHOOK#';
export const webhookKey = (slug: string, webhookId: string): ItemKey => ({ PK: publisherPartition(slug), SK: `${WEBHOOK_SK_PREFIX}${webhookId}` });
/** Endpoints with events to deliver now or a retry due (GSI2; absent while nothing is pending). */
export const WEBHOOKS_DUE_PK = 'WEBHOOKS_DUE';
export const webhookDueKeys = (dueAt: string, slug: string, webhookId: string) => ({ GSI2PK: WEBHOOKS_DUE_PK, GSI2SK: `${dueAt}#${slug}#${webhookId}` });
/**
 * A publisher's events, in the order they were logged: numbered from a
 * counter in the same partition (not by their time, which need not arrive in
 * order), so a cursor never passes an event logged after it. Each event id is
 * claimed beside them, so an event is logged once.
 */
export const webhookLogPk = (slug: string): string => `WHLOG#${slug}`;
export const WEBHOOK_EVENT_SK_PREFIX = 'E#';
export const webhookEventKey = (slug: string, sequence: number): ItemKey => ({ PK: webhookLogPk(slug), SK: `${WEBHOOK_EVENT_SK_PREFIX}${String(sequence).padStart(12, '0')}` });
export const webhookLogCounterKey = (slug: string): ItemKey => ({ PK: webhookLogPk(slug), SK: 'SEQ' });
export const webhookEventClaimKey = (slug: string, eventId: string): ItemKey => ({ PK: webhookLogPk(slug), SK: `ID#${eventId}` });
/** What happened to each delivery attempt to one endpoint, newest last. */
export const webhookDeliveriesPk = (slug: string, webhookId: string): string => `WHDELIVERY#${slug}#${webhookId}`;
export const webhookDeliveryKey = (slug: string, webhookId: string, at: string, eventId: string): ItemKey => ({ PK: webhookDeliveriesPk(slug, webhookId), SK: `${at}#${eventId}` });

// ---- idempotency -------------------------------------------------------------

export const idempotencyKey = (scope: string, key: string): ItemKey => ({ PK: `IDEMPOTENCY#${scope}#${key}`, SK: 'IDEMPOTENCY' });

/**
 * Attributes copied into every GSI (projection INCLUDE). Article content and
 * secrets stay out, so an index write costs one unit, not the whole article.
 * DynamoDB allows at most 20 per index and 100 across the table's indexes.
 */
export const INDEX_PROJECTION = [
  // articles (the card)
  'id',
  'publisherSlug',
  'title',
  'dek',
  'author',
  'section',
  'url',
  'imageUrl',
  'publishedAt',
  'priceOverride',
  'readingMinutes',
  // publishers
  'slug',
  'name',
  'homepageUrl',
  'articlePrice',
  'freeArticlesPerMonth',
  'plans',
  'createdAt',
  'updatedAt',
  // feeds
  'feedId',
] as const;
