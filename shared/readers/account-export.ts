/**
 * A reader's whole account as data they can take away (GDPR art. 15 and 20):
 * profile, wallet and ledger, library, subscriptions, posts, follows, likes,
 * blocks and free-meter use. It reads the reader's own partition and the
 * index partitions that list what they wrote; never a scan. Bookkeeping the
 * system needs (keys, counters' windows, session cut-offs) is left out.
 */
import type { Db } from '../db/client.js';
import { batchGetAll } from '../db/batch.js';
import { authorPostsPk, blocksPk, followingPk, INDEX, postIdOfPk, postKey, readerAccount, readerLikesPk, readerPartition, userIdOfBlockSk } from '../db/keys.js';
import { collectAll } from '../db/query-all.js';
import { NotFound } from '../errors.js';

const INTERNAL = new Set(['PK', 'SK', 'type', 'sessionsValidAfter', 'privateFeedDigest', 'reversedPoints', 'undoneAt', 'rolledUp', 'expiresAt']);
const isIndexKey = (name: string) => /^GSI\d(PK|SK)$/.test(name);

/** The item as the reader should see it: without keys and bookkeeping. */
function shown(item: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !INTERNAL.has(name) && !isIndexKey(name)));
}

export interface AccountExport {
  exportedAt: string;
  profile: Record<string, unknown>;
  wallet: { balance: number; promotional: number };
  ledger: Array<Record<string, unknown>>;
  library: Array<Record<string, unknown>>;
  subscriptions: Array<Record<string, unknown>>;
  freeArticlesUsed: Array<{ publisherSlug: string; month: string; used: number }>;
  posts: Array<Record<string, unknown>>;
  follows: Array<{ kind: 'reader' | 'publisher'; id: string; followedAt?: string }>;
  likes: Array<{ postId: string; likedAt: string }>;
  blocked: Array<{ userId: string; at?: string }>;
  newsletters: Array<Record<string, unknown>>;
}

export async function exportAccount(db: Db, userId: string, now: Date): Promise<AccountExport> {
  const account = readerAccount(userId);
  const [own, postKeys, follows, likes, blocks] = await Promise.all([
    collectAll(db, { partition: readerPartition(userId) }),
    collectAll(db, { partition: authorPostsPk(account), index: INDEX.byPublisher }),
    collectAll(db, { partition: followingPk(account) }),
    collectAll(db, { partition: readerLikesPk(userId), index: INDEX.byPublisher }),
    collectAll(db, { partition: blocksPk(userId), prefix: 'by-me#' }),
  ]);
  // The author index keeps keys only; the posts themselves are one batch read per hundred.
  const posts = await batchGetAll(db, postKeys.map((item) => postKey(postIdOfPk(item.PK as string))));
  posts.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
  const profile = own.find((item) => item.SK === 'PROFILE');
  if (!profile || profile.deletedAt) throw new NotFound('The account');
  const wallet = own.find((item) => item.SK === 'WALLET');
  const sk = (item: Record<string, unknown>) => item.SK as string;
  return {
    exportedAt: now.toISOString(),
    profile: shown(profile),
    wallet: { balance: (wallet?.balance as number | undefined) ?? 0, promotional: (wallet?.promoBalance as number | undefined) ?? 0 },
    ledger: own.filter((item) => item.type === 'ledger').map(shown),
    library: own.filter((item) => item.type === 'entitlement').map(shown),
    subscriptions: own.filter((item) => item.type === 'subscription').map(shown),
    freeArticlesUsed: own
      .filter((item) => sk(item).startsWith('METER#'))
      .map((item) => {
        const [, publisherSlug = '', month = ''] = sk(item).split('#');
        return { publisherSlug, month, used: (item.used as number | undefined) ?? 0 };
      }),
    posts: posts.map(({ author: _author, authorHandle: _handle, ...post }) => shown(post)),
    follows: follows.map((item) => {
      const target = sk(item);
      return { kind: target.startsWith('p:') ? ('publisher' as const) : ('reader' as const), id: target.slice(2), ...(item.followedAt ? { followedAt: item.followedAt as string } : {}) };
    }),
    // Index entries carry keys only: the like's time is its index sort key's first part.
    likes: likes.map((item) => ({ postId: postIdOfPk(item.PK as string), likedAt: (item.GSI1SK as string).split('#')[0]! })),
    blocked: blocks.map((item) => ({ userId: userIdOfBlockSk(sk(item)), ...(item.at ? { at: item.at as string } : {}) })),
    newsletters: own.filter((item) => item.type === 'newsletter_subscription').map(shown),
  };
}
